/**
 * Engine benchmarks, one figure per line as `name: value unit`, against Tracer's own SDK where it has a
 * counterpart (`@tracer-protocol/pools-js` 3.1.15: `calcNextValueTransfer`, `calcPoolStatePreview`).
 *
 * Run: `npx tsx bench/engine/run.ts` (or `npm run bench:engine` once wired to it).
 * Each figure is the median of several rounds after a warm-up. Figures are reported, never asserted.
 *
 * What is compared, on identical inputs:
 * - engine.transfer.exact: the contract-exact transfer (quads, truncations, fee, dust), a distinct price pair on
 *   every call, so its multiplier cache never hits;
 * - engine.transfer.exact.samePricePair: the same on one price pair with varying balances (a preview, or every
 *   pool on one oracle), where the multiplier is computed once;
 * - engine.transfer.fast: the `number` path used by charts;
 * - pools-js: BigNumber maths around a double-precision `Math.exp`, i.e. not contract-exact either.
 */
import { createRequire } from 'node:module';
import { BigNumber } from 'bignumber.js';
import { previewPool } from '../../src/engine/preview.ts';
import { monteCarlo } from '../../src/engine/simulate/montecarlo.ts';
import { positionPath } from '../../src/engine/simulate/paths.ts';
import { payoffCurves } from '../../src/engine/simulate/payoff.ts';
import { createPrng } from '../../src/engine/simulate/prng.ts';
import { valueTransferFast } from '../../src/engine/simulate/rebalance.ts';
import { type ValueTransferInput, valueTransfer } from '../../src/engine/transfer.ts';
import type { PoolState } from '../../src/engine/types.ts';

/**
 * pools-js is loaded untyped: its declarations pull in the contracts package's TypeScript sources, which do not
 * compile under this repository's strict settings. The two functions are typed here as far as the bench uses them.
 */
interface PreviewInputs {
  leverage: BigNumber;
  fee: BigNumber;
  longBalance: BigNumber;
  shortBalance: BigNumber;
  longTokenSupply: BigNumber;
  shortTokenSupply: BigNumber;
  pendingLongTokenBurn: BigNumber;
  pendingShortTokenBurn: BigNumber;
  lastOraclePrice: BigNumber;
  currentOraclePrice: BigNumber;
  pendingCommits: Array<Record<string, BigNumber>>;
  oraclePriceTransformer: (last: BigNumber, current: BigNumber) => BigNumber;
}
interface PoolsJs {
  calcNextValueTransfer(
    oldPrice: BigNumber,
    newPrice: BigNumber,
    leverage: BigNumber,
    longBalance: BigNumber,
    shortBalance: BigNumber,
  ): { longValueTransfer: BigNumber; shortValueTransfer: BigNumber };
  calcPoolStatePreview(inputs: PreviewInputs): unknown;
}
const { calcNextValueTransfer, calcPoolStatePreview } = createRequire(import.meta.url)(
  '@tracer-protocol/pools-js/utils/calculations.js',
) as PoolsJs;

const ROUNDS = 7;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Calls per second: each round runs `run(i)` for at least `roundMs`, cycling i over the inputs. */
function opsPerSecond(run: (i: number) => unknown, roundMs = 250): number {
  let sink: unknown;
  for (let i = 0; i < 2000; i++) sink = run(i); // warm-up: let the JIT settle
  const rates: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let calls = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      for (let k = 0; k < 100; k++) sink = run(calls++);
      elapsed = performance.now() - start;
    }
    rates.push((calls / elapsed) * 1000);
  }
  if (sink === Symbol.for('never')) console.log(sink);
  return median(rates);
}

/** Milliseconds per call, median of rounds (after `warmup` untimed calls). */
function millisecondsPerCall(run: () => unknown, rounds = ROUNDS, warmup = 3): number {
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const line = (name: string, value: number, unit: string, digits = 0) =>
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);

