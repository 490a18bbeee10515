import { describe, expect, it } from 'vitest';
import type { HistoryEvent } from '../../src/chain/history/userHistory.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { costBasis } from '../../src/engine/profit/costBasis.ts';
import { div, fromUInt, ONE } from '../../src/engine/quad.ts';
import { ACTIVITY, EXPECTED } from '../features/portfolio/activityFixture.ts';

const WAD = 10n ** 18n;
const U = 1_000_000n; // 6-decimal units keep the arithmetic readable
const price = (num: bigint, den: bigint) => div(fromUInt(num), fromUInt(den));
const TX = `0x${'11'.repeat(32)}` as const;

function commit(
  block: bigint,
  commitType: CommitType,
  amount: bigint,
  intervalId: bigint,
  mintingFeeWad = 0n,
): HistoryEvent {
  return {
    kind: 'commit',
    blockNumber: block,
    logIndex: 0,
    transactionHash: TX,
    commitType,
    amount,
    intervalId,
    fromEscrow: false,
    mintingFeeWad,
  };
}

describe('costBasis from the user’s own history', () => {
  it('mints at cost including the mint fee, and takes profit on a burn at average cost', () => {
    const pnl = costBasis({
      events: [
        commit(1n, CommitType.LongMint, 101n * U, 1n, WAD / 100n), // fee 1.01, 99.99 at price 1
        commit(5n, CommitType.LongBurn, 50n * U, 2n),
      ],
      priceHistory: new Map([
        [1n, { longPrice: ONE, shortPrice: ONE }],
        [2n, { longPrice: price(5n, 4n), shortPrice: ONE }], // long token at 1.25
      ]),
      burnFeeHistory: new Map([[2n, WAD / 200n]]), // 0.5%
      updateIntervalId: 3n,
      mintingFeeWad: 0n,
    });
    expect(pnl.rows[0]?.received).toBe(99_990_000n);
    // Burn 50 of 99.99 tokens: 62.5 gross, fee 0.3125, cost share 101 · 50/99.99.
    const costShare = (101n * U * 50n * U) / 99_990_000n;
    expect(pnl.realized).toBe(62_500_000n - 312_500n - costShare);
    expect(pnl.long.tokens).toBe(49_990_000n);
    expect(pnl.long.cost).toBe(101n * U - costShare);
  });

  it('moves cost across a flip, counts pending mints apart, and marks tokens received from others', () => {
    const pnl = costBasis({
      events: [
        commit(1n, CommitType.ShortMint, 100n * U, 1n),
        commit(2n, CommitType.ShortBurnLongMint, 100n * U, 2n),
        {
          kind: 'transfer',
          blockNumber: 3n,
          logIndex: 1,
          transactionHash: TX,
          side: 'long',
          direction: 'in',
          amount: 7n * U,
        },
        commit(4n, CommitType.LongMint, 30n * U, 9n),
      ],
      priceHistory: new Map([
        [1n, { longPrice: ONE, shortPrice: ONE }],
        [2n, { longPrice: price(1n, 2n), shortPrice: price(9n, 10n) }],
      ]),
      burnFeeHistory: new Map([[2n, 0n]]),
      updateIntervalId: 3n,
      mintingFeeWad: 0n,
    });
    // 100 short tokens at 0.9 fetch 90, less 1 unit: the stored quad 0.9 is a hair below 0.9 and the chain
    // truncates (docs/protocol.md §1.1). That buys 179.999998 long tokens at 0.5 (exact in binary): ~10 lost
    // on the short side.
    expect(pnl.realized).toBe(-10n * U - 1n);
    expect(pnl.short).toEqual({ tokens: 0n, cost: 0n, unknownCostTokens: 0n });
    expect(pnl.long.tokens).toBe(179_999_998n + 7n * U);
    expect(pnl.long.cost).toBe(90n * U - 1n);
    expect(pnl.long.unknownCostTokens).toBe(7n * U);
    expect(pnl.pendingMint).toBe(30n * U);
    expect(pnl.rows.at(-1)?.pending).toBe(true);
  });

  it('leaves positions and profit as they were for claims and AutoClaim rows, which pay no collateral fee', () => {
    const all = costBasis({ ...ACTIVITY, events: [...ACTIVITY.events] });
    const commitsOnly = costBasis({
      ...ACTIVITY,
      events: ACTIVITY.events.filter((e) => e.kind === 'commit'),
    });
    expect(all.long).toEqual(commitsOnly.long);
    expect(all.short).toEqual(commitsOnly.short);
    expect(all.realized).toBe(commitsOnly.realized);
    expect(all.pendingMint).toBe(commitsOnly.pendingMint);
    const others = all.rows.filter((r) => r.event.kind !== 'commit');
    expect(others.map((r) => r.event.kind)).toEqual(['autoClaimRequest', 'claim', 'autoClaimPaid']);
    for (const row of others) expect(row).toEqual({ event: row.event, fees: 0n, pending: false });
  });

  it("gives each executed commit's interval and the price it executed at; none while pending", () => {
    const { rows } = costBasis({ ...ACTIVITY, events: [...ACTIVITY.events] });
    const commits = rows.filter((r) => r.event.kind === 'commit');
    expect(commits.map((r) => [r.pending, r.received, r.fees, r.execution?.intervalId])).toEqual([
      [false, EXPECTED.mint.received, EXPECTED.mint.fee, 8n],
      [false, EXPECTED.burn.received, EXPECTED.burn.fee, 9n],
      [true, undefined, 0n, undefined],
    ]);
    // The short side's stored price: the side a short mint enters and a short burn leaves.
    expect(commits[0]!.execution!.price).toBe(ACTIVITY.priceHistory.get(8n)!.shortPrice);
  });
});
