import { describeReadFailure } from '../errors/endpointFailure.ts';
import type { FreshnessState } from './freshness.ts';

/** What a page that reads the pools (usePoolsSnapshot) has to say about those reads. */
export interface PoolReads {
  freshness: FreshnessState;
  /** The pool list's failure, when nothing stands in for it. */
  registryError: unknown;
  registry: { refetch: () => unknown };
}

/**
 * The problem a page's head reports about its pool reads, in the app's words (docs/errors.md): how fresh the
 * figures are, why the pool list failed if it did, and how to ask for it again. Every page that shows pools
 * tells this the same way; what the figures and the list are called is the page's own.
 */
export function poolReadProblem({ freshness, registryError, registry }: PoolReads) {
  return {
    state: freshness,
    listProblem: registryError ? describeReadFailure(registryError) : undefined,
    onRetry: () => void registry.refetch(),
  };
}
