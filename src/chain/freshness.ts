/**
 * How old what a view shows is, and whether it may still be called live. Every figure on screen comes from
 * a snapshot stamped with the wall-clock time its read came back (`receivedAt`); a snapshot counts as live
 * while it is at most two poll intervals old. The chain's clock is taken from the same snapshot, so a new
 * block or a read in flight can never move a countdown the chain did not move.
 */

import { WrongChainEndpointError } from './endpointChain.ts';

export type FreshnessState =
  /** Nothing read yet, and no error. */
  | { kind: 'loading' }
  /** Nothing read yet and the endpoint failed. */
  | { kind: 'unreachable'; endpoint: string; reason: string }
  | { kind: 'live'; ageSeconds: number; blockNumber: bigint }
  /** Figures on screen, but older than two poll intervals: reads are failing or lagging. */
  | { kind: 'stale'; ageSeconds: number; blockNumber: bigint; endpoint: string; reason: string | undefined };

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
 * The first line of an error, in words a user can read: viem's short message with its details where it has
 * them ("HTTP request failed: Failed to fetch"), never the request body it also carries.
 */
export function errorReason(error: unknown): string | undefined {
  if (error === null || error === undefined) return undefined;
  // An endpoint serving another chain says so in the app's own words, however deep viem nested it.
  for (let e: unknown = error; e instanceof Error; e = e.cause)
    if (e instanceof WrongChainEndpointError) return e.shortMessage.replace(/\.$/, '');
  const firstLine = (text: string) => text.split('\n')[0]?.replace(/\.$/, '') ?? text;
  if (typeof error === 'object' && 'shortMessage' in error) {
    const { shortMessage, details } = error as { shortMessage: unknown; details?: unknown };
    const short = firstLine(String(shortMessage));
    return typeof details === 'string' && details && details !== short
      ? `${short}: ${firstLine(details)}`
      : short;
  }
  return firstLine(error instanceof Error ? error.message : String(error));
}

export function staleAfterMs(pollIntervalMs: number): number {
  return 2 * pollIntervalMs;
}

export function freshnessOf(input: FreshnessInput): FreshnessState {
  const { receivedAt, blockNumber, pollIntervalMs, nowMs, error, endpoint } = input;
  if (receivedAt === undefined || blockNumber === undefined) {
    const reason = errorReason(error);
    return reason === undefined ? { kind: 'loading' } : { kind: 'unreachable', endpoint, reason };
  }
  const ageMs = Math.max(0, nowMs - receivedAt);
  const ageSeconds = Math.floor(ageMs / 1000);
  if (ageMs <= staleAfterMs(pollIntervalMs)) return { kind: 'live', ageSeconds, blockNumber };
  return { kind: 'stale', ageSeconds, blockNumber, endpoint, reason: errorReason(error) };
}

/** Seconds on the chain's clock now, from a snapshot's block time and when it was read. */
export function chainNowOf(snapshot: { blockTimestamp: bigint; receivedAt: number }, nowMs: number): number {
  return Number(snapshot.blockTimestamp) + Math.max(0, nowMs - snapshot.receivedAt) / 1000;
}
