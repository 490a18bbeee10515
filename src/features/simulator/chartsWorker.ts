/**
 * Builds the simulator's charts off the main thread (chartsCompute.ts): a phone spends tens of milliseconds
 * on them, at the moment the page first draws. One request in, one answer out, tagged with its sequence number
 * so the page keeps only the newest. Loaded only as a worker (useChartData).
 */
import { type ChartsAnswer, type ChartsRequest, computeCharts } from './chartsCompute.ts';

// The DOM lib types `self` as a window; a dedicated worker's scope is this much of it.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<ChartsRequest>) => void): void;
  postMessage(message: ChartsAnswer): void;
};

scope.addEventListener('message', (event) => {
  scope.postMessage(computeCharts(event.data));
});
