/**
 * The log pager over the Arbitrum profile's whole claimed history (docs/devnet.md): from Arbitrum One's
 * factory block to block 400,000,000, behind a fake provider with the provider-like proxy's 10,000-block cap
 * and wording and a share of 429s. The scan must end, read every block exactly once in order, report
 * progress that only moves forward, and wait out 429s with the provider's retry-after instead of hammering.
 */
import { HttpRequestError, RpcRequestError } from 'viem';
import { describe, expect, it } from 'vitest';
import { type BlockRange, type ScanProgress, scanLogs } from '../../src/chain/history/logPager.ts';

const FACTORY_BLOCK = 13_387_522n;
const HEAD = 400_120_000n;
const CAP = 10_000n;
const URL = 'https://rpc.example';

function fakeProvider() {
  // A fixed pseudo-random sequence, so the 429s fall in the same places on every run.
  let seed = 1;
  const random = () => {
    seed = (seed * 16_807) % 2_147_483_647;
    return seed / 2_147_483_647;
  };
  const pages: BlockRange[] = [];
  const counts = { requests: 0, rangeRefusals: 0, rateLimited: 0 };
  const fetchPage = async (range: BlockRange): Promise<never[]> => {
    counts.requests++;
    if (random() < 0.03) {
      counts.rateLimited++;
      const headers = new Headers({ 'retry-after': '1' });
      throw new HttpRequestError({ url: URL, status: 429, headers, body: { method: 'eth_getLogs' } });
    }
    if (range.toBlock - range.fromBlock + 1n > CAP) {
      counts.rangeRefusals++;
      const error = { code: -32600, message: 'eth_getLogs is limited to a 10,000 range' };
      throw new RpcRequestError({ body: { method: 'eth_getLogs' }, url: URL, error });
    }
    pages.push(range);
    return [];
  };
  return { fetchPage, pages, counts };
}

describe('a scan from the factory block on the Arbitrum profile', () => {
  it.each([
    ['a first scan', {}],
    ['a scan with a learned span', { initialSpan: CAP, maxSpan: 100_000n }],
  ])('%s reads each page once, in order, with progress that only moves forward', async (_, spans) => {
    const provider = fakeProvider();
    const progress: ScanProgress[] = [];
    const sleeps: number[] = [];
    const range = { fromBlock: FACTORY_BLOCK, toBlock: HEAD };
    const { requests } = await scanLogs(provider.fetchPage, range, {
      ...spans,
      sleep: async (ms) => {
        sleeps.push(ms);
      },
      onProgress: (p) => progress.push(p),
    });

    // Every block read once: the pages tile the range with no gap and no overlap.
    let next = FACTORY_BLOCK;
    const misplaced = provider.pages.filter((page) => {
      const wrong = page.fromBlock !== next;
      next = page.toBlock + 1n;
      return wrong;
    });
    expect(misplaced).toEqual([]);
    expect(next).toBe(HEAD + 1n);
    const fullPages = Number((HEAD - FACTORY_BLOCK + CAP) / CAP);
    // The cap is found by a short search and then kept: within a few dozen pages of the fewest possible.
    expect(provider.pages.length).toBeGreaterThanOrEqual(fullPages);
    expect(provider.pages.length).toBeLessThan(fullPages + 50);
    // Beyond the pages, only the 429s and one probe past the cap every 16 pages (for result-count caps).
    expect(provider.counts.rangeRefusals).toBeLessThan(fullPages / 15);
    expect(requests).toBe(provider.counts.requests);
    expect(requests).toBe(
      provider.pages.length + provider.counts.rangeRefusals + provider.counts.rateLimited,
    );
    // Each 429 waited out with its retry-after, and nothing else waited.
    expect(sleeps).toHaveLength(provider.counts.rateLimited);
    expect(sleeps.every((ms) => ms === 1000)).toBe(true);

    expect(progress).toHaveLength(provider.pages.length);
    const backwards = progress.filter((p, i) => i > 0 && p.scannedTo <= progress[i - 1]!.scannedTo);
    expect(backwards).toEqual([]);
    expect(progress.at(-1)).toMatchObject({ scannedTo: HEAD, fraction: 1 });
  });
});
