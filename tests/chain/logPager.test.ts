/**
 * The log pager against a fake provider that enforces the caps public RPCs enforce and throws the errors
 * viem would hand over for them: every log comes back exactly once and in order, refusals shrink the page,
 * rate limits and network failures are waited out with the injected sleep, and nothing really waits.
 */
import {
  HttpRequestError,
  InvalidInputRpcError,
  InvalidParamsRpcError,
  InvalidRequestRpcError,
  LimitExceededRpcError,
  ResponseBodyTooLargeError,
  RpcRequestError,
  TimeoutError,
} from 'viem';
import { describe, expect, it, vi } from 'vitest';
import {
  type BlockRange,
  classifyLogError,
  LogScanError,
  mergeLogs,
  type ScanProgress,
  scanLogs,
} from '../../src/chain/history/logPager.ts';
import { ScanBudget } from '../../src/chain/history/scanBudget.ts';

interface FakeLog {
  blockNumber: bigint;
  logIndex: number;
  data?: string;
}

const URL = 'https://rpc.example';
const hex = (n: bigint) => `0x${n.toString(16)}`;

/** What viem's http transport throws for a JSON-RPC error body. */
function rpcError(code: number, message: string): RpcRequestError {
  return new RpcRequestError({ body: { method: 'eth_getLogs' }, url: URL, error: { code, message } });
}

function rateLimited(retryAfterSeconds?: string): HttpRequestError {
  const headers = retryAfterSeconds ? new Headers({ 'retry-after': retryAfterSeconds }) : new Headers();
  return new HttpRequestError({ url: URL, status: 429, headers, body: { method: 'eth_getLogs' } });
}

const span = ({ fromBlock, toBlock }: BlockRange) => toBlock - fromBlock + 1n;

