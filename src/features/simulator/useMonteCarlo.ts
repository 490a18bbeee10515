/**
 * The Monte Carlo, run after the inputs settle and off the main thread: a debounce so typing "10000" does not
 * start runs at 1, 10 and 100 paths; a module worker so a long run never blocks input; a new run cancels the
 * one in flight (the worker is terminated). The last result stays on screen, marked as updating, meanwhile.
 * Where there is no Worker (jsdom in tests), the run happens on the main thread after a timeout.
 */
import { useEffect, useRef, useState } from 'react';
import { type MonteCarloResult, monteCarlo } from '../../engine/index.ts';
import {
  type MonteCarloInputs,
  type MonteCarloView,
  monteCarloRuns,
  monteCarloView,
} from './monteCarloData.ts';
import type { MonteCarloRequest, MonteCarloResponse } from './monteCarloWorker.ts';

export const MONTE_CARLO_DEBOUNCE_MS = 300;

export interface MonteCarloState {
  /** The latest finished run, for the inputs it was run with. */
  view: MonteCarloView | undefined;
  /** A run for newer inputs is waiting or under way. */
  busy: boolean;
  error: string | undefined;
}

interface Run {
  result: Promise<MonteCarloResult[]>;
  cancel: () => void;
}

interface Runner {
  run(inputs: MonteCarloInputs): Run;
  dispose(): void;
}

function workerRunner(): Runner {
  let worker: Worker | undefined;
  let nextId = 0;
  return {
    run(inputs) {
      worker ??= new Worker(new URL('./monteCarloWorker.ts', import.meta.url), { type: 'module' });
      const current = worker;
      const id = ++nextId;
      let pending = true;
      const result = new Promise<MonteCarloResult[]>((resolve, reject) => {
        const finish = () => {
          pending = false;
          current.removeEventListener('message', onMessage);
          current.removeEventListener('error', onError);
        };
        const onMessage = (event: MessageEvent<MonteCarloResponse>) => {
          if (event.data.id !== id) return;
          finish();
          if ('error' in event.data) reject(new Error(event.data.error));
          else resolve(event.data.results);
        };
        const onError = (event: ErrorEvent) => {
          finish();
          reject(new Error(event.message || 'the simulation worker failed'));
        };
        current.addEventListener('message', onMessage);
        current.addEventListener('error', onError);
      });
      current.postMessage({ id, runs: monteCarloRuns(inputs) } satisfies MonteCarloRequest);
      return {
        result,
        cancel: () => {
          if (!pending) return; // finished: the worker is idle and can be reused
          current.terminate();
          if (worker === current) worker = undefined;
        },
      };
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
    },
  };
}

function mainThreadRunner(): Runner {
  return {
    run(inputs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const result = new Promise<MonteCarloResult[]>((resolve, reject) => {
        timer = setTimeout(() => {
          try {
            resolve(monteCarloRuns(inputs).map((options) => monteCarlo(options)));
          } catch (error) {
            reject(error);
          }
        }, 0);
      });
      return { result, cancel: () => clearTimeout(timer) };
    },
    dispose() {},
  };
}

export function useMonteCarlo(inputs: MonteCarloInputs): MonteCarloState {
  const key = JSON.stringify(inputs);
  const runnerRef = useRef<Runner | undefined>(undefined);
  useEffect(
    () => () => {
      runnerRef.current?.dispose();
      runnerRef.current = undefined;
    },
    [],
  );
  const [state, setState] = useState<MonteCarloState & { key: string | undefined }>({
    view: undefined,
    busy: true,
    error: undefined,
    key: undefined,
  });

  useEffect(() => {
    const settled = JSON.parse(key) as MonteCarloInputs;
    let cancelled = false;
    let cancelRun: (() => void) | undefined;
    setState((s) => (s.key === key ? s : { ...s, busy: true }));
    const timer = setTimeout(() => {
      runnerRef.current ??= typeof Worker === 'undefined' ? mainThreadRunner() : workerRunner();
      const run = runnerRef.current.run(settled);
      cancelRun = run.cancel;
      run.result.then(
        (results) => {
          if (cancelled) return;
          try {
            setState({ view: monteCarloView(settled, results), busy: false, error: undefined, key });
          } catch (error) {
            setState((s) => ({ ...s, busy: false, error: String(error), key }));
          }
        },
        (error: unknown) => {
          if (cancelled) return;
          const message = error instanceof Error ? error.message : String(error);
          setState((s) => ({ ...s, busy: false, error: message, key }));
        },
      );
    }, MONTE_CARLO_DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
      cancelRun?.();
    };
  }, [key]);

  return { view: state.view, busy: state.busy || state.key !== key, error: state.error };
}
