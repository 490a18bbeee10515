import { getAddress, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PoolSnapshot, PoolsSnapshot, UserCommit } from '../../../src/chain/pools/poolSnapshot.ts';
import { emptyTotals } from '../../../src/engine/commits.ts';
import type { CommitTotals } from '../../../src/engine/types.ts';
import {
  type AlertEvent,
  type AlertMemory,
  alertEvents,
  alertStillHolds,
  NO_MEMORY,
} from '../../../src/features/alerts/alertEvents.ts';
import { poolLink } from '../../../src/features/pools/links.ts';
import { tradeLink } from '../../../src/features/trade/links.ts';
import { NOW, poolSnapshot, poolsSnapshot, samplePools } from '../../fixtures/pools.ts';

const USER = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;
const OTHER = '0x00000000000000000000000000000000000000e1' as const;
const POLL = 1000;
const T0 = 1_700_000_000_000;
const { btc, paused } = samplePools();
const gohm = (amount: string) => parseUnits(amount, 18);

function totals(part: Partial<CommitTotals>): CommitTotals {
  return { ...emptyTotals(), ...part };
}

/** The pool as the connected user sees it: `escrow` long/short/settlement, and their pending commits. */
function holding(
  pool: PoolSnapshot,
  escrow: [string, string, string],
  commits: UserCommit[] = [],
): PoolSnapshot {
  return {
    ...pool,
    user: {
      longWallet: 0n,
      shortWallet: 0n,
      settlementWallet: 0n,
      allowance: 0n,
      escrow: {
        longTokens: gohm(escrow[0]),
        shortTokens: gohm(escrow[1]),
        settlementTokens: gohm(escrow[2]),
      },
      commits,
    },
  };
}

/** The pool after `intervals` upkeeps since the fixture's state. */
function upkept(pool: PoolSnapshot, intervals: number): PoolSnapshot {
  return {
    ...pool,
    state: {
      ...pool.state,
      updateIntervalId: pool.state.updateIntervalId + BigInt(intervals),
      lastPriceTimestamp: pool.state.lastPriceTimestamp + BigInt(60 * intervals),
    },
  };
}

const late = (pool: PoolSnapshot, secondsSinceUpkeep: number): PoolSnapshot => ({
  ...pool,
  state: { ...pool.state, lastPriceTimestamp: BigInt(NOW - secondsSinceUpkeep) },
});

/** A session: each read is one poll later, on a later block, and live unless said otherwise. */
function session(user: `0x${string}` | undefined = USER) {
  let memory: AlertMemory = NO_MEMORY;
  let poll = 0;
  return (
    pools: PoolSnapshot[],
    options: { block?: bigint; ageMs?: number; as?: `0x${string}` | undefined } = {},
  ): AlertEvent[] => {
    poll += 1;
    const receivedAt = T0 + poll * POLL;
    const snapshot: PoolsSnapshot = {
      ...poolsSnapshot(pools),
      blockNumber: options.block ?? 100n + BigInt(poll),
      receivedAt,
    };
    const result = alertEvents(memory, {
      snapshot,
      user: 'as' in options ? options.as : user,
      pollIntervalMs: POLL,
      nowMs: receivedAt + (options.ageMs ?? 0),
    });
    memory = result.memory;
    return result.events;
  };
}

