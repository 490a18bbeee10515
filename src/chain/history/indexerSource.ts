/**
 * The HistorySource that asks the history indexer (indexer/, docs/indexer.md) and the chain only for what the
 * indexer has not reached. Each answer is checked before it is used:
 * - it must come from this chain: the same chain id and the same hash for the block that names the chain
 *   instance (a restarted devnet reuses its chain id and addresses);
 * - blocks past the indexer's head are read from the chain's own logs (the fallback, from that block on), so
 *   history always reaches the snapshot's block whatever the indexer's lag;
 * - a pool the indexer does not serve (not the factory's, or not verified) is read from the chain.
 * An indexer that is unreachable, errs or answers something unreadable is left alone for a while and the
 * chain's logs serve everything meanwhile. A plain `fetch`: no client library in the bundle.
 */
import type { Hex } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import {
  type HistoryRequest,
  type HistorySource,
  historyKey,
  type PoolEvents,
  type UpkeepStep,
  type UserEvent,
} from './historySource.ts';
import {
  INDEXER_ROUTES,
  type IndexerChain,
  type LedgerAnswer,
  type PoolHistoryAnswer,
  type StepsAnswer,
  type UserHistoryAnswer,
} from './indexerApi.ts';
import { IndexerRefused, indexerClient, provenance, query } from './indexerClient.ts';
import { ledgerQueryParams } from './ledger.ts';
import type { LedgerSource } from './ledgerSource.ts';
import { sharedSteps } from './sharedSteps.ts';

export interface IndexerSourceOptions {
  /** The indexer's origin, e.g. `https://history.example.org`. */
  url: string;
  deployment: ChainDeployment;
  /** The log scan: for what the indexer cannot serve. */
  fallback: HistorySource;
  /** The hash of the block that names this chain instance, as the chain's own endpoint says. */
  chainIdentity: () => Promise<Hex>;
  fetcher?: typeof fetch;
  /** How long one request to the indexer may take (its answer may wait up to 1.5 s for a block). */
  timeoutMs?: number;
  /** How long an indexer that failed is left alone. */
  retryAfterMs?: number;
  now?: () => number;
}

/** The request as handed to the fallback: where the answer came from is this source's to say. */
const quiet = ({ onSource: _told, ...request }: HistoryRequest): HistoryRequest => request;