/** Logs at the given blocks; a block listed twice gets two logs. */
function logsAt(blocks: bigint[]): FakeLog[] {
  const logs: FakeLog[] = [];
  let previous = -1n;
  let index = 0;
  for (const blockNumber of [...blocks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    index = blockNumber === previous ? index + 1 : 0;
    previous = blockNumber;
    logs.push({ blockNumber, logIndex: index });
  }
  return logs;
}

/**
 * A provider over `logs`: `refuse` returns the error for a range it will not serve (or nothing), and
 * `fail` can throw before that for the n-th request (1-based).
 */
function fakeProvider(
  logs: FakeLog[],
  rules: {
    refuse?: (range: BlockRange, found: FakeLog[]) => Error | undefined;
    fail?: (request: number, range: BlockRange) => Error | undefined;
  } = {},
) {
  const calls: BlockRange[] = [];
  const served: BlockRange[] = [];
  const fetchPage = async (range: BlockRange): Promise<FakeLog[]> => {
    calls.push(range);
    const failure = rules.fail?.(calls.length, range);
    if (failure) throw failure;
    const found = logs.filter((l) => l.blockNumber >= range.fromBlock && l.blockNumber <= range.toBlock);
    const refusal = rules.refuse?.(range, found);
    if (refusal) throw refusal;
    served.push(range);
    return found;
  };
  return { fetchPage, calls, served };
}

/** Checks that the served pages tile the range exactly: contiguous, non-overlapping, in order. */
function expectTiling(pages: BlockRange[], range: BlockRange) {
  expect(pages[0]?.fromBlock).toBe(range.fromBlock);
  expect(pages.at(-1)?.toBlock).toBe(range.toBlock);
  for (let i = 1; i < pages.length; i++) expect(pages[i]?.fromBlock).toBe(pages[i - 1]!.toBlock + 1n);
}

const noSleep = () => vi.fn(async (_ms: number) => {});

// Logs every 997 blocks plus a cluster, a pair in one block, and one at each end of the scan.
const scanRange: BlockRange = { fromBlock: 1_000n, toBlock: 60_999n };
const scattered = logsAt([
  1_000n,
  ...Array.from({ length: 60 }, (_, i) => 1_500n + BigInt(i) * 997n),
  20_000n,
  20_000n,
  20_001n,
  60_999n,
]);

describe('scanLogs over capped providers', () => {
  const providers: Array<{ name: string; cap: bigint; error: (range: BlockRange) => Error }> = [
    {
      name: 'QuickNode, 10,000 blocks',
      cap: 10_000n,
      error: () => new InvalidParamsRpcError(rpcError(-32602, 'eth_getLogs is limited to a 10,000 range')),
    },
    {
      name: 'a geth-style node, 2,000 blocks',
      cap: 2_000n,
      error: () => new InvalidInputRpcError(rpcError(-32000, 'exceed maximum block range: 2000')),
    },
    {
      name: 'a public endpoint, 500 blocks',
      cap: 500n,
      error: () => new InvalidRequestRpcError(rpcError(-32600, 'block range is too wide')),
    },
    {
      name: 'Chainstack, 10,000 blocks, as a bare RpcRequestError',
      cap: 10_000n,
      error: () => rpcError(-32000, 'ranges over 10000 blocks are not supported'),
    },
    {
      name: 'an unknown wording and code',
      cap: 3_000n,
      error: () => rpcError(-32099, 'nope, try again with less'),
    },
  ];

  it.each(providers)(
    '$name: every log exactly once, in order, pages within the cap',
    async ({ cap, error }) => {
      const provider = fakeProvider(scattered, {
        refuse: (range) => (span(range) > cap ? error(range) : undefined),
      });
      const sleep = noSleep();
      const { logs, requests } = await scanLogs(provider.fetchPage, scanRange, { sleep });
      expect(logs).toEqual(scattered);
      expect(requests).toBe(provider.calls.length);
      expect(provider.served.every((page) => span(page) <= cap)).toBe(true);
      expectTiling(provider.served, scanRange);
      expect(sleep).not.toHaveBeenCalled();
    },
  );

  it("takes Infura's result-count refusal (-32005) as too wide, not as a rate limit", async () => {
    const dense = logsAt(Array.from({ length: 400 }, (_, i) => BigInt(i) * 25n));
    const provider = fakeProvider(dense, {
      refuse: (range, found) =>
        found.length > 100
          ? new LimitExceededRpcError(
              rpcError(
                -32005,
                `query returned more than 10000 results. Try with this block range [${hex(range.fromBlock)}, ${hex(range.fromBlock + 999n)}].`,
              ),
            )
          : undefined,
    });
    const sleep = noSleep();
    const { logs } = await scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 9_999n }, { sleep });
    expect(logs).toEqual(dense);
    expect(sleep).not.toHaveBeenCalled();
    expect(provider.calls[1]).toEqual({ fromBlock: 0n, toBlock: 999n });
  });

  it("honours Alchemy's suggested range when it is smaller than half", async () => {
    const alchemy = (range: BlockRange) =>
      rpcError(
        -32602,
        'Log response size exceeded. You can make eth_getLogs requests with up to a 2K block range and no limit ' +
          'on the response size, or you can request any block range with a cap of 10K logs in the response. ' +
          `Based on your parameters, this block range should work: [${hex(range.fromBlock)}, ${hex(range.fromBlock + 299n)}]`,
      );
    const provider = fakeProvider(scattered, {
      refuse: (range) => (span(range) > 300n ? alchemy(range) : undefined),
    });
    const { logs } = await scanLogs(provider.fetchPage, scanRange, { sleep: noSleep() });
    expect(provider.calls.slice(0, 2)).toEqual([
      { fromBlock: 1_000n, toBlock: 60_999n },
      { fromBlock: 1_000n, toBlock: 1_299n },
    ]);
    expect(logs).toEqual(scattered);
  });

  it('returns a log on the last block of one page and one on the first of the next exactly once', async () => {
    const edge = logsAt([0n, 999n, 1_000n, 1_999n, 2_000n, 2_999n]);
    const provider = fakeProvider(edge);
    const { logs, requests } = await scanLogs(
      provider.fetchPage,
      { fromBlock: 0n, toBlock: 2_999n },
      { initialSpan: 1_000n },
    );
    expect(logs).toEqual(edge);
    expect(requests).toBe(3);
    expect(provider.served).toEqual([
      { fromBlock: 0n, toBlock: 999n },
      { fromBlock: 1_000n, toBlock: 1_999n },
      { fromBlock: 2_000n, toBlock: 2_999n },
    ]);
  });

  it('throws LogScanError naming the block when even one block is refused', async () => {
    const refusal = rpcError(-32602, 'Log response size exceeded.');
    const provider = fakeProvider(logsAt([1n, 5n]), {
      refuse: (range) => (range.fromBlock <= 5n && range.toBlock >= 5n ? refusal : undefined),
    });
    const scan = scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 9n }, { initialSpan: 4n });
    const error = await scan.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogScanError);
    const scanError = error as LogScanError;
    expect(scanError.message).toBe(
      'Could not fetch logs for block 5: the provider refuses even a single-block request.',
    );
    expect(scanError.range).toEqual({ fromBlock: 5n, toBlock: 5n });
    expect(scanError.cause).toBe(refusal);
    expect(scanError.requests).toBe(provider.calls.length);
    expect(provider.calls).toEqual([
      { fromBlock: 0n, toBlock: 3n },
      { fromBlock: 4n, toBlock: 7n },
      { fromBlock: 4n, toBlock: 5n },
      { fromBlock: 4n, toBlock: 4n },
      { fromBlock: 5n, toBlock: 5n },
    ]);
  });
});

