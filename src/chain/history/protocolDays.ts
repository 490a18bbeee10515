/**
 * The protocol's figures per pool and day (TVL, mint volume, fees, what the treasury claimed), as the history
 * indexer sums them (docs/indexer.md, "Protocol view"). Only the indexer can serve them: summing every pool's
 * events from the browser would mean scanning the whole chain's logs on every visit, so without an indexer
 * the answer says so instead of computing anything. The answer is checked as indexerSource.ts checks its own:
 * the same chain id and the same hash for the block that names the chain instance.
 */
import type { Hex } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import { historyFromJson } from './historyJson.ts';
import { INDEXER_ROUTES, type PoolDayFigures, type ProtocolAnswer } from './indexerApi.ts';

export type ProtocolDaysOutcome =
  | {
      kind: 'figures';
      days: PoolDayFigures[];
      /** The last block the indexer had fully indexed, and its time (Unix seconds). */
      indexedTo: bigint;
      indexedAt: number;
    }
  /** The deployment names no indexer: these figures are not computed at all. */
  | { kind: 'no-indexer' }
  /** An indexer is configured but could not be used; `why` says how, never in the indexer's own words. */
  | { kind: 'unavailable'; why: 'unreachable' | 'not-ready' | 'other-chain' };

export interface ProtocolDaysOptions {
  deployment: ChainDeployment;
  /** The hash of the block that names this chain instance, as the chain's own endpoint says. */
  chainIdentity: () => Promise<Hex>;
  /** Days starting at or after this (Unix seconds of a day's start); all of them when omitted. */
  since?: number;
  fetcher?: typeof fetch;
  /** As long as one request to the indexer may take in indexerSource.ts. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const unavailable = (why: 'unreachable' | 'not-ready' | 'other-chain'): ProtocolDaysOutcome => ({
  kind: 'unavailable',
  why,
});

/**
 * Reads the indexer's per-pool days. A failure of the indexer is an outcome, not an error; only the chain's
 * own identity read (an RPC failure) and an abort by the caller throw.
 */
export async function readProtocolDays({
  deployment,
  chainIdentity,
  since,
  fetcher = (...args) => fetch(...args),
  timeoutMs = 5_000,
  signal,
}: ProtocolDaysOptions): Promise<ProtocolDaysOutcome> {
  if (!deployment.indexerUrl) return { kind: 'no-indexer' };
  const origin = deployment.indexerUrl.replace(/\/+$/, '');
  const query = since === undefined ? '' : `?since=${Math.max(0, Math.floor(since))}`;
  // Asked at the same time as the indexer, not after: one round trip less.
  const identity = chainIdentity();
  identity.catch(() => {});
  const timeout = AbortSignal.timeout(timeoutMs);
  let answer: ProtocolAnswer;
  try {
    const res = await fetcher(`${origin}${INDEXER_ROUTES.protocol}${query}`, {
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      credentials: 'omit',
    });
    // 503: the indexer has not indexed a block yet.
    if (res.status === 503) return unavailable('not-ready');
    if (!res.ok) return unavailable('unreachable');
    answer = historyFromJson<ProtocolAnswer>(await res.text());
  } catch (error) {
    if (signal?.aborted) throw error;
    return unavailable('unreachable');
  }
  if (!answer || typeof answer !== 'object' || !Array.isArray(answer.days)) return unavailable('unreachable');
  if (answer.chain?.chainId !== deployment.chainId) return unavailable('other-chain');
  const expected = deployment.identityBlock ?? deployment.historyFromBlock;
  if (answer.chain.identity?.block !== expected || answer.chain.identity.hash !== (await identity))
    return unavailable('other-chain');
  return {
    kind: 'figures',
    days: answer.days,
    indexedTo: answer.chain.head.block,
    indexedAt: answer.chain.head.timestamp,
  };
}
