/** The fast-path simulations: PRNG, position paths, payoff curves, volatility decay and Monte Carlo. */
import { describe, expect, it } from 'vitest';
import { monteCarlo } from '../../src/engine/simulate/montecarlo.ts';
import { positionPath, volatilityDecay } from '../../src/engine/simulate/paths.ts';
import { payoffCurves } from '../../src/engine/simulate/payoff.ts';
import { createPrng } from '../../src/engine/simulate/prng.ts';

describe('prng', () => {
  it('is reproducible from its seed and differs across seeds', () => {
    const a = createPrng(42);
    const b = createPrng(42);
    const c = createPrng(43);
    const seqA = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('normal deviates have mean 0, variance 1 and normal tails (200k draws)', () => {
    const rng = createPrng(7);
    const n = 200_000;
    let sum = 0;
    let squares = 0;
    let beyond2 = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.nextNormal();
      sum += z;
      squares += z * z;
      if (Math.abs(z) > 2) beyond2++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(squares / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(beyond2 / n - 0.0455)).toBeLessThan(0.003);
  });
});

describe('position paths', () => {
  it('TV7 on the fast path: up 10% then back, four times, leaves the long side ~10.9% down (sigmoid, 3×)', () => {
    const path = positionPath([100, 110, 100, 110, 100], { transfer: 'sigmoid', leverage: 3 });
    expect(path.long[4]).toBeCloseTo(0.8910088715, 9);
    expect(path.short[4]).toBeCloseTo(1.108991129, 8);
    expect(path.long[0]).toBe(1);
  });

  it('reuses caller-provided arrays and validates their length', () => {
    const out = { long: new Float64Array(3), short: new Float64Array(3), skew: new Float64Array(3) };
    expect(positionPath([1, 2, 1], { transfer: 'power', leverage: 2 }, out)).toBe(out);
    expect(() => positionPath([1, 2, 1, 2], { transfer: 'power', leverage: 2 }, out)).toThrow(RangeError);
  });
});

describe('payoff curves', () => {
  const curves = payoffCurves({ leverage: 3, points: 400 });

  it('spans −90% … +300% and reports the perpetual liquidation at ∓1/L', () => {
    expect(curves.moves[0]).toBeCloseTo(-0.9, 12);
    expect(curves.moves[399]).toBeCloseTo(3, 12);
    expect(curves.perpetual.longLiquidationMove).toBeCloseTo(-1 / 3, 12);
    const wiped = curves.moves.findIndex((m) => m > -1 / 3);
    expect(curves.perpetual.long[wiped - 1]).toBe(0);
    expect(curves.perpetual.long[wiped]).toBeGreaterThan(0);
  });

  it('pool positions are never wiped out (the loser keeps a fraction) and the winner is capped by the loser', () => {
    for (const model of [curves.sigmoid, curves.power]) {
      for (let i = 0; i < 400; i++) {
        expect(model.longAfterOne[i]).toBeGreaterThan(0);
        expect(model.shortAfterOne[i]).toBeGreaterThan(0);
        expect(model.longAfterOne[i]! + model.shortAfterOne[i]!).toBeCloseTo(2, 9); // balanced start, no fee
        expect(model.longAfterN[i]).toBeGreaterThan(0);
      }
    }
    // The sigmoid's loss is capped at tanh(3) ≈ 99.5% in one upkeep.
    expect(curves.sigmoid.longAfterOne[0]).toBeGreaterThan(1 - Math.tanh(3) - 1e-9);
  });

  it('small moves: the pool behaves like the perpetual (slope ≈ L, slightly less on a rise) on both models', () => {
    const mid = curves.moves.findIndex((m) => m > 0);
    const move = curves.moves[mid]!; // ≈ +0.77%
    for (const model of [curves.sigmoid, curves.power]) {
      const slope = (model.longAfterOne[mid]! - 1) / move;
      expect(slope).toBeGreaterThan(2.9);
      expect(slope).toBeLessThan(3);
    }
  });
});

describe('volatility decay', () => {
  it('the pool decays on an up-down path although the price returns (TV7), as a constant-leverage product does', () => {
    const decay = volatilityDecay({ transfer: 'power', leverage: 3 }, 0.1, 2);
    expect(decay.poolLong[2]).toBeCloseTo(0.9032461607, 9);
    expect(decay.poolShort[2]).toBeCloseTo(1.096753839, 8);
    const perCycle = (1 + 0.3) * (1 - 0.3 / 1.1);
    expect(decay.constantLong[2]).toBeCloseTo(perCycle ** 2, 12);
    expect(decay.constantLong[2]).toBeLessThan(1);
  });
});

describe('Monte Carlo', () => {
  const options = {
    seed: 11,
    paths: 2_000,
    steps: 100,
    drift: 0,
    volatility: 0.6,
    transfer: 'sigmoid' as const,
    leverage: 3,
    lossThresholds: [0.5, 0.9],
  };

  it('is reproducible from its seed', () => {
    expect(monteCarlo(options)).toEqual(monteCarlo(options));
    expect(monteCarlo({ ...options, seed: 12 }).long.quantiles.p50).not.toBe(
      monteCarlo(options).long.quantiles.p50,
    );
  });

  it('quantiles are ordered, the underlying has its drift, and loss probabilities fall with the threshold', () => {
    const r = monteCarlo(options);
    const q = r.long.quantiles;
    expect(q.p01 <= q.p05 && q.p05 <= q.p25 && q.p25 <= q.p50 && q.p50 <= q.p75 && q.p75 <= q.p95).toBe(true);
    expect(r.underlying.mean).toBeCloseTo(1, 1); // zero drift: a martingale
    const [beyond50, beyond90] = r.long.probabilityOfLossBeyond;
    expect(beyond50!).toBeGreaterThanOrEqual(beyond90!);
    expect(r.lossThresholds).toEqual([0.5, 0.9]);
  });

  it('a balanced pool with no drift is symmetric between the sides, and value is conserved on each path', () => {
    const r = monteCarlo({ ...options, paths: 4_000 });
    expect(r.long.quantiles.mean + r.short.quantiles.mean).toBeCloseTo(2, 9);
    expect(r.long.quantiles.p50).toBeCloseTo(r.short.quantiles.p50, 1);
  });
});