describe('scanLogs span growth', () => {
  it('doubles after each success up to maxSpan', async () => {
    const provider = fakeProvider([]);
    await scanLogs(
      provider.fetchPage,
      { fromBlock: 0n, toBlock: 2_599n },
      { initialSpan: 100n, maxSpan: 800n },
    );
    expect(provider.served.map(span)).toEqual([100n, 200n, 400n, 800n, 800n, 300n]);
  });

  it('finds a fixed range cap by binary search, then only probes past it every 16 pages', async () => {
    const cap = 600n;
    const provider = fakeProvider([], {
      refuse: (range) => (span(range) > cap ? rpcError(-32602, 'block range too large') : undefined),
    });
    const range = { fromBlock: 0n, toBlock: 29_999n };
    const { requests } = await scanLogs(provider.fetchPage, range, { initialSpan: 1_000n });
    const tried = provider.calls.map(span);
    // Halve once, then each refused growth step falls back to the last span that worked.
    expect(tried.slice(0, 15)).toEqual([
      1_000n,
      500n,
      750n,
      500n,
      625n,
      500n,
      562n,
      593n,
      609n,
      593n,
      601n,
      593n,
      597n,
      599n,
      600n,
    ]);
    const settled = tried.slice(15);
    expect(settled.filter((size) => size !== cap && size !== 1_000n)).toEqual([363n]);
    const probes = settled.flatMap((size, i) => (size === 1_000n ? [i] : []));
    expect(probes).toEqual([12, 29]);
    expect(requests).toBe(provider.calls.length);
    expectTiling(provider.served, range);
  });

  it('recovers full speed after a brief refusal', async () => {
    const provider = fakeProvider([], {
      fail: (request) => (request === 1 ? rpcError(-32000, 'block range is too wide') : undefined),
    });
    await scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 29_999n }, { initialSpan: 1_000n });
    const sizes = provider.served.map(span);
    expect(sizes.slice(0, 6)).toEqual([500n, 750n, 875n, 937n, 968n, 984n]);
    expect(sizes.slice(17, -1).every((size) => size === 1_000n)).toBe(true);
    expect(provider.calls.length - provider.served.length).toBe(1);
  });

  it('leaves a dense stretch behind: a result-count limit does not hold the span down for the rest', async () => {
    // Fifty logs in each of the first ten blocks, a provider serving at most sixty per request.
    const dense = logsAt(Array.from({ length: 500 }, (_, i) => BigInt(Math.floor(i / 50))));
    const sparse = logsAt([50_000n, 99_999n]);
    const all = [...dense, ...sparse];
    const provider = fakeProvider(all, {
      refuse: (_range, found) =>
        found.length > 60 ? rpcError(-32005, 'query returned more than 60 results') : undefined,
    });
    const range = { fromBlock: 0n, toBlock: 99_999n };
    const { logs, requests } = await scanLogs(provider.fetchPage, range, { initialSpan: 10_000n });
    expect(logs).toEqual(all);
    const sizes = provider.served.map(span);
    expect(sizes.slice(0, 10)).toEqual(Array(10).fill(1n));
    expect(sizes.at(-2)).toBe(10_000n);
    expect(requests).toBeLessThan(60);
    expectTiling(provider.served, range);
  });
});