// ---------------------------------------------------------------------------------------------------------------
// Value transfer: the same 4096 inputs for every implementation.
const rng = createPrng(2024);
const COUNT = 4096;
const WAD = 10n ** 18n;
const transferInputs: ValueTransferInput[] = Array.from({ length: COUNT }, () => {
  const oldUnits = 1000 + Math.floor(rng.nextFloat() * 1000);
  const moveBps = Math.floor((rng.nextFloat() - 0.5) * 2000); // ±10%
  return {
    transfer: 'sigmoid',
    leverage: 3,
    longBalance: BigInt(Math.floor(rng.nextFloat() * 1e12)) * 10n ** 9n,
    shortBalance: BigInt(Math.floor(rng.nextFloat() * 1e12)) * 10n ** 9n,
    oldPrice: BigInt(oldUnits) * WAD,
    newPrice: (BigInt(oldUnits) * WAD * BigInt(10_000 + moveBps)) / 10_000n,
    feePerIntervalWad: 2_281_589_172_490n,
  };
});
const fastInputs = transferInputs.map((t) => ({
  transfer: t.transfer,
  leverage: t.leverage,
  longBalance: Number(t.longBalance),
  shortBalance: Number(t.shortBalance),
  oldPrice: Number(t.oldPrice),
  newPrice: Number(t.newPrice),
  feeRate: Number(t.feePerIntervalWad) / 1e18,
}));
const sdkInputs = transferInputs.map(
  (t) =>
    [
      new BigNumber(t.oldPrice.toString()),
      new BigNumber(t.newPrice.toString()),
      new BigNumber(t.leverage),
      new BigNumber(t.longBalance.toString()),
      new BigNumber(t.shortBalance.toString()),
    ] as const,
);

const exact = opsPerSecond((i) => valueTransfer(transferInputs[i % COUNT]!));
const pricePair = transferInputs[0]!;
const exactSamePair = opsPerSecond((i) => {
  const t = transferInputs[i % COUNT]!;
  return valueTransfer({ ...pricePair, longBalance: t.longBalance, shortBalance: t.shortBalance });
});
const fast = opsPerSecond((i) => valueTransferFast(fastInputs[i % COUNT]!));
const sdk = opsPerSecond((i) => {
  const [o, n, l, long, short] = sdkInputs[i % COUNT]!;
  return calcNextValueTransfer(o, n, l, long, short);
});
line('engine.transfer.exact', exact, 'ops/s');
line('engine.transfer.exact.samePricePair', exactSamePair, 'ops/s');
line('engine.transfer.fast', fast, 'ops/s');
line('pools-js.calcNextValueTransfer', sdk, 'ops/s');
line('ratio.transfer.exact/pools-js', exact / sdk, 'x', 2);
line('ratio.transfer.exact.samePricePair/pools-js', exactSamePair / sdk, 'x', 2);
line('ratio.transfer.fast/pools-js', fast / sdk, 'x', 1);

