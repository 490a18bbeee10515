/**
 * The queries defined once (src/chain/react/*Queries.ts) and the key readers beside the key builders
 * (queryKeys.ts): a factory's key, staleness and placeholder, the keys the pages' hooks used before kept as
 * they were, a write's refresh still reaching them, and a key told from another by name, never by position.
 * Pure: no node is started, nothing is read.
 */
import { partialMatchKey, type Query } from '@tanstack/react-query';
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import type { ChainClients } from '../../src/chain/config/clients.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import type { HistoryRun } from '../../src/chain/react/historyQueries.ts';
import {
  historyQueryOptions,
  poolHistoryOptions,
  userLedgerOptions,
} from '../../src/chain/react/historyQueries.ts';
import {
  type ChainReads,
  pendingSettlementOptions,
  poolsSnapshotOptions,
} from '../../src/chain/react/poolQueries.ts';
import {
  chainKeys,
  isSettlementKeyFor,
  refreshAfter,
  snapshotKeyParts,
} from '../../src/chain/react/queryKeys.ts';
import { ohmPool, withUser } from '../fixtures/pools.ts';

const USER = getAddress('0x8ba1f109551bd432803012645ac136ddd64dba72');
const POOL_A = getAddress('0x00000000000000000000000000000000000000aa');
const POOL_B = getAddress('0x00000000000000000000000000000000000000bb');
const POLL_MS = 4_000;
// The factories only build options here: their reads are never run, so no client is needed.
const chain: ChainReads = {
  chainId: 42161,
  deployment: { pollIntervalMs: POLL_MS } as ChainDeployment,
  clients: {} as ChainClients,
};

describe('snapshotKeyParts', () => {
  it('reads the chain and account of a pools snapshot key by name', () => {
    const key = chainKeys.poolsSnapshot(42161, USER, [POOL_A, POOL_B]);
    expect(snapshotKeyParts(key)).toEqual({ chainId: 42161, user: USER });
    expect(snapshotKeyParts(chainKeys.poolsSnapshot(1, undefined, undefined))).toEqual({
      chainId: 1,
      user: undefined,
    });
  });

  it('answers undefined for any other key', () => {
    expect(snapshotKeyParts(chainKeys.userHistory(1, USER))).toBeUndefined();
    expect(snapshotKeyParts(chainKeys.pendingSettlement(1, USER))).toBeUndefined();
    // The prefix a write refreshes names every snapshot of the account, not one read.
    expect(snapshotKeyParts(chainKeys.snapshot(1, USER))).toBeUndefined();
    expect(snapshotKeyParts(['chain', '1', 'snapshot', USER, ''])).toBeUndefined();
    expect(snapshotKeyParts(['wallet', 1, 'snapshot', USER, ''])).toBeUndefined();
    expect(snapshotKeyParts(['chain', 1, 'snapshot', 7, ''])).toBeUndefined();
  });
});

describe('isSettlementKeyFor', () => {
  const key = chainKeys.poolSettlement(1, USER, POOL_A, '3:');
  it('knows a settlement key by its pool, in whatever case the address comes', () => {
    expect(isSettlementKeyFor(key, POOL_A)).toBe(true);
    expect(isSettlementKeyFor(key, POOL_A.toLowerCase() as typeof POOL_A)).toBe(true);
    expect(isSettlementKeyFor(key, POOL_B)).toBe(false);
    expect(isSettlementKeyFor(chainKeys.poolSettlement(1, USER, undefined, null), undefined)).toBe(true);
  });

  it('refuses the refresh prefix and other kinds of key', () => {
    expect(isSettlementKeyFor(chainKeys.pendingSettlement(1, USER), POOL_A)).toBe(false);
    expect(isSettlementKeyFor(chainKeys.poolHistory(1, POOL_A), POOL_A)).toBe(false);
  });
});

describe('poolsSnapshotOptions', () => {
  const pools = [ohmPool({ address: POOL_A }).info, ohmPool({ address: POOL_B }).info];
  const memory = { hints: new Map(), extraIntervals: 0 };

  it('keys the snapshot by chain, account and pool list, stale by the next poll', () => {
    const options = poolsSnapshotOptions(chain, USER, pools, memory);
    expect(options.queryKey).toEqual(['chain', 42161, 'snapshot', USER, `${POOL_A},${POOL_B}`]);
    expect(options.staleTime).toBe(POLL_MS - 1);
    expect(options.refetchInterval).toBe(POLL_MS);
    expect(options.enabled).toBe(true);
    expect(poolsSnapshotOptions(chain, USER, undefined, memory).enabled).toBe(false);
  });

  it('is refreshed by the writes that change it', () => {
    const { queryKey } = poolsSnapshotOptions(chain, USER, pools, memory);
    for (const refresh of [refreshAfter.approve(42161, USER), refreshAfter.commit(42161, USER)])
      expect(refresh.some((prefix) => partialMatchKey(queryKey, prefix))).toBe(true);
    expect(partialMatchKey(queryKey, chainKeys.snapshot(42161, POOL_B))).toBe(false);
  });
});

describe('pendingSettlementOptions', () => {
  const pool = withUser(ohmPool({ address: POOL_A }), 0n);
  const options = pendingSettlementOptions(chain, pool, USER);
  const placeholder = options.placeholderData as (previous: unknown, query: Query | undefined) => unknown;
  const queryOf = (poolAddress: typeof POOL_A) =>
    ({ queryKey: chainKeys.poolSettlement(42161, USER, poolAddress, 'older') }) as unknown as Query;

  it('keeps the previous answer for the same pool only', () => {
    expect(placeholder('before', queryOf(POOL_A))).toBe('before');
    expect(placeholder('before', queryOf(POOL_B))).toBeUndefined();
    expect(placeholder('before', undefined)).toBeUndefined();
  });

  it('is refreshed by a commit, a claim and an upkeep', () => {
    for (const refresh of [
      refreshAfter.commit(42161, USER),
      refreshAfter.claim(42161, USER),
      refreshAfter.upkeep(42161, USER, POOL_A),
    ])
      expect(refresh.some((prefix) => partialMatchKey(options.queryKey, prefix))).toBe(true);
  });
});

describe('the history options', () => {
  const run: HistoryRun<unknown> = {
    latest: () => ({ stamp: '1', toBlock: 10n, read: async () => undefined }),
    started: () => ({ onProgress: () => {}, onSource: () => {} }),
    source: undefined,
  };

  it('keep the keys the pages used, with no pool yet as a disabled query', () => {
    const info = ohmPool({ address: POOL_A }).info;
    expect(poolHistoryOptions(chain, info).queryKey).toEqual(['chain', 42161, 'pool-history', POOL_A]);
    const none = poolHistoryOptions(chain, undefined);
    expect(none.queryKey).toEqual(['chain', 42161, 'pool-history', null]);
    expect(none.enabled).toBe(false);
    expect(userLedgerOptions(chain, USER, [info], true).queryKey).toEqual(chainKeys.userHistory(42161, USER));
    expect(userLedgerOptions(chain, USER, undefined, true).enabled).toBe(false);
  });

  it('are never stale and read only once the block to read to is known', () => {
    const options = historyQueryOptions(poolHistoryOptions(chain, ohmPool().info), run);
    expect(options.staleTime).toBe(Number.POSITIVE_INFINITY);
    expect(options.retry).toBe(false);
    expect(options.enabled).toBe(true);
    const noBlock = { ...run, latest: () => ({ ...run.latest(), toBlock: undefined }) };
    expect(historyQueryOptions(poolHistoryOptions(chain, ohmPool().info), noBlock).enabled).toBe(false);
  });
});