describe('scanLogs retries', () => {
  it('waits out a 429 for its retry-after and retries the same page', async () => {
    const logs = logsAt([3n, 7n]);
    const provider = fakeProvider(logs, {
      fail: (request) => (request === 1 ? rateLimited('2') : undefined),
    });
    const sleep = noSleep();
    const result = await scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 9n }, { sleep });
    expect(sleep.mock.calls).toEqual([[2_000]]);
    expect(provider.calls).toEqual([
      { fromBlock: 0n, toBlock: 9n },
      { fromBlock: 0n, toBlock: 9n },
    ]);
    expect(result).toEqual({ logs, requests: 2 });
  });

  it('backs off exponentially for a JSON-RPC 429 without retry-after', async () => {
    const provider = fakeProvider([], {
      fail: (request) =>
        request <= 3 ? rpcError(429, 'Your app has exceeded its compute units') : undefined,
    });
    const sleep = noSleep();
    const { requests } = await scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 9n }, { sleep });
    expect(sleep.mock.calls).toEqual([[500], [1_000], [2_000]]);
    expect(requests).toBe(4);
  });

  it('waits out rate limits for up to its patience, then gives up with LogScanError', async () => {
    const provider = fakeProvider([], { fail: () => rateLimited() });
    const sleep = noSleep();
    const error = await scanLogs(
      provider.fetchPage,
      { fromBlock: 0n, toBlock: 99n },
      // A transient-failure limit far below the count of rate limits: rate limits are not counted by it.
      { sleep, maxRetries: 2, rateLimitPatienceMs: 60_000 },
    )
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LogScanError);
    expect((error as LogScanError).message).toMatch(/^Could not fetch logs for blocks 0 to 99: /);
    expect((error as LogScanError).reason).toBe('retries-exhausted');
    // 0.5 + 1 + 2 + 4 + 8 + 15 + 15 = 45.5 s waited; the next 15 s would pass the minute.
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([500, 1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    expect((error as LogScanError).requests).toBe(8);
  });

  it('gives up after maxRetries transient failures in a row', async () => {
    const provider = fakeProvider([], { fail: () => new HttpRequestError({ url: URL, status: 502 }) });
    const sleep = noSleep();
    const error = await scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 9n }, { sleep, maxRetries: 3 })
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect((error as LogScanError).reason).toBe('retries-exhausted');
    expect((error as LogScanError).requests).toBe(4);
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([500, 1_000, 2_000]);
  });

  it("holds every scan of a read while one of them waits out the provider's retry-after", async () => {
    const budget = new ScanBudget();
    const log: string[] = [];
    let release: () => void = () => {};
    const sleep = vi.fn(
      (ms: number) =>
        new Promise<void>((resolve) => {
          log.push(`sleep ${ms}`);
          release = () => {
            log.push('slept');
            resolve();
          };
        }),
    );
    const limited = fakeProvider([], { fail: (request) => (request === 1 ? rateLimited('5') : undefined) });
    const other = fakeProvider([]);
    const first = scanLogs(limited.fetchPage, { fromBlock: 0n, toBlock: 9n }, { sleep, budget });
    // Let the first scan meet its 429 and start its pause before the second asks anything.
    await vi.waitFor(() => expect(sleep).toHaveBeenCalled());
    const second = scanLogs(
      async (range) => {
        log.push('second asks');
        return other.fetchPage(range);
      },
      { fromBlock: 0n, toBlock: 9n },
      { sleep, budget },
    );
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['sleep 5000']);
    release();
    await Promise.all([first, second]);
    expect(log).toEqual(['sleep 5000', 'slept', 'second asks']);
    expect(budget.requests).toBe(3);
  });

  it('resets the retry count after a success', async () => {
    // Two pages, each failing twice: with maxRetries 2 this only passes if the count restarts per page.
    const provider = fakeProvider(logsAt([1n, 15n]), {
      fail: (request) => ([1, 2, 4, 5].includes(request) ? rateLimited('1') : undefined),
    });
    const sleep = noSleep();
    const { logs, requests } = await scanLogs(
      provider.fetchPage,
      { fromBlock: 0n, toBlock: 19n },
      { sleep, maxRetries: 2, initialSpan: 10n },
    );
    expect(logs).toEqual(logsAt([1n, 15n]));
    expect(requests).toBe(6);
    expect(sleep).toHaveBeenCalledTimes(4);
  });

  it('retries a network failure and a 503 after backoff', async () => {
    const logs = logsAt([2n]);
    const provider = fakeProvider(logs, {
      fail: (request) =>
        request === 1
          ? new HttpRequestError({ url: URL, cause: new TypeError('fetch failed') })
          : request === 2
            ? new HttpRequestError({ url: URL, status: 503 })
            : undefined,
    });
    const sleep = noSleep();
    const result = await scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 4n }, { sleep });
    expect(result).toEqual({ logs, requests: 3 });
    expect(sleep.mock.calls).toEqual([[500], [1_000]]);
  });

  it('rethrows a fatal error at once', async () => {
    const bug = new Error('cannot read properties of undefined');
    const provider = fakeProvider([], { fail: () => bug });
    const sleep = noSleep();
    await expect(scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 9n }, { sleep })).rejects.toBe(bug);
    expect(provider.calls).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });
});