// ---------------------------------------------------------------------------------------------------------------
// Pool-state preview: two queued intervals, a price that differs on every call.
const previewState: PoolState = {
  decimals: 6,
  leverage: 3,
  transfer: 'sigmoid',
  longBalance: 1_200_000_000_000n,
  shortBalance: 950_000_000_000n,
  longSupply: 1_100_000_000_000n,
  shortSupply: 1_000_000_000_000n,
  pendingLongBurnPoolTokens: 20_000_000_000n,
  pendingShortBurnPoolTokens: 5_000_000_000n,
  feePerIntervalWad: 2_281_589_172_490n,
  mintingFeeWad: 5n * 10n ** 15n,
  burningFeeWad: 0n,
  changeIntervalWad: 0n,
  secondaryFeeSplitPercent: 10n,
  updateInterval: 3600,
  frontRunningInterval: 300,
  lastPriceTimestamp: 1_700_000_000n,
  updateIntervalId: 10n,
  lastPrice: 2000n * WAD,
  commits: [
    {
      intervalId: 10n,
      totals: {
        longMintSettlement: 50_000_000_000n,
        longBurnPoolTokens: 20_000_000_000n,
        shortMintSettlement: 0n,
        shortBurnPoolTokens: 0n,
        shortBurnLongMintPoolTokens: 0n,
        longBurnShortMintPoolTokens: 0n,
      },
    },
    {
      intervalId: 11n,
      totals: {
        longMintSettlement: 0n,
        longBurnPoolTokens: 0n,
        shortMintSettlement: 30_000_000_000n,
        shortBurnPoolTokens: 5_000_000_000n,
        shortBurnLongMintPoolTokens: 0n,
        longBurnShortMintPoolTokens: 0n,
      },
    },
  ],
};
const previewPrices = Array.from({ length: COUNT }, (_, i) => 2000n * WAD + BigInt(i) * 10n ** 15n);
const toBN = (v: bigint) => new BigNumber(v.toString());
const sdkCommits = previewState.commits.map((c) => ({
  longMintSettlement: toBN(c.totals.longMintSettlement),
  longBurnPoolTokens: toBN(c.totals.longBurnPoolTokens),
  shortMintSettlement: toBN(c.totals.shortMintSettlement),
  shortBurnPoolTokens: toBN(c.totals.shortBurnPoolTokens),
  shortBurnLongMintPoolTokens: toBN(c.totals.shortBurnLongMintPoolTokens),
  longBurnShortMintPoolTokens: toBN(c.totals.longBurnShortMintPoolTokens),
}));
const sdkPreviewBase = {
  leverage: new BigNumber(3),
  fee: new BigNumber(2_281_589_172_490).div(1e18),
  longBalance: toBN(previewState.longBalance),
  shortBalance: toBN(previewState.shortBalance),
  longTokenSupply: toBN(previewState.longSupply),
  shortTokenSupply: toBN(previewState.shortSupply),
  pendingLongTokenBurn: toBN(previewState.pendingLongBurnPoolTokens),
  pendingShortTokenBurn: toBN(previewState.pendingShortBurnPoolTokens),
  lastOraclePrice: toBN(previewState.lastPrice),
  pendingCommits: sdkCommits,
  oraclePriceTransformer: (_last: BigNumber, current: BigNumber) => current,
};
const sdkPrices = previewPrices.map(toBN);

const preview = opsPerSecond((i) => previewPool(previewState, { price: previewPrices[i % COUNT]! }), 400);
const sdkPreview = opsPerSecond(
  (i) => calcPoolStatePreview({ ...sdkPreviewBase, currentOraclePrice: sdkPrices[i % COUNT]! }),
  400,
);
line('engine.preview.exact', preview, 'ops/s');
line('pools-js.calcPoolStatePreview', sdkPreview, 'ops/s');
line('ratio.preview.exact/pools-js', preview / sdkPreview, 'x', 2);

// ---------------------------------------------------------------------------------------------------------------
// Charts and simulation on the fast path.
const curve = millisecondsPerCall(() => payoffCurves({ leverage: 3, points: 400, steps: 10 }), 21, 10);
line('engine.payoff.curve.400x3', curve, 'ms', 3);

const chartPrices = Float64Array.from({ length: 400 }, (_, i) => 2000 * Math.exp(0.05 * Math.sin(i / 17)));
const chartOut = { long: new Float64Array(400), short: new Float64Array(400), skew: new Float64Array(400) };
const chart = millisecondsPerCall(
  () =>
    positionPath(
      chartPrices,
      { transfer: 'sigmoid', leverage: 3, startSkew: 1.2, feePerStep: 5e-6 },
      chartOut,
    ),
  21,
  10,
);
line('engine.chart.update.400', chart, 'ms', 4);

const monteCarloMs = millisecondsPerCall(
  () =>
    monteCarlo({
      seed: 1,
      paths: 10_000,
      steps: 365,
      drift: 0.05,
      volatility: 0.8,
      transfer: 'sigmoid',
      leverage: 3,
    }),
  5,
  1,
);
line('engine.montecarlo.10000x365', monteCarloMs, 'ms', 1);
