/**
 * The simulator's chart data, built off the main thread (chartsWorker.ts): the hook posts the inputs of the
 * parts whose inputs changed and draws an answer only if it is the newest request's, so a late answer for
 * older inputs never lands on screen. Until the first answer there is no view (the page shows its skeleton);
 * after it, the last complete view stays, drawn with the inputs it was built from, while a newer one is built.
 * Where there is no Worker (jsdom in tests), the same builders run in-thread.
 */
import { startTransition, useEffect, useMemo, useRef, useState } from 'react';
import {
  type ChartsAnswer,
  type ChartsRequest,
  computeCharts,
  PARTS,
  type Part,
  type PartInputs,
  type PartResults,
  partInputs,
  partKey,
} from './chartsCompute.ts';
import type { SimulatorInputs } from './fieldRules.ts';

export interface ChartsRunner {
  /** Sends a request; its answer goes to the callback the runner was made with, at any later time. */
  post(request: ChartsRequest): void;
  dispose(): void;
}

export type ChartsRunnerFactory = (onAnswer: (answer: ChartsAnswer) => void) => ChartsRunner;

/**
 * The worker starts with the first request, and is ended only once it has answered every request sent: a
 * worker ended while its script is still loading leaves that load open for good (React's development build
 * mounts every effect twice, so a runner is made and dropped at once), and the page never counts as loaded.
 */
function workerRunner(onAnswer: (answer: ChartsAnswer) => void): ChartsRunner {
  let worker: Worker | undefined;
  let lastSeq = 0;
  let unanswered = 0;
  let disposed = false;
  const settle = () => {
    unanswered = Math.max(0, unanswered - 1);
    if (disposed && unanswered === 0) worker?.terminate();
    return !disposed;
  };
  const start = () => {
    const made = new Worker(new URL('./chartsWorker.ts', import.meta.url), { type: 'module' });
    made.addEventListener('message', (event: MessageEvent<ChartsAnswer>) => {
      if (settle()) onAnswer(event.data);
    });
    // A worker that fails to load or throws has no request to answer: the newest one gets the failure.
    made.addEventListener('error', (event) => {
      if (settle()) onAnswer({ seq: lastSeq, error: event.message || 'the chart worker failed' });
    });
    return made;
  };
  return {
    post(request) {
      lastSeq = request.seq;
      unanswered += 1;
      worker ??= start();
      worker.postMessage(request);
    },
    dispose: () => {
      disposed = true;
      if (unanswered === 0) worker?.terminate();
    },
  };
}

function inThreadRunner(onAnswer: (answer: ChartsAnswer) => void): ChartsRunner {
  return { post: (request) => onAnswer(computeCharts(request)), dispose() {} };
}

export const defaultChartsRunner: ChartsRunnerFactory = (onAnswer) =>
  typeof Worker === 'undefined' ? inThreadRunner(onAnswer) : workerRunner(onAnswer);

export interface ChartView extends PartResults {
  /** The inputs the parts were built from: the charts' labels and choices must come from these. */
  inputs: SimulatorInputs;
}

export interface ChartDataState {
  /** The newest complete view; undefined until the first answer. */
  view: ChartView | undefined;
  /** A view for newer inputs is being built. */
  pending: boolean;
  error: string | undefined;
}

/** What has been drawn: each part's result and the key of the inputs it was built from. */
interface Snapshot {
  results: Partial<PartResults>;
  keys: Partial<Record<Part, string>>;
  inputs: SimulatorInputs | undefined;
  error: string | undefined;
}

const EMPTY: Snapshot = { results: {}, keys: {}, inputs: undefined, error: undefined };

interface Request {
  seq: number;
  inputs: SimulatorInputs | undefined;
  /** The keys of the parts asked for. */
  keys: Partial<Record<Part, string>>;
  /** The keys of every part at these inputs. */
  all: Record<Part, string> | undefined;
}

const NO_REQUEST: Request = { seq: 0, inputs: undefined, keys: {}, all: undefined };

