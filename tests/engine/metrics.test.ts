/**
 * Display metrics (docs/protocol.md §1.5, §2.1), including the empty-side cases that must never produce NaN.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { feePerIntervalFromAnnual } from '../../src/engine/fees.ts';
import {
  amountToNumber,
  annualFeeFromPerInterval,
  effectiveLeverage,
  notionalExposure,
  rebalancingRate,
  skew,
} from '../../src/engine/metrics.ts';

describe('skew and rebalancing rate', () => {
  it('long / short, and skew − 1', () => {
    expect(skew(1_100n, 1_000n)).toBeCloseTo(1.1, 15);
    expect(rebalancingRate(1_100n, 1_000n)).toBeCloseTo(0.1, 15);
    expect(skew(10n ** 40n, 3n * 10n ** 39n)).toBeCloseTo(10 / 3, 14);
  });

  it('empty sides are explicit: Infinity, 0 or undefined, never NaN', () => {
    expect(skew(5n, 0n)).toBe(Number.POSITIVE_INFINITY);
    expect(skew(0n, 5n)).toBe(0);
    expect(skew(0n, 0n)).toBeUndefined();
    expect(rebalancingRate(0n, 0n)).toBeUndefined();
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        (l, s) => {
          const e = effectiveLeverage(l, s, 3);
          for (const v of [skew(l, s), rebalancingRate(l, s), e.longGain, e.shortGain])
            expect(Number.isNaN(v)).toBe(false);
        },
      ),
    );
  });
});

describe('effective leverage (SDK conventions)', () => {
  it('longs gain L/S, shorts gain L·S, both lose L: TV6 (skew 2, 3×) gives 1.5 and 6', () => {
    expect(effectiveLeverage(2_000n, 1_000n, 3)).toEqual({
      longGain: 1.5,
      shortGain: 6,
      longLoss: 3,
      shortLoss: 3,
    });
  });

  it('against an empty side the gain is 0 for one side and unbounded for the other', () => {
    expect(effectiveLeverage(1n, 0n, 3)).toMatchObject({ longGain: 0, shortGain: Number.POSITIVE_INFINITY });
    expect(effectiveLeverage(0n, 1n, 3)).toMatchObject({ longGain: Number.POSITIVE_INFINITY, shortGain: 0 });
    expect(effectiveLeverage(0n, 0n, 3)).toMatchObject({
      longGain: undefined,
      shortGain: undefined,
      longLoss: 3,
    });
  });
});

describe('fees and exposure', () => {
  it('annualised fee: the inverse of the factory conversion, up to its truncation', () => {
    const perInterval = feePerIntervalFromAnnual(2n * 10n ** 16n, 3600);
    expect(annualFeeFromPerInterval(perInterval, 3600)).toBeCloseTo(0.02, 9);
    expect(annualFeeFromPerInterval(perInterval, 3600)).toBeLessThanOrEqual(0.02);
    expect(() => annualFeeFromPerInterval(perInterval, 0)).toThrow(RangeError);
  });

  it('notional exposure and amounts for display', () => {
    expect(notionalExposure(250, 3)).toBe(750);
    expect(amountToNumber(1_234_567n, 6)).toBeCloseTo(1.234567, 12);
  });
});
