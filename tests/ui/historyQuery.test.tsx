/**
 * The history query as the pool page and the portfolio use it, with a real QueryClient and a controlled read:
 * an upkeep in the middle of a long first read neither aborts it nor starts a second one beside it; the read
 * for the new upkeep follows once the first is over, to the newest block; and only the read in flight moves
 * the progress figure. A failed re-read leaves the history on screen, and the note under it says why.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { HttpRequestError } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeReadFailure } from '../../src/chain/errors/endpointFailure.ts';
import type { HistoryRequest } from '../../src/chain/history/historySource.ts';
import { useHistoryQuery } from '../../src/chain/react/useHistoryQuery.ts';
import { SourceNote } from '../../src/ui/SourceNote.tsx';

interface Read {
  request: HistoryRequest;
  finish: (value: string) => void;
}

function controlledReads() {
  const reads: Read[] = [];
  const read = (request: HistoryRequest) =>
    new Promise<string>((resolve) => {
      reads.push({ request, finish: resolve });
    });
  return { reads, read };
}

function wrapper() {
  const client = new QueryClient();
  return ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
}

describe('useHistoryQuery', () => {
  it('lets an upkeep during a long read finish that read, then reads again to the new block', async () => {
    const { reads, read } = controlledReads();
    const { result, rerender } = renderHook(
      ({ stamp, toBlock }: { stamp: string; toBlock: bigint }) =>
        useHistoryQuery(
          { queryKey: ['chain', 1, 'pool-history', '0xpool'], enabled: true, pollIntervalMs: 60_000, read },
          { stamp, toBlock },
        ),
      { wrapper: wrapper(), initialProps: { stamp: '100', toBlock: 10n } },
    );
    await waitFor(() => expect(reads).toHaveLength(1));
    act(() => reads[0]!.request.onProgress?.({ scannedBlocks: 4n, totalBlocks: 10n }));
    await waitFor(() => expect(result.current.progress?.scannedBlocks).toBe(4n));

    // The keeper upkeeps: a new lastPriceTimestamp and a later snapshot block, while the read runs.
    rerender({ stamp: '160', toBlock: 12n });
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toHaveLength(1);
    expect(reads[0]!.request.signal?.aborted).toBe(false);

    act(() => reads[0]!.finish('to block 10'));
    await waitFor(() => expect(reads).toHaveLength(2));
    expect(result.current.data).toBe('to block 10');
    expect(reads[1]!.request.toBlock).toBe(12n);
    // A late report from the finished read does not move the bar of the one in flight.
    act(() => reads[0]!.request.onProgress?.({ scannedBlocks: 9n, totalBlocks: 10n }));
    act(() => reads[1]!.request.onProgress?.({ scannedBlocks: 11n, totalBlocks: 12n }));
    act(() => reads[0]!.request.onProgress?.({ scannedBlocks: 1n, totalBlocks: 10n }));
    await waitFor(() => expect(result.current.progress?.scannedBlocks).toBe(11n));

    act(() => reads[1]!.finish('to block 12'));
    await waitFor(() => expect(result.current.data).toBe('to block 12'));
    await new Promise((r) => setTimeout(r, 50));
    expect(reads).toHaveLength(2);
  });

  it('still says where the history came from when a page mounts again over the cached value', async () => {
    const { reads, read } = controlledReads();
    // One QueryClient for both mounts, as the app has one for its whole life.
    const shared = wrapper();
    const options = {
      queryKey: ['chain', 1, 'user-history', '0xuser'],
      enabled: true,
      pollIntervalMs: 60_000,
      read,
    };
    const moves = { stamp: '7', toBlock: 10n };
    const first = renderHook(() => useHistoryQuery(options, moves), { wrapper: shared });
    await waitFor(() => expect(reads).toHaveLength(1));
    act(() => reads[0]!.request.onSource?.({ kind: 'indexer', indexedTo: 10n, indexedAt: 1 }));
    act(() => reads[0]!.finish('to block 10'));
    await waitFor(() => expect(first.result.current.data).toBe('to block 10'));
    first.unmount();
    // Back on the page: the value is the cached one, no read runs, and its provenance came with it.
    const again = renderHook(() => useHistoryQuery(options, moves), { wrapper: shared });
    expect(again.result.current.data).toBe('to block 10');
    expect(again.result.current.source).toEqual({ kind: 'indexer', indexedTo: 10n, indexedAt: 1 });
    expect(reads).toHaveLength(1);
  });

  it('keeps the history on screen when a later read fails', async () => {
    const { reads, read } = controlledReads();
    let fail = false;
    const { result, rerender } = renderHook(
      ({ stamp }: { stamp: string }) =>
        useHistoryQuery(
          {
            queryKey: ['chain', 1, 'user-history', '0xuser'],
            enabled: true,
            pollIntervalMs: 60_000,
            read: (request) => (fail ? Promise.reject(new Error('rate limited')) : read(request)),
          },
          { stamp, toBlock: 5n },
        ),
      { wrapper: wrapper(), initialProps: { stamp: 'a' } },
    );
    await waitFor(() => expect(reads).toHaveLength(1));
    act(() => reads[0]!.finish('kept'));
    await waitFor(() => expect(result.current.data).toBe('kept'));
    fail = true;
    rerender({ stamp: 'b' });
    await waitFor(() => expect(result.current.error?.message).toBe('rate limited'));
    expect(result.current.data).toBe('kept');
  });
});

describe('SourceNote with a failed re-read', () => {
  it('says the history stops at the last read and why, in the app words only', () => {
    const error = new HttpRequestError({
      url: 'https://rpc.example.org/key',
      status: 429,
      body: {},
      details: 'URGENT: withdraw at https://evil.example',
    });
    render(<SourceNote text="Read from the chain's logs." lag={describeReadFailure(error)} />);
    const status = screen.getByRole('status');
    expect(status.textContent).toMatch(
      /^The newest blocks could not be read yet, so this stops at the last read\./,
    );
    expect(status.textContent).toContain('rpc.example.org is rate-limiting requests.');
    expect(status.textContent).not.toMatch(/URGENT|evil|key/);
  });
});
