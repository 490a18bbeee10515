/**
 * Simulator benchmarks, one figure per line as `name: value unit`. Figures are reported, never asserted.
 *
 * Run: `npx tsx bench/simulator/run.ts`.
 * - simulator.chart.update.400: rebuilding the payoff chart's 400 rows (V2 sigmoid, V1 power and the perpetual,
 *   both sides, after 1 and after N = 24 rebalances, fees included) from new inputs; median of many runs.
 *   Goal ≤ 50 ms, the budget for a chart update while typing.
 * - simulator.chart.plot.rows: of those 400 rows, how many the chart draws at the defaults (plotRows.ts); the
 *   chart library's work grows with every row of every line.
 * - the other chart builders at the page's defaults, and the Monte Carlo at the page's default size
 *   (2,000 paths × 720 hourly rebalances): one engine run, and the whole panel (the fan's checkpoints).
 */
import { monteCarlo } from '../../src/engine/simulate/montecarlo.ts';
import { payoffAt, payoffChartData, skewChartData } from '../../src/features/simulator/chartData.ts';
import { monteCarloRuns, monteCarloView } from '../../src/features/simulator/monteCarloData.ts';
import { pathChartData } from '../../src/features/simulator/pathData.ts';
import { DEFAULT_INPUTS } from '../../src/features/simulator/simulatorParams.ts';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Median wall time of `run(i)` over `rounds` calls after `warmup` calls; i varies the inputs. */
function timeMs(run: (i: number) => unknown, rounds: number, warmup = Math.min(rounds, 20)): number {
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = run(i);
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    sink = run(i + warmup);
    times.push(performance.now() - start);
  }
  if (sink === undefined) throw new Error('nothing computed');
  return median(times);
}

function print(name: string, value: number, unit: string, digits = 3): void {
  console.log(`${name}: ${value.toFixed(digits)} ${unit}`);
}

// New inputs on every call, as when someone types: leverage, skew and fees all change.
const varied = (i: number) => ({
  ...DEFAULT_INPUTS,
  leverage: 1 + (i % 10),
  skew: 0.5 + (i % 37) / 10,
  mintFeePercent: (i % 5) / 10,
  annualFeePercent: (i % 3) + 0.5,
});

print(
  'simulator.chart.update.400',
  timeMs((i) => payoffChartData(varied(i)), 200),
  'ms',
);
print(
  'simulator.chart.update.400.n720',
  timeMs((i) => payoffChartData({ ...varied(i), rebalances: 720 }), 100),
  'ms',
);
print('simulator.chart.plot.rows', payoffChartData(DEFAULT_INPUTS).plotRows.length, 'rows', 0);
print(
  'simulator.readout.update',
  timeMs((i) => payoffAt(varied(i), 10), 500),
  'ms',
  4,
);
print(
  'simulator.skew.update.121',
  timeMs((i) => skewChartData(varied(i).skew, varied(i).leverage), 200),
  'ms',
);
print(
  'simulator.path.update.720',
  timeMs((i) => pathChartData({ ...varied(i), seed: i }), 100),
  'ms',
);

const defaultRuns = monteCarloRuns(DEFAULT_INPUTS);
const full = defaultRuns.at(-1)!;
print(
  `simulator.montecarlo.run.${full.paths}x${full.steps}`,
  timeMs((i) => monteCarlo({ ...full, seed: i }), 7, 1),
  'ms',
  1,
);
print(
  `simulator.montecarlo.panel.${full.paths}x${full.steps}`,
  timeMs(
    (i) => {
      const inputs = { ...DEFAULT_INPUTS, seed: i };
      return monteCarloView(
        inputs,
        monteCarloRuns(inputs).map((options) => monteCarlo(options)),
      );
    },
    5,
    1,
  ),
  'ms',
  1,
);
const pathSteps = defaultRuns.reduce((sum, run) => sum + run.paths * run.steps, 0);
print('simulator.montecarlo.panel.pathSteps', pathSteps, 'rebalances', 0);
