/**
 * Runs the Monte Carlo off the main thread: a default run is ~100 ms of tight loops and a large one several
 * seconds, which would freeze typing. One request in, one answer out; the page terminates the worker to cancel.
 * Loaded only as a worker (`useMonteCarlo`); its types are shared with the page.
 */
import { type MonteCarloOptions, type MonteCarloResult, monteCarlo } from '../../engine/index.ts';

export interface MonteCarloRequest {
  id: number;
  runs: MonteCarloOptions[];
}

export type MonteCarloResponse = { id: number; results: MonteCarloResult[] } | { id: number; error: string };

// The DOM lib types `self` as a window; a dedicated worker's scope is this much of it.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<MonteCarloRequest>) => void): void;
  postMessage(message: MonteCarloResponse): void;
};

scope.addEventListener('message', (event) => {
  const { id, runs } = event.data;
  try {
    scope.postMessage({ id, results: runs.map((options) => monteCarlo(options)) });
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
