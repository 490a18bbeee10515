/**
 * What a page's head says about its pool reads (src/chain/pools/poolReadProblem.ts): the freshness as read,
 * the pool list's failure in the app's words (never the endpoint's), and a retry that reads the list again.
 */
import { describe, expect, it, vi } from 'vitest';
import { describeReadFailure } from '../../src/chain/errors/endpointFailure.ts';
import type { FreshnessState } from '../../src/chain/pools/freshness.ts';
import { poolReadProblem } from '../../src/chain/pools/poolReadProblem.ts';

const live: FreshnessState = { kind: 'live', ageSeconds: 1, blockNumber: 100n };

describe('poolReadProblem', () => {
  it('passes the freshness on and reports no list problem while the list is read', () => {
    const problem = poolReadProblem({
      freshness: live,
      registryError: undefined,
      registry: { refetch: vi.fn() },
    });
    expect(problem.state).toBe(live);
    expect(problem.listProblem).toBeUndefined();
  });

  it('says why the list failed as the chain layer words it, and retries by reading the list again', () => {
    const error = new Error('fetch failed');
    const refetch = vi.fn();
    const problem = poolReadProblem({ freshness: live, registryError: error, registry: { refetch } });
    expect(problem.listProblem).toEqual(describeReadFailure(error));
    expect(problem.onRetry()).toBeUndefined();
    expect(refetch).toHaveBeenCalledOnce();
  });
});
