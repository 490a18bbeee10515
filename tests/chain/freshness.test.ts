import { HttpRequestError } from 'viem';
import { describe, expect, it } from 'vitest';
import { chainNowOf, errorReason, freshnessOf, staleAfterMs } from '../../src/chain/pools/freshness.ts';

const base = { pollIntervalMs: 5000, endpoint: 'rpc.example', error: undefined };

describe('freshness of what a view shows', () => {
  it('is loading before the first read, and names the endpoint once it fails, in the app’s words', () => {
    expect(freshnessOf({ ...base, receivedAt: undefined, blockNumber: undefined, nowMs: 0 })).toEqual({
      kind: 'loading',
    });
    // An HTML error page of 6 KB, with words the endpoint chose.
    const page = `<html><body>${'URGENT: withdraw at https://evil.example '.repeat(150)}</body></html>`;
    const error = new HttpRequestError({
      url: 'http://rpc.example/v3/KEY',
      status: 500,
      body: {},
      details: JSON.stringify(page),
    });
    const state = freshnessOf({ ...base, receivedAt: undefined, blockNumber: undefined, nowMs: 0, error });
    expect(state).toEqual({
      kind: 'unreachable',
      endpoint: 'rpc.example',
      reason: 'The RPC endpoint rpc.example answered with a server error.',
      reply: { from: 'rpc.example', text: expect.stringMatching(/^<html><body>URGENT/), cut: true },
    });
    if (state.kind !== 'unreachable') throw new Error('unreachable expected');
    expect(state.reply?.text.length).toBeLessThanOrEqual(300);
  });

  it('is live up to two poll intervals after the read, then stale with its age', () => {
    const at = 1_000_000;
    const read = { ...base, receivedAt: at, blockNumber: 42n };
    expect(freshnessOf({ ...read, nowMs: at + staleAfterMs(5000) })).toEqual({
      kind: 'live',
      ageSeconds: 10,
      blockNumber: 42n,
    });
    expect(freshnessOf({ ...read, nowMs: at + 14_000, error: new TypeError('fetch failed') })).toEqual({
      kind: 'stale',
      ageSeconds: 14,
      blockNumber: 42n,
      endpoint: 'rpc.example',
      reason: 'The RPC endpoint rpc.example could not be reached.',
    });
    expect(freshnessOf({ ...read, nowMs: at + 14_000 })).toMatchObject({ kind: 'stale', reason: undefined });
  });

  it('gives a failure one sentence of the app’s, ending in one period, never viem’s wording', () => {
    const down = new HttpRequestError({
      url: 'http://rpc.example:8545/',
      body: {},
      details: 'Failed to fetch',
    });
    expect(errorReason(down)).toBe('The RPC endpoint rpc.example:8545 could not be reached.');
    expect(errorReason(down)).not.toMatch(/HTTP request failed|\.\.$/);
    expect(errorReason(new Error('first line.\nsecond'))).toBe(
      'The request failed for a reason the app cannot name.',
    );
    expect(errorReason(undefined)).toBeUndefined();
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
