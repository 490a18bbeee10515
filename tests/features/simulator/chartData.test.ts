/**
 * The simulator's chart data against the engine: the rows are the engine's numbers (no maths of their own), the
 * protocol's worked vectors come out where the chart reads them, and the seed's skew example holds.
 */
import { describe, expect, it } from 'vitest';
import {
  effectiveLeverage,
  feeAmount,
  feePerIntervalFromAnnual,
  mintFeeAtCommit,
  payoffCurves,
  positionPath,
  WAD,
} from '../../../src/engine/index.ts';
import { gbmPrices } from '../../../src/engine/simulate/pricePaths.ts';
import {
  MAX_MOVE,
  MIN_MOVE,
  PAYOFF_POINTS,
  payoffAt,
  payoffChartData,
  skewChartData,
  skewFigures,
} from '../../../src/features/simulator/chartData.ts';
import { simulationFees } from '../../../src/features/simulator/simulationFees.ts';
import { DEFAULT_INPUTS } from '../../../src/features/simulator/simulatorParams.ts';

const NO_FEES = { ...DEFAULT_INPUTS, mintFeePercent: 0, burnFeePercent: 0, annualFeePercent: 0 };

describe('payoff chart data', () => {
  it('is the engine’s payoffCurves output at the same inputs, row for row', () => {
    const inputs = { ...NO_FEES, leverage: 5, skew: 1.3, rebalances: 12 };
    const data = payoffChartData(inputs);
    const engine = payoffCurves({ leverage: 5, startSkew: 1.3, steps: 12, feePerStep: 0 });
    expect(data.rows).toHaveLength(PAYOFF_POINTS);
    expect(data.steps).toBe(12);
    data.rows.forEach((row, i) => {
      expect(row.movePercent).toBe(engine.moves[i]! * 100);
      expect(row.sigmoidLongOne).toBe(engine.sigmoid.longAfterOne[i]);
      expect(row.sigmoidShortOne).toBe(engine.sigmoid.shortAfterOne[i]);
      expect(row.sigmoidLongN).toBe(engine.sigmoid.longAfterN[i]);
      expect(row.sigmoidShortN).toBe(engine.sigmoid.shortAfterN[i]);
      expect(row.powerLongOne).toBe(engine.power.longAfterOne[i]);
      expect(row.powerShortN).toBe(engine.power.shortAfterN[i]);
      expect(row.perpetualLong).toBe(engine.perpetual.long[i]);
      expect(row.perpetualShort).toBe(engine.perpetual.short[i]);
    });
    expect(data.rows[0]!.movePercent).toBeCloseTo(MIN_MOVE * 100, 12);
    expect(data.rows.at(-1)!.movePercent).toBeCloseTo(MAX_MOVE * 100, 12);
  });

  it('applies the management fee per rebalance through the engine and the mint/burn fees to pool tokens only', () => {
    const inputs = { ...DEFAULT_INPUTS, annualFeePercent: 2, mintFeePercent: 1, burnFeePercent: 0.5 };
    const fees = simulationFees(inputs);
    const data = payoffChartData(inputs);
    const engine = payoffCurves({ leverage: 3, startSkew: 1, steps: 24, feePerStep: fees.feePerStep });
    expect(fees.entryExitFactor).toBeCloseTo(0.99 * 0.995, 15);
    data.rows.forEach((row, i) => {
      expect(row.sigmoidLongN).toBe(engine.sigmoid.longAfterN[i]! * fees.entryExitFactor);
      expect(row.powerShortOne).toBe(engine.power.shortAfterOne[i]! * fees.entryExitFactor);
      expect(row.perpetualLong).toBe(engine.perpetual.long[i]);
    });
  });

  it('marks the perpetual’s liquidation at −1/L (long) and +1/L (short)', () => {
    for (let leverage = 1; leverage <= 10; leverage++) {
      const { liquidationPercent, rows } = payoffChartData({ ...NO_FEES, leverage });
      expect(liquidationPercent.long).toBeCloseTo(-100 / leverage, 12);
      expect(liquidationPercent.short).toBeCloseTo(100 / leverage, 12);
      // And the perpetual curve is at zero beyond it.
      for (const row of rows) {
        if (row.movePercent <= liquidationPercent.long) expect(row.perpetualLong).toBe(0);
        if (row.movePercent >= liquidationPercent.short) expect(row.perpetualShort).toBe(0);
      }
    }
  });

  it('reads the protocol’s TV2 at +10% for 3x at skew 1: long ×1.2661607, short ×0.7338393 (V2); ×1.2486852 (V1)', () => {
    const row = payoffAt({ ...NO_FEES, leverage: 3, skew: 1 }, 10);
    expect(row.movePercent).toBe(10);
    expect(row.sigmoidLongOne).toBeCloseTo(1.266160739, 8);
    expect(row.sigmoidShortOne).toBeCloseTo(0.7338392615, 8);
    expect(row.powerLongOne).toBeCloseTo(1.248685199, 8);
    expect(row.powerShortOne).toBeCloseTo(0.7513148009, 8);
    expect(row.perpetualLong).toBeCloseTo(1.3, 12);
  });

  it('reads TV3 at −10% and labels the move in dollars when a price is given', () => {
    const row = payoffAt({ ...NO_FEES, leverage: 3, skew: 1, price: 60_000 }, -10);
    expect(row.sigmoidLongOne).toBeCloseTo(0.7086873875, 8);
    expect(row.sigmoidShortOne).toBeCloseTo(1.291312612, 8);
    expect(row.powerLongOne).toBeCloseTo(0.729, 9);
    expect(row.price).toBeCloseTo(54_000, 6);
  });

  it('draws nothing that is not a finite number, at the extremes of every input', () => {
    for (const leverage of [1, 10]) {
      for (const skew of [0.001, 1, 1000]) {
        const { rows } = payoffChartData({
          ...DEFAULT_INPUTS,
          leverage,
          skew,
          rebalances: 10_000,
          annualFeePercent: 10,
        });
        for (const row of rows) {
          for (const [key, value] of Object.entries(row)) {
            if (key !== 'price')
              expect(Number.isFinite(value), `${key} at L=${leverage} S=${skew}`).toBe(true);
          }
        }
      }
    }
  });
});