describe('alert events', () => {
  it('lets a notice go once what it told no longer holds: the claim made, the pool upkept again', () => {
    let memory: AlertMemory = NO_MEMORY;
    const read = (pools: PoolSnapshot[], poll: number) => {
      const receivedAt = T0 + poll * POLL;
      const snapshot = { ...poolsSnapshot(pools), blockNumber: 100n + BigInt(poll), receivedAt };
      const result = alertEvents(memory, { snapshot, user: USER, pollIntervalMs: POLL, nowMs: receivedAt });
      memory = result.memory;
      return result.events;
    };
    read([holding(btc, ['0', '0', '0'])], 1);
    const [claimable] = read([holding(btc, ['12.5', '0', '0'])], 2);
    expect(claimable?.kind).toBe('claimable');
    expect(alertStillHolds(claimable!, USER, memory)).toBe(true);
    read([holding(btc, ['0', '0', '0'])], 3);
    expect(alertStillHolds(claimable!, USER, memory)).toBe(false);

    const [overdue] = read([late(samplePools().eth, 200)], 4);
    expect(overdue?.kind).toBe('late');
    expect(alertStillHolds(overdue!, USER, memory)).toBe(true);
    read([late(samplePools().eth, 10)], 5);
    expect(alertStillHolds(overdue!, USER, memory)).toBe(false);
  });

  it('tells, on the first snapshot, only what already holds: a paused or late pool, once', () => {
    const read = session();
    const eth = late(samplePools().eth, 200);
    const events = read([holding(btc, ['12.5', '0', '0']), eth, paused]);
    expect(events.map((e) => [e.kind, e.pool])).toEqual([
      ['late', eth.info.address],
      ['paused', paused.info.address],
    ]);
    expect(events[0]?.body).toBe(
      'Upkeep of 1-ETH/USD+OHM is more than 2 update intervals late (due 2 min ago): commits wait until a keeper performs it.',
    );
    expect(events[0]?.link.to).toBe(poolLink(eth.info.address));
    expect(events[1]?.body).toBe(
      '3-ETH/USD+OHM is paused: claims revert and commits are closed until its governance acts.',
    );
    // The next polls see the same: nothing new.
    expect(read([holding(btc, ['12.5', '0', '0']), eth, paused])).toEqual([]);
    expect(read([holding(btc, ['12.5', '0', '0']), eth, paused])).toEqual([]);
  });

  it('counts late only past one whole interval beyond the due time, and not for a paused pool', () => {
    const read = session();
    // Due 60 s ago with a 60 s interval: exactly one interval, not more.
    expect(read([late(btc, 120)])).toEqual([]);
    expect(read([late(btc, 121)]).map((e) => e.kind)).toEqual(['late']);
    expect(read([late({ ...paused, state: btc.state }, 500)]).map((e) => e.kind)).toEqual(['paused']);
  });

  it('tells a pool that becomes late, and again only after an upkeep caught up and it fell behind anew', () => {
    const read = session();
    expect(read([btc])).toEqual([]);
    const [event] = read([late(btc, 130)]);
    expect(event?.kind).toBe('late');
    expect(event?.tag).toBe(`late:31337:${getAddress(btc.info.address)}`);
    expect(read([late(btc, 190)])).toEqual([]);
    expect(read([late(btc, 10)])).toEqual([]);
    expect(read([late(btc, 200)]).map((e) => e.kind)).toEqual(['late']);
  });

  it('tells a pool that becomes paused once, however long it stays paused', () => {
    const read = session();
    expect(read([btc])).toEqual([]);
    const events = read([{ ...btc, paused: true }]);
    expect(events.map((e) => e.kind)).toEqual(['paused']);
    expect(events[0]?.link.to).toBe(poolLink(btc.info.address));
    expect(read([{ ...btc, paused: true }])).toEqual([]);
    expect(read([btc])).toEqual([]);
    expect(read([{ ...btc, paused: true }]).map((e) => e.kind)).toEqual(['paused']);
  });

  it('tells a commit that executed into escrow, naming the pool, the commit and the amount', () => {
    const read = session();
    const mint: UserCommit = { intervalId: 5n, totals: totals({ longMintSettlement: gohm('10') }) };
    expect(read([holding(btc, ['0', '0', '0'], [mint])])).toEqual([]);
    const events = read([holding(upkept(btc, 1), ['12.5', '0', '0'])]);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      kind: 'claimable',
      title: 'Ready to claim in 3-BTC/USD+gOHM',
      body: 'Your 3-BTC/USD+gOHM long mint executed: 12.5 long tokens are ready to claim.',
      link: { to: tradeLink({ pool: btc.info.address }) },
    });
    // Not again on the next poll, nor when the user claims.
    expect(read([holding(upkept(btc, 1), ['12.5', '0', '0'])])).toEqual([]);
    expect(read([holding(upkept(btc, 2), ['0', '0', '0'])])).toEqual([]);
  });

  it('describes burns, flips, several commits and growth without a known commit', () => {
    const read = session();
    const burn: UserCommit = { intervalId: 5n, totals: totals({ longBurnPoolTokens: gohm('3') }) };
    const flip: UserCommit = { intervalId: 6n, totals: totals({ longBurnShortMintPoolTokens: gohm('1') }) };
    read([holding(btc, ['0', '0', '0'], [burn, flip])]);
    expect(read([holding(upkept(btc, 1), ['0', '0', '3.3'], [flip])])[0]?.body).toBe(
      'Your 3-BTC/USD+gOHM long burn executed: 3.3 gOHM is ready to claim.',
    );
    expect(read([holding(upkept(btc, 2), ['0', '1', '3.3'])])[0]?.body).toBe(
      'Your 3-BTC/USD+gOHM long → short flip executed: 1 short token is ready to claim.',
    );
    const both = [
      { intervalId: 7n, totals: totals({ shortMintSettlement: gohm('1') }) },
      { intervalId: 7n, totals: totals({ shortBurnPoolTokens: gohm('1') }) },
    ];
    read([holding(upkept(btc, 2), ['0', '1', '3.3'], both)]);
    expect(read([holding(upkept(btc, 3), ['0', '3', '4.3'])])[0]?.body).toBe(
      'Your 3-BTC/USD+gOHM commits executed: 2 short tokens and 1 gOHM are ready to claim.',
    );
    expect(read([holding(upkept(btc, 3), ['0.5', '3', '4.3'])])[0]?.body).toBe(
      '0.5 long tokens are ready to claim in your 3-BTC/USD+gOHM escrow.',
    );
  });

  it('never takes a loading state for news: escrow already there when the wallet arrives tells nothing', () => {
    const read = session();
    // The wallet is still loading: the snapshot has no user.
    expect(read([btc], { as: undefined })).toEqual([]);
    expect(read([holding(btc, ['12.5', '0', '4'])])).toEqual([]);
    // Another account connects: its escrow is not news either.
    expect(read([holding(btc, ['1', '0', '0'])], { as: OTHER })).toEqual([]);
    // The pool facts are the pool's, whoever is connected: a paused pool is not told again for the new account.
    const pausedOnce = session();
    expect(pausedOnce([paused], { as: undefined })).toHaveLength(1);
    expect(pausedOnce([holding(paused, ['0', '0', '0'])])).toEqual([]);
  });

  it('ignores a stale read, and tells what it hid once the next live read shows it', () => {
    const read = session();
    const mint: UserCommit = { intervalId: 5n, totals: totals({ longMintSettlement: gohm('10') }) };
    read([holding(btc, ['0', '0', '0'], [mint])]);
    // Figures older than two poll intervals: nothing in them is news, and they are not remembered.
    expect(read([holding(upkept(btc, 1), ['12.5', '0', '0']), paused], { ageMs: 3 * POLL })).toEqual([]);
    const events = read([holding(upkept(btc, 1), ['12.5', '0', '0']), paused]);
    expect(events.map((e) => e.kind)).toEqual(['claimable', 'paused']);
    expect(events[0]?.body).toContain('long mint executed');
  });

  it('ignores a read from a node behind the last one, so a lagging node cannot make an event twice', () => {
    const read = session();
    read([holding(btc, ['0', '0', '0'])], { block: 200n });
    expect(read([holding(btc, ['5', '0', '0'])], { block: 201n })).toHaveLength(1);
    expect(read([holding(btc, ['0', '0', '0'])], { block: 199n })).toEqual([]);
    expect(read([holding(btc, ['5', '0', '0'])], { block: 202n })).toEqual([]);
  });

  it('keeps each pool in memory while a read leaves it out, so it is not new again when it returns', () => {
    const read = session();
    const imported = poolSnapshot({
      name: '5-SOL/USD+OHM',
      address: '0x0000000000000000000000000000000000000009',
      collateral: 'OHM',
      leverage: 5,
      long: '1',
      short: '1',
      paused: true,
    });
    expect(read([btc, imported])).toHaveLength(1);
    expect(read([btc])).toEqual([]);
    expect(read([btc, imported])).toEqual([]);
  });
});
