/**
 * How old what a view shows is, and whether it may still be called live. Every figure on screen comes from
 * a snapshot stamped with the wall-clock time its read came back (`receivedAt`); a snapshot counts as live
 * while it is at most two poll intervals old. The chain's clock is taken from the same snapshot, so a new
 * block or a read in flight can never move a countdown the chain did not move.
 */

import { describeReadFailure, type ProviderReply } from '../errors/endpointFailure.ts';

export type FreshnessState =
  /** Nothing read yet, and no error. */
  | { kind: 'loading' }
  /** Nothing read yet and the endpoint failed. */
  | { kind: 'unreachable'; endpoint: string; reason: string; reply?: ProviderReply }
  | { kind: 'live'; ageSeconds: number; blockNumber: bigint }
  /** Figures on screen, but older than two poll intervals: reads are failing or lagging. */
  | {
      kind: 'stale';
      ageSeconds: number;
      blockNumber: bigint;
      endpoint: string;
      reason: string | undefined;
      reply?: ProviderReply;
    };

export interface FreshnessInput {
  /** Wall-clock ms when the figures shown were read; undefined before the first read. */
  receivedAt: number | undefined;
  blockNumber: bigint | undefined;
  pollIntervalMs: number;
  nowMs: number;
  error: unknown;
  endpoint: string;
}

/**
 * Why reads fail, as one sentence in the app's words (endpointFailure.ts), and apart from it what the endpoint
 * sent, bounded, for a details toggle. Never the endpoint's text, a parser's message or viem's wording as the
 * sentence.
 */
function problemOf(error: unknown, endpoint: string): { reason: string; reply?: ProviderReply } | undefined {
  if (error === null || error === undefined) return undefined;
  const { sentence, reply } = describeReadFailure(error, endpoint || undefined);
  return reply ? { reason: sentence, reply } : { reason: sentence };
}

/** The app's sentence for a failed read (see problemOf), or undefined when nothing failed. */
export function errorReason(error: unknown): string | undefined {
  return problemOf(error, '')?.reason;
}

export function staleAfterMs(pollIntervalMs: number): number {
  return 2 * pollIntervalMs;
}

export function freshnessOf(input: FreshnessInput): FreshnessState {
  const { receivedAt, blockNumber, pollIntervalMs, nowMs, error, endpoint } = input;
  const problem = problemOf(error, endpoint);
  if (receivedAt === undefined || blockNumber === undefined)
    return problem === undefined ? { kind: 'loading' } : { kind: 'unreachable', endpoint, ...problem };
  const ageMs = Math.max(0, nowMs - receivedAt);
  const ageSeconds = Math.floor(ageMs / 1000);
  if (ageMs <= staleAfterMs(pollIntervalMs)) return { kind: 'live', ageSeconds, blockNumber };
  return { kind: 'stale', ageSeconds, blockNumber, endpoint, reason: undefined, ...problem };
}

/** Seconds on the chain's clock now, from a snapshot's block time and when it was read. */
export function chainNowOf(snapshot: { blockTimestamp: bigint; receivedAt: number }, nowMs: number): number {
  return Number(snapshot.blockTimestamp) + Math.max(0, nowMs - snapshot.receivedAt) / 1000;
}