describe('skew explorer data', () => {
  it('gives the seed’s example: 1x pool at skew 1.1 (10% rebalancing rate), short 1.1x gains / 1x losses', () => {
    const figures = skewFigures(1.1, 1);
    expect(figures.ratePercent).toBeCloseTo(10, 9);
    expect(figures.shortGain).toBeCloseTo(1.1, 12);
    expect(figures.shortLoss).toBe(1);
    expect(figures.longGain).toBeCloseTo(1 / 1.1, 12);
    expect(figures.longLoss).toBe(1);
  });

  it('equals the engine’s effectiveLeverage on the same balances', () => {
    const figures = skewFigures(2, 3);
    const engine = effectiveLeverage(2n * WAD, WAD, 3);
    expect(figures.longGain).toBe(engine.longGain);
    expect(figures.shortGain).toBe(engine.shortGain);
  });

  it('spans ¼ to 4, widened around an extreme skew, and holds the chosen skew as a row', () => {
    const rows = skewChartData(1.45, 3);
    expect(rows[0]!.skew).toBeCloseTo(0.25, 12);
    expect(rows.at(-1)!.skew).toBeCloseTo(4, 12);
    expect(rows.some((r) => r.skew === 1.45)).toBe(true);
    const wide = skewChartData(50, 3);
    expect(wide.at(-1)!.skew).toBeCloseTo(100, 9);
    expect(wide.every((r, i) => i === 0 || r.skew > wide[i - 1]!.skew)).toBe(true);
  });
});

describe('simulation fees', () => {
  it('derives the per-rebalance fee as the factory does and the entry/exit share through the fee idiom', () => {
    const fees = simulationFees({
      annualFeePercent: 2,
      mintFeePercent: 0.3,
      burnFeePercent: 0,
      intervalSeconds: 3600,
    });
    expect(fees.feePerStep).toBe(Number(feePerIntervalFromAnnual(2n * 10n ** 16n, 3600)) / 1e18);
    const queued = mintFeeAtCommit(WAD, 3n * 10n ** 15n).queued;
    expect(fees.entryExitFactor).toBe(Number(queued - feeAmount(0n, queued)) / 1e18);
    expect(fees.stepYears).toBeCloseTo(3600 / 31_556_952, 15);
  });
});

describe('engine additions used by the path view', () => {
  it('gbmPrices is reproducible from its seed and positionPath runs on it', () => {
    const a = gbmPrices({ seed: 7, steps: 100, drift: 0.1, volatility: 0.8, stepYears: 1 / 8766 });
    const b = gbmPrices({ seed: 7, steps: 100, drift: 0.1, volatility: 0.8, stepYears: 1 / 8766 });
    const c = gbmPrices({ seed: 8, steps: 100, drift: 0.1, volatility: 0.8, stepYears: 1 / 8766 });
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a[0]).toBe(1);
    const path = positionPath(a, { transfer: 'sigmoid', leverage: 3 });
    expect(path.long.every(Number.isFinite)).toBe(true);
  });

  it('gbmPrices with no volatility grows at the drift', () => {
    const prices = gbmPrices({ seed: 1, steps: 365, drift: 0.1, volatility: 0, stepYears: 1 / 365 });
    expect(prices[365]).toBeCloseTo(Math.exp(0.1), 12);
  });
});