const sameKeys = (a: Record<Part, string>, b: Record<Part, string>) =>
  PARTS.every((part) => a[part] === b[part]);

function keysOf(inputs: SimulatorInputs): Record<Part, string> {
  const parts = partInputs(inputs);
  return Object.fromEntries(PARTS.map((part) => [part, partKey(part, parts)])) as Record<Part, string>;
}

/** A request for the parts named, with their inputs. */
function requestOf(seq: number, inputs: PartInputs, parts: readonly Part[]): ChartsRequest {
  const request: ChartsRequest = { seq, parts: {} };
  const add = <P extends Part>(part: P) => {
    request.parts[part] = inputs[part];
  };
  for (const part of parts) add(part);
  return request;
}

function completeView(snapshot: Snapshot, shownWith: SimulatorInputs | undefined): ChartView | undefined {
  const { payoff, readout, skew, path } = snapshot.results;
  if (!payoff || !readout || !skew || !path || !shownWith) return undefined;
  return { inputs: shownWith, payoff, readout, skew, path };
}

export function useChartData(
  inputs: SimulatorInputs | undefined,
  createRunner: ChartsRunnerFactory = defaultChartsRunner,
): ChartDataState {
  const [snapshot, setSnapshot] = useState<Snapshot>(EMPTY);
  // The newest request (an answer to any other is stale) and what has been accepted: read by the handlers
  // without waiting for a render.
  const latest = useRef<Request>(NO_REQUEST);
  const accepted = useRef<Snapshot>(EMPTY);
  const runner = useRef<ChartsRunner | undefined>(undefined);

  useEffect(() => {
    const made = createRunner((answer) => {
      const request = latest.current;
      if (answer.seq !== request.seq) return;
      const before = accepted.current;
      const next: Snapshot =
        'error' in answer
          ? { ...before, error: answer.error }
          : {
              results: { ...before.results, ...answer.results },
              keys: { ...before.keys, ...request.keys },
              inputs: request.inputs,
              error: undefined,
            };
      accepted.current = next;
      // A transition: drawing the charts gives way to typing.
      startTransition(() => setSnapshot(next));
    });
    runner.current = made;
    return () => {
      made.dispose();
      runner.current = undefined;
      // Nothing asked of this runner will be answered: the next request starts afresh.
      latest.current = { ...NO_REQUEST, seq: latest.current.seq + 1 };
    };
  }, [createRunner]);

  useEffect(() => {
    const before = latest.current;
    const keys = inputs === undefined ? undefined : keysOf(inputs);
    if (keys !== undefined && before.all !== undefined && sameKeys(before.all, keys)) {
      // New inputs with the same parts (another side, other models): the answer on its way fits them too.
      latest.current = { ...before, inputs };
      return;
    }
    // Any other change makes the answers to earlier requests stale, even one that needs no new part.
    const seq = before.seq + 1;
    if (inputs === undefined || keys === undefined) {
      latest.current = { ...NO_REQUEST, seq };
      return;
    }
    const missing = PARTS.filter((part) => accepted.current.keys[part] !== keys[part]);
    const requested = Object.fromEntries(missing.map((part) => [part, keys[part]]));
    latest.current = { seq, inputs, keys: requested, all: keys };
    if (missing.length > 0) runner.current?.post(requestOf(seq, partInputs(inputs), missing));
  }, [inputs]);

  const keys = useMemo(() => (inputs === undefined ? undefined : keysOf(inputs)), [inputs]);

  const upToDate = keys !== undefined && PARTS.every((part) => snapshot.keys[part] === keys[part]);
  // Up to date, the parts fit the current inputs too (choices no part is built from included).
  const drawnWith = upToDate ? inputs : snapshot.inputs;
  const view = useMemo(() => completeView(snapshot, drawnWith), [snapshot, drawnWith]);
  return { view, pending: !upToDate && snapshot.error === undefined, error: snapshot.error };
}