describe('scanLogs abort', () => {
  it('rejects promptly with the abort reason while sleeping in a backoff', async () => {
    const controller = new AbortController();
    const reason = new Error('user left the page');
    const provider = fakeProvider([], { fail: () => rateLimited('90') });
    const sleep = vi.fn((_ms: number) => {
      setTimeout(() => controller.abort(reason), 0);
      return new Promise<void>(() => {});
    });
    const started = Date.now();
    await expect(
      scanLogs(provider.fetchPage, { fromBlock: 0n, toBlock: 9n }, { sleep, signal: controller.signal }),
    ).rejects.toBe(reason);
    expect(Date.now() - started).toBeLessThan(500);
    expect(sleep.mock.calls).toEqual([[90_000]]);
    expect(provider.calls).toHaveLength(1);
  });

  it('aborts the real timer too when no sleep is injected', async () => {
    const controller = new AbortController();
    const provider = fakeProvider([], {
      fail: () => {
        setTimeout(() => controller.abort(), 0);
        return rateLimited('60');
      },
    });
    const started = Date.now();
    const error = await scanLogs(
      provider.fetchPage,
      { fromBlock: 0n, toBlock: 9n },
      { signal: controller.signal },
    )
      .then(() => undefined)
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AbortError');
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('makes no request once aborted, and stops after the page in flight', async () => {
    const aborted = new AbortController();
    const early = new Error('closed before it started');
    aborted.abort(early);
    const idle = fakeProvider([]);
    await expect(
      scanLogs(idle.fetchPage, { fromBlock: 0n, toBlock: 9n }, { signal: aborted.signal }),
    ).rejects.toBe(early);
    expect(idle.calls).toHaveLength(0);

    const controller = new AbortController();
    const late = new Error('closed mid-scan');
    const provider = fakeProvider([]);
    const onPage = vi.fn();
    const fetchPage = async (range: BlockRange) => {
      const page = await provider.fetchPage(range);
      controller.abort(late);
      return page;
    };
    await expect(
      scanLogs(
        fetchPage,
        { fromBlock: 0n, toBlock: 99n },
        { initialSpan: 10n, signal: controller.signal, onPage },
      ),
    ).rejects.toBe(late);
    expect(provider.calls).toHaveLength(1);
    expect(onPage).not.toHaveBeenCalled();
  });
});

describe('scanLogs edges, progress and pages', () => {
  it('returns nothing without a request for an empty range', async () => {
    const provider = fakeProvider(scattered);
    expect(await scanLogs(provider.fetchPage, { fromBlock: 10n, toBlock: 9n })).toEqual({
      logs: [],
      requests: 0,
    });
    expect(provider.calls).toHaveLength(0);
  });

  it('goes through pages with no logs', async () => {
    const provider = fakeProvider(logsAt([250n]));
    const { logs, requests } = await scanLogs(
      provider.fetchPage,
      { fromBlock: 0n, toBlock: 399n },
      { initialSpan: 100n },
    );
    expect(logs).toEqual(logsAt([250n]));
    expect(requests).toBe(4);
  });

  it('reports progress and hands each page to onPage in order', async () => {
    const logs = logsAt([5n, 15n, 15n, 35n]);
    const provider = fakeProvider(logs);
    const progress: ScanProgress[] = [];
    const pages: Array<{ logs: FakeLog[]; range: BlockRange }> = [];
    await scanLogs(
      provider.fetchPage,
      { fromBlock: 0n, toBlock: 39n },
      {
        initialSpan: 10n,
        onProgress: (p) => progress.push(p),
        onPage: async (page, range) => {
          pages.push({ logs: page, range });
        },
      },
    );
    expect(progress.map((p) => [p.scannedTo, p.fraction, p.requests])).toEqual([
      [9n, 0.25, 1],
      [19n, 0.5, 2],
      [29n, 0.75, 3],
      [39n, 1, 4],
    ]);
    expect(progress.every((p) => p.fromBlock === 0n && p.toBlock === 39n)).toBe(true);
    expect(pages.map((p) => [p.range.fromBlock, p.logs.length])).toEqual([
      [0n, 1],
      [10n, 2],
      [20n, 0],
      [30n, 1],
    ]);
  });
});

describe('mergeLogs', () => {
  it('re-scanning a reorg-sized overlap keeps every log once, in order, with the new chain winning', async () => {
    const before = logsAt([10n, 500n, 940n, 960n, 999n, 1_000n]);
    const known = (await scanLogs(fakeProvider(before).fetchPage, { fromBlock: 0n, toBlock: 1_000n })).logs;

    // A reorg replaced block 960's log and dropped block 999's; new blocks brought more.
    const after: FakeLog[] = [
      ...logsAt([10n, 500n, 940n]),
      { blockNumber: 960n, logIndex: 0, data: 'reorged' },
      ...logsAt([1_000n, 1_200n, 1_200n, 1_500n]),
    ];
    const rescannedFrom = 1_000n - 64n;
    const fresh = (
      await scanLogs(fakeProvider(after).fetchPage, { fromBlock: rescannedFrom, toBlock: 1_500n })
    ).logs;

    expect(mergeLogs(known, fresh, rescannedFrom)).toEqual(after);
  });

  it('tolerates fresh logs overlapping the kept part and unsorted input', () => {
    const known = logsAt([1n, 2n, 3n]);
    const fresh = [...logsAt([4n, 2n])].reverse();
    expect(mergeLogs(known, fresh, 3n)).toEqual(logsAt([1n, 2n, 4n]));
  });
});

describe('classifyLogError', () => {
  it('reads retry-after in seconds or as an HTTP date, and 429 from JSON-RPC codes', () => {
    expect(classifyLogError(rateLimited('2'))).toEqual({ kind: 'rate-limited', retryAfterMs: 2_000 });
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    const dated = classifyLogError(rateLimited(inAMinute));
    expect(dated.kind).toBe('rate-limited');
    expect(dated.kind === 'rate-limited' && dated.retryAfterMs).toBeGreaterThan(55_000);
    expect(classifyLogError(rpcError(429, 'Too Many Requests'))).toEqual({ kind: 'rate-limited' });
    expect(classifyLogError(rpcError(-32007, '10/second request limit reached'))).toEqual({
      kind: 'rate-limited',
    });
  });

  it('tells an Infura rate limit from an Infura result-count refusal, both -32005', () => {
    expect(
      classifyLogError(new LimitExceededRpcError(rpcError(-32005, 'project ID request rate exceeded'))),
    ).toEqual({ kind: 'rate-limited' });
    expect(
      classifyLogError(new LimitExceededRpcError(rpcError(-32005, 'query returned more than 10000 results'))),
    ).toEqual({ kind: 'too-wide' });
  });

  it('lets range wording win over rate wording in the same message, but not over an HTTP 429', () => {
    const both =
      'block range exceeded: the free tier is limited to 1000 blocks, upgrade for higher rate limits';
    expect(classifyLogError(rpcError(-32000, both))).toEqual({ kind: 'too-wide' });
    const throttled = new HttpRequestError({
      url: URL,
      status: 429,
      headers: new Headers({ 'retry-after': '1' }),
      details: both,
    });
    expect(classifyLogError(throttled)).toEqual({ kind: 'rate-limited', retryAfterMs: 1_000 });
  });

  it('finds the suggested range in the wording or in Infura-style data', () => {
    expect(
      classifyLogError(
        rpcError(-32602, 'Based on your parameters, this block range should work: [0x1a2b, 0x1c3d]'),
      ),
    ).toEqual({ kind: 'too-wide', suggested: { fromBlock: 0x1a2bn, toBlock: 0x1c3dn } });
    const withData = new RpcRequestError({
      body: {},
      url: URL,
      error: {
        code: -32005,
        message: 'query returned more than 10000 results',
        data: { from: '0x10', to: '0x1f' },
      },
    });
    expect(classifyLogError(withData)).toEqual({
      kind: 'too-wide',
      suggested: { fromBlock: 16n, toBlock: 31n },
    });
    expect(classifyLogError(new ResponseBodyTooLargeError({ maxSize: 1_000, size: 5_000 }))).toEqual({
      kind: 'too-wide',
    });
  });

  it('sorts network, timeout, server and abort failures', () => {
    expect(classifyLogError(new TimeoutError({ body: {}, url: URL }))).toEqual({ kind: 'transient' });
    expect(classifyLogError(new HttpRequestError({ url: URL, status: 502 }))).toEqual({ kind: 'transient' });
    expect(classifyLogError(new TypeError('Failed to fetch'))).toEqual({ kind: 'transient' });
    expect(classifyLogError(new DOMException('The operation was aborted.', 'AbortError'))).toEqual({
      kind: 'fatal',
    });
    expect(classifyLogError(new HttpRequestError({ url: URL, status: 401 }))).toEqual({ kind: 'fatal' });
    expect(classifyLogError(rpcError(-32601, 'the method eth_getLogs does not exist'))).toEqual({
      kind: 'fatal',
    });
    expect(classifyLogError(new Error('boom'))).toEqual({ kind: 'fatal' });
  });
});