export function createIndexerSource({
  fallback,
  ...options
}: IndexerSourceOptions): HistorySource & LedgerSource {
  const { deployment } = options;
  const { ask, pages } = indexerClient({
    fetcher: (...args) => fetch(...args),
    timeoutMs: 5_000,
    retryAfterMs: 20_000,
    now: Date.now,
    ...options,
  });
  const stepsBrought = sharedSteps();

  return {
    async poolEvents(pool, request): Promise<PoolEvents> {
      const upkeeps: PoolEvents['upkeeps'] = [];
      const balances: PoolEvents['balances'] = [];
      let deployBlock: bigint | undefined;
      let chain: IndexerChain;
      try {
        chain = await pages<Extract<PoolHistoryAnswer, { served: true }>>(
          (from) => `${INDEXER_ROUTES.pool(pool.address)}${query(request, from)}`,
          request,
          (answer) => {
            if (!answer.served) throw new IndexerRefused('not-served');
            deployBlock = answer.deployBlock;
            upkeeps.push(...answer.upkeeps);
            balances.push(...answer.balances);
          },
        );
      } catch (error) {
        if (!(error instanceof IndexerRefused)) throw error;
        request.onSource?.({ kind: 'chain', why: error.why });
        return fallback.poolEvents(pool, quiet(request));
      }
      const served = provenance(chain, request);
      request.onSource?.(served);
      if (served.kind === 'indexer' && served.chainFrom !== undefined) {
        const rest = await fallback.poolEvents(pool, { ...quiet(request), fromBlock: served.chainFrom });
        upkeeps.push(...rest.upkeeps);
        balances.push(...rest.balances);
      }
      return {
        upkeeps,
        balances,
        fromBlock: request.fromBlock ?? deployBlock ?? deployment.historyFromBlock,
      };
    },

    async userEvents(pools, user, request) {
      const events = new Map<string, UserEvent[]>(pools.map((p) => [historyKey(p.address), []]));
      if (pools.length === 0) return events;
      const served = new Set<string>();
      const steps = new Map<string, UpkeepStep[]>();
      let withSteps = true;
      let through = 0n;
      const settleSteps = stepsBrought.open(pools, user, request.toBlock);
      let chain: IndexerChain;
      try {
        chain = await pages<UserHistoryAnswer>(
          (from) =>
            `${INDEXER_ROUTES.user(user)}${query(request, from, `&pools=${pools.map((p) => historyKey(p.address)).join(',')}`)}`,
          request,
          (answer) => {
            for (const pool of answer.served) served.add(historyKey(pool));
            for (const [pool, list] of Object.entries(answer.events)) events.get(pool)?.push(...list);
            if (!answer.steps) withSteps = false;
            for (const [pool, list] of Object.entries(answer.steps ?? {}))
              steps.set(pool, [...(steps.get(pool) ?? []), ...list]);
            through = answer.through;
          },
        );
        settleSteps(withSteps ? { steps, through } : undefined);
      } catch (error) {
        settleSteps(undefined);
        if (!(error instanceof IndexerRefused)) throw error;
        request.onSource?.({ kind: 'chain', why: error.why });
        return fallback.userEvents(pools, user, quiet(request));
      }
      const source = provenance(chain, request);
      // Pools the indexer does not serve are read whole from the chain; the others only past its head.
      const unserved: PoolInfo[] = pools.filter((p) => !served.has(historyKey(p.address)));
      const servedPools = pools.filter((p) => served.has(historyKey(p.address)));
      request.onSource?.(
        unserved.length > 0 && servedPools.length === 0 ? { kind: 'chain', why: 'not-served' } : source,
      );
      const [whole, rest] = await Promise.all([
        unserved.length ? fallback.userEvents(unserved, user, quiet(request)) : undefined,
        source.kind === 'indexer' && source.chainFrom !== undefined && servedPools.length
          ? fallback.userEvents(servedPools, user, { ...quiet(request), fromBlock: source.chainFrom })
          : undefined,
      ]);
      for (const more of [whole, rest])
        for (const [pool, list] of more ?? []) events.get(pool)?.push(...list);
      return events;
    },

    /**
     * One request, no log scan behind it: past balances and stored prices are the indexer's to read. Refused
     * as userEvents refuses (unreachable, not ready, another chain): then undefined. Pools the indexer does
     * not serve have no entry.
     */
    async upkeepSteps(pools, user, request) {
      const brought = await stepsBrought.take(pools, user, request.toBlock);
      if (brought) return brought;
      const asked = pools.map((p) => historyKey(p.address)).join(',');
      let answer: StepsAnswer;
      try {
        answer = await ask<StepsAnswer>(
          `${INDEXER_ROUTES.steps(user)}?toBlock=${request.toBlock}&pools=${asked}`,
          request.signal,
        );
      } catch (error) {
        if (error instanceof IndexerRefused) return undefined;
        throw error;
      }
      const served = new Set(answer.served.map(historyKey));
      const steps = new Map<string, UpkeepStep[]>();
      for (const pool of pools) {
        const key = historyKey(pool.address);
        if (served.has(key)) steps.set(key, answer.steps[key] ?? []);
      }
      return { steps, through: answer.through };
    },

    /**
     * One request: the indexer computes the figures and cuts the page. Its answer stands only if it covers
     * every pool asked and the blocks past its head hold nothing of the user's (asked of the chain's logs,
     * as the user route's tail is); otherwise undefined, and the whole history is read instead.
     */
    async ledger(pools, user, ledgerQuery, request) {
      const asked = pools.map((p) => historyKey(p.address)).join(',');
      let answer: LedgerAnswer;
      try {
        answer = await ask<LedgerAnswer>(
          `${INDEXER_ROUTES.ledger(user)}${query(request, undefined, `&pools=${asked}&${ledgerQueryParams(ledgerQuery)}`)}`,
          request.signal,
        );
      } catch (error) {
        if (error instanceof IndexerRefused) return undefined;
        throw error;
      }
      if (answer.served.length < pools.length) return undefined;
      if (answer.through < request.toBlock) {
        const tail = await fallback.userEvents(pools, user, {
          ...quiet(request),
          fromBlock: answer.through + 1n,
        });
        if ([...tail.values()].some((list) => list.length > 0)) return undefined;
      }
      request.onSource?.(provenance(answer.chain, request));
      return answer;
    },
  };
}
