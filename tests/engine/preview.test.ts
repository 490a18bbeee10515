/** The pool-state preview: consistent with running the upkeeps one by one, with and without a hypothetical trade. */
import { describe, expect, it } from 'vitest';
import { CommitType, queueCommit } from '../../src/engine/commits.ts';
import { previewPool } from '../../src/engine/preview.ts';
import * as quad from '../../src/engine/quad.ts';
import type { PoolState } from '../../src/engine/types.ts';
import { poolUpkeep } from '../../src/engine/upkeep.ts';
import { poolState, price } from './helpers.ts';

const base = poolState({ mintingFeeWad: 5n * 10n ** 15n, feePerIntervalWad: 2_281_589_172_490n });
const now = base.lastPriceTimestamp + 600n;
let queued: PoolState = queueCommit(
  base,
  { commitType: CommitType.LongMint, amount: 50_000_000n },
  now,
).state;
// Inside the front-running window of the first upkeep: goes to interval 2.
queued = queueCommit(
  queued,
  { commitType: CommitType.ShortBurn, amount: 20_000_000n },
  base.lastPriceTimestamp + 3500n,
).state;

describe('previewPool', () => {
  it('shows one step per queued interval, each equal to running the upkeeps in turn', () => {
    const preview = previewPool(queued, { price: price(104), now });
    expect(preview.steps.map((s) => s.executedIntervalIds)).toEqual([[1n], [2n]]);
    expect(preview.keeperRewardIgnored).toBe(true);

    const first = poolUpkeep(queued, price(104), queued.lastPriceTimestamp + 3600n);
    const second = poolUpkeep(first.state, price(104), first.state.lastPriceTimestamp + 3600n);
    expect(preview.steps[0]!.longBalance).toBe(first.state.longBalance);
    expect(preview.steps[1]!.shortBalance).toBe(second.state.shortBalance);
    expect(preview.steps[1]!.shortSupply).toBe(second.state.shortSupply);
    expect(preview.state).toEqual(second.state);
    // Only the first upkeep sees the move; the second charges its management fee on an unchanged price.
    expect(second.priceChange.longBalance + second.priceChange.shortBalance).toBeLessThan(
      first.state.longBalance + first.state.shortBalance,
    );
  });

  it('token prices include the pending burns of later intervals (§6 item 2)', () => {
    const preview = previewPool(queued, { price: price(100), now });
    const step = preview.steps[0]!;
    expect(step.pendingShortBurnPoolTokens).toBe(20_000_000n);
    const withPending = quad.quadToNumber(step.shortTokenPrice);
    expect(withPending).toBeCloseTo(Number(step.shortBalance) / Number(step.shortSupply + 20_000_000n), 12);
  });

  it('a hypothetical extra commit: "after this trade" differs from "before" by that trade only', () => {
    const before = previewPool(base, { price: price(100), now, upkeeps: 1 });
    const after = previewPool(base, {
      price: price(100),
      now,
      upkeeps: 1,
      extraCommit: { commitType: CommitType.LongMint, amount: 10_000_000n },
    });
    expect(after.extraCommit).toEqual({ intervalId: 1n, mintFee: 50_000n });
    const fee = (b: bigint) => (b * base.feePerIntervalWad) / 10n ** 18n;
    const longBefore = before.steps[0]!.longBalance;
    const longAfter = after.steps[0]!.longBalance;
    expect(longAfter - longBefore).toBeGreaterThan(10_000_000n - fee(10_000_000n) - 2n);
    expect(after.steps[0]!.longSupply).toBeGreaterThan(before.steps[0]!.longSupply);
    expect(after.steps[0]!.skew!).toBeGreaterThan(before.steps[0]!.skew!);
  });

  it('an optional keeper reward comes out of both sides after each upkeep', () => {
    const withKeeper = previewPool(queued, { price: price(104), now, keeperRewardPerUpkeep: 1_000_000n });
    const without = previewPool(queued, { price: price(104), now });
    expect(withKeeper.keeperRewardIgnored).toBe(false);
    const step = withKeeper.steps[0]!;
    expect(step.keeperPaid).toBe(1_000_000n);
    const plain = without.steps[0]!;
    expect(plain.longBalance + plain.shortBalance - (step.longBalance + step.shortBalance)).toBe(1_000_000n);
  });
});
