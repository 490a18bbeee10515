/** The path view and the Monte Carlo panel's data against the engine calls they are built on. */
import { describe, expect, it } from 'vitest';
import { monteCarlo, positionPath } from '../../../src/engine/index.ts';
import { constantLeveragePath, gbmPrices } from '../../../src/engine/simulate/pricePaths.ts';
import {
  FAN_CHECKPOINTS,
  monteCarloRuns,
  monteCarloView,
} from '../../../src/features/simulator/monteCarloData.ts';
import { MAX_PATH_ROWS, pathChartData } from '../../../src/features/simulator/pathData.ts';
import { simulationFees } from '../../../src/features/simulator/simulationFees.ts';
import { DEFAULT_INPUTS } from '../../../src/features/simulator/simulatorParams.ts';

const NO_FEES = { ...DEFAULT_INPUTS, mintFeePercent: 0, burnFeePercent: 0, annualFeePercent: 0 };

describe('path view data', () => {
  it('is the engine’s positionPath and constant-leverage path along the seeded GBM', () => {
    const inputs = { ...DEFAULT_INPUTS, horizon: 200, seed: 3, skew: 1.2, transfer: 'power' as const };
    const fees = simulationFees(inputs);
    const prices = gbmPrices({ seed: 3, steps: 200, drift: 0, volatility: 0.8, stepYears: fees.stepYears });
    const pool = positionPath(prices, {
      transfer: 'power',
      leverage: 3,
      startSkew: 1.2,
      feePerStep: fees.feePerStep,
    });
    const constant = constantLeveragePath(prices, 3);
    const data = pathChartData(inputs);
    expect(data.stride).toBe(1);
    expect(data.rows).toHaveLength(201);
    data.rows.forEach((row, i) => {
      expect(row.step).toBe(i);
      expect(row.priceRelative).toBe(prices[i]);
      expect(row.poolLong).toBe(pool.long[i]! * fees.entryExitFactor);
      expect(row.poolShort).toBe(pool.short[i]! * fees.entryExitFactor);
      expect(row.constantLong).toBe(constant.long[i]);
    });
    expect(data.rows[50]!.days).toBeCloseTo(50 / 24, 12);
  });

  it('moves value between the sides without creating any: with no fees, skew·L + S stays at skew + 1', () => {
    const skew = 1.3;
    const data = pathChartData({ ...NO_FEES, skew, horizon: 720, volatilityPercent: 120, seed: 11 });
    for (const row of data.rows) expect(skew * row.poolLong + row.poolShort).toBeCloseTo(skew + 1, 9);
    const { summary } = data;
    expect(skew * summary.equalStepsLong + summary.equalStepsShort).toBeCloseTo(skew + 1, 9);
  });

  it('thins a long path to at most ~1000 rows and keeps the last one', () => {
    const data = pathChartData({ ...DEFAULT_INPUTS, horizon: 8760 });
    expect(data.rows.length).toBeLessThanOrEqual(MAX_PATH_ROWS + 1);
    expect(data.rows.at(-1)!.step).toBe(8760);
    expect(data.rows.every((r) => Number.isFinite(r.poolLong) && Number.isFinite(r.poolShort))).toBe(true);
  });

  it('a constant-leverage position loses on a round trip (up 10%, back down)', () => {
    const { long, short } = constantLeveragePath([100, 110, 100], 3);
    expect(long[2]).toBeCloseTo(1.3 * (1 - 3 / 11), 12);
    expect(short[2]).toBeCloseTo(0.7 * (1 + 3 / 11), 12);
  });
});

describe('Monte Carlo data', () => {
  const inputs = { ...NO_FEES, paths: 300, horizon: 48, lossPercent: 20 };

  it('runs the engine at checkpoints up to the horizon with the pool’s inputs', () => {
    const runs = monteCarloRuns(inputs);
    expect(runs).toHaveLength(FAN_CHECKPOINTS);
    expect(runs.at(-1)!.steps).toBe(48);
    expect(runs.map((r) => r.steps)).toEqual([...runs.map((r) => r.steps)].sort((a, b) => a - b));
    expect(runs[0]).toMatchObject({
      paths: 300,
      leverage: 3,
      startSkew: 1,
      transfer: 'sigmoid',
      volatility: 0.8,
    });
    expect(runs[0]!.lossThresholds).toEqual([0.19999999999999996]);
  });

  it('reports the engine’s quantiles and loss probability at the horizon (no fees)', () => {
    const results = monteCarloRuns(inputs).map((o) => monteCarlo(o));
    const view = monteCarloView(inputs, results);
    const direct = monteCarlo({ ...monteCarloRuns(inputs).at(-1)!, lossThresholds: [0.2] });
    expect(view.long.p50).toBe(direct.long.quantiles.p50);
    expect(view.short.p95).toBe(direct.short.quantiles.p95);
    expect(view.longLossProbability).toBe(direct.long.probabilityOfLossBeyond[0]);
    expect(view.fan).toHaveLength(FAN_CHECKPOINTS + 1);
    expect(view.fan[0]).toMatchObject({ step: 0, longMedian: 1, shortMedian: 1 });
    expect(view.fan.at(-1)!.longMedian).toBe(view.long.p50);
  });

  it('counts the entry and exit fees in the values and in the chance of a loss', () => {
    const withFees = { ...inputs, mintFeePercent: 5, burnFeePercent: 5 };
    const plain = monteCarloView(
      inputs,
      monteCarloRuns(inputs).map((o) => monteCarlo(o)),
    );
    const charged = monteCarloView(
      withFees,
      monteCarloRuns(withFees).map((o) => monteCarlo(o)),
    );
    const factor = simulationFees(withFees).entryExitFactor;
    expect(charged.long.p50).toBeCloseTo(plain.long.p50 * factor, 12);
    expect(charged.longLossProbability).toBeGreaterThanOrEqual(plain.longLossProbability);
    expect(charged.shortLossProbability).toBeGreaterThanOrEqual(plain.shortLossProbability);
  });

  it('refuses results that do not match its runs rather than drawing the wrong ones', () => {
    expect(() => monteCarloView(inputs, [])).toThrow();
  });
});
