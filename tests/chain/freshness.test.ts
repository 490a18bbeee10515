import { describe, expect, it } from 'vitest';
import { chainNowOf, errorReason, freshnessOf, staleAfterMs } from '../../src/chain/freshness.ts';

const base = { pollIntervalMs: 5000, endpoint: 'rpc.example', error: undefined };

describe('freshness of what a view shows', () => {
  it('is loading before the first read, and names the endpoint once it fails', () => {
    expect(freshnessOf({ ...base, receivedAt: undefined, blockNumber: undefined, nowMs: 0 })).toEqual({
      kind: 'loading',
    });
    const error = Object.assign(new Error('HTTP request failed.\nURL: http://x'), {
      shortMessage: 'HTTP request failed.',
    });
    expect(freshnessOf({ ...base, receivedAt: undefined, blockNumber: undefined, nowMs: 0, error })).toEqual({
      kind: 'unreachable',
      endpoint: 'rpc.example',
      reason: 'HTTP request failed',
    });
  });

  it('is live up to two poll intervals after the read, then stale with its age', () => {
    const at = 1_000_000;
    const read = { ...base, receivedAt: at, blockNumber: 42n };
    expect(freshnessOf({ ...read, nowMs: at + staleAfterMs(5000) })).toEqual({
      kind: 'live',
      ageSeconds: 10,
      blockNumber: 42n,
    });
    expect(freshnessOf({ ...read, nowMs: at + 14_000, error: new Error('fetch failed') })).toEqual({
      kind: 'stale',
      ageSeconds: 14,
      blockNumber: 42n,
      endpoint: 'rpc.example',
      reason: 'fetch failed',
    });
  });

  it('gives an error one readable line', () => {
    expect(errorReason(new Error('first line.\nsecond'))).toBe('first line');
    expect(errorReason(undefined)).toBeUndefined();
    expect(errorReason('plain')).toBe('plain');
  });
});

describe("the chain's clock comes from the snapshot shown", () => {
  it('moves with the wall clock from the moment the snapshot was read', () => {
    const snapshot = { blockTimestamp: 1_700_000_000n, receivedAt: 5_000 };
    expect(chainNowOf(snapshot, 5_000)).toBe(1_700_000_000);
    expect(chainNowOf(snapshot, 8_500)).toBe(1_700_000_003.5);
  });

  it('does not jump while a newer read is in flight: the figures and their clock travel together', () => {
    // Before, the clock was the snapshot's block time plus (now − the query's dataUpdatedAt); a query keyed by
    // block showed the previous snapshot as a placeholder with dataUpdatedAt = 0, and the clock leapt decades
    // ahead, so every pool read "Waiting for keeper" until the new read landed. Now the anchor is inside the
    // snapshot, so whichever snapshot is on screen gives the same clock.
    const shown = { blockTimestamp: 1_700_000_000n, receivedAt: 10_000 };
    const now = 10_400;
    const clock = chainNowOf(shown, now);
    expect(clock - Number(shown.blockTimestamp)).toBeLessThan(1);
  });

  it('never runs backwards if the wall clock does', () => {
    expect(chainNowOf({ blockTimestamp: 100n, receivedAt: 5_000 }, 4_000)).toBe(100);
  });
});
