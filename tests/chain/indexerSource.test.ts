/**
 * The indexer source on its own: a scripted indexer (a fetch stand-in answering in the indexer's JSON) and a
 * recording stand-in for the log scan. What is checked: an answer is used only when it names this chain, the
 * blocks past the indexer's head (and only those) go to the log scan, pages are followed, and an indexer that
 * is down, on another chain or not serving a pool hands the whole request to the log scan.
 */
import { type Address, getAddress, type Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { historyToJson } from '../../src/chain/history/historyJson.ts';
import type {
  HistoryProvenance,
  HistoryRequest,
  HistorySource,
  PoolEvents,
  UpkeepStep,
  UserEvent,
} from '../../src/chain/history/historySource.ts';
import type { IndexerChain } from '../../src/chain/history/indexerApi.ts';
import { createIndexerSource } from '../../src/chain/history/indexerSource.ts';
import { type LedgerQuery, parseLedgerQuery } from '../../src/chain/history/ledger.ts';
import { NO_FILTER } from '../../src/chain/history/ledgerFilter.ts';
import { provenanceText } from '../../src/chain/history/provenanceText.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { historyPool } from '../fixtures/pools.ts';

const HASH = `0x${'ab'.repeat(32)}` as Hex;
const deployment = { chainId: 31337, historyFromBlock: 100n, identityBlock: 100n } as ChainDeployment;
const pool: PoolInfo = historyPool();
const other: PoolInfo = { ...pool, address: '0x00000000000000000000000000000000000000b2' };
const USER = '0x00000000000000000000000000000000000000c1' as Address;

const chainAt = (head: bigint, hash = HASH, chainId = 31337): IndexerChain => ({
  chainId,
  identity: { block: 100n, hash },
  head: { block: head, timestamp: 1_800_000_000 },
});
/** A distinct transaction per block, so that a hash that does not travel with its event shows. */
const txAt = (block: bigint): Hex => `0x${block.toString(16).padStart(64, '0')}`;
const upkeep = (block: bigint) => ({
  blockNumber: block,
  logIndex: 0,
  transactionHash: txAt(block),
  startPrice: 1n,
  endPrice: 2n,
  intervalId: 1n,
});
const mint = (block: bigint): UserEvent => ({
  kind: 'commit',
  blockNumber: block,
  logIndex: 1,
  transactionHash: txAt(block),
  commitType: 2,
  amount: 5n,
  intervalId: 3n,
  fromEscrow: false,
  mintingFeeWad: 0n,
});

/** A log scan that records what it was asked and answers one event at the first block asked for. */
function recordingFallback() {
  const calls: { kind: 'pool' | 'user'; pools: string[]; fromBlock: bigint | undefined }[] = [];
  const source: HistorySource = {
    async poolEvents(p, request): Promise<PoolEvents> {
      calls.push({ kind: 'pool', pools: [p.address], fromBlock: request.fromBlock });
      const at = request.fromBlock ?? 100n;
      return { upkeeps: [upkeep(at)], balances: [], fromBlock: at };
    },
    async userEvents(pools, _user, request) {
      calls.push({ kind: 'user', pools: pools.map((p) => p.address), fromBlock: request.fromBlock });
      return new Map(pools.map((p) => [p.address.toLowerCase(), [mint(request.fromBlock ?? 100n)]]));
    },
  };
  return { source, calls };
}

function scriptedIndexer(answer: (url: URL) => unknown | Promise<unknown>) {
  const asked: URL[] = [];
  const fetcher = (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    asked.push(url);
    const body = await answer(url);
    if (body instanceof Response) return body;
    return new Response(historyToJson(body), { status: 200 });
  }) as typeof fetch;
  return { fetcher, asked };
}

function sourceWith(fetcher: typeof fetch, fallback: HistorySource, now = () => 0) {
  return createIndexerSource({
    url: 'http://indexer.test/',
    deployment,
    fallback,
    chainIdentity: async () => HASH,
    fetcher,
    now,
  });
}

function request(toBlock: bigint): HistoryRequest & { sources: HistoryProvenance[] } {
  const sources: HistoryProvenance[] = [];
  return { toBlock, sources, onSource: (s) => sources.push(s) };
}

/** An indexer at head `head` serving the pool from block 120 through `through`, with one upkeep at 200. */
const servingPool = (head: bigint, through: bigint) =>
  scriptedIndexer(() => ({
    chain: chainAt(head),
    served: true,
    deployBlock: 120n,
    through,
    upkeeps: [upkeep(200n)],
    balances: [],
  }));

describe('indexer source', () => {
  it('serves a pool from the indexer alone when it has reached the block asked for', async () => {
    const fallback = recordingFallback();
    const indexer = servingPool(500n, 400n);
    const req = request(400n);
    const events = await sourceWith(indexer.fetcher, fallback.source).poolEvents(pool, req);
    expect(events.upkeeps.map((u) => u.blockNumber)).toEqual([200n]);
    expect(events.fromBlock).toBe(120n);
    expect(fallback.calls).toEqual([]);
    expect(indexer.asked).toHaveLength(1);
    expect(indexer.asked[0]?.pathname).toBe(`/history/pool/${pool.address.toLowerCase()}`);
    expect(indexer.asked[0]?.searchParams.get('toBlock')).toBe('400');
    expect(req.sources).toEqual([{ kind: 'indexer', indexedTo: 500n, indexedAt: 1_800_000_000 }]);
  });

  it("reads only the blocks past the indexer's head from the chain", async () => {
    const fallback = recordingFallback();
    const indexer = servingPool(350n, 350n);
    const req = request(400n);
    const events = await sourceWith(indexer.fetcher, fallback.source).poolEvents(pool, req);
    expect(fallback.calls).toEqual([{ kind: 'pool', pools: [pool.address], fromBlock: 351n }]);
    expect(events.upkeeps.map((u) => u.blockNumber)).toEqual([200n, 351n]);
    expect(req.sources[0]).toMatchObject({ kind: 'indexer', chainFrom: 351n });
    expect(provenanceText(req.sources[0]!, 1_800_000_012)).toBe(
      "From the history indexer, indexed to block 350 (12 s ago); blocks since 351 read from the chain's own logs.",
    );
  });

  it('follows pages until the block asked for', async () => {
    const fallback = recordingFallback();
    const indexer = scriptedIndexer((url) => {
      const from = url.searchParams.get('fromBlock');
      return {
        chain: chainAt(900n),
        served: true,
        deployBlock: 120n,
        through: from === null ? 300n : 400n,
        upkeeps: [upkeep(from === null ? 250n : 390n)],
        balances: [],
      };
    });
    const events = await sourceWith(indexer.fetcher, fallback.source).poolEvents(pool, request(400n));
    expect(indexer.asked.map((u) => u.searchParams.get('fromBlock'))).toEqual([null, '301']);
    expect(events.upkeeps.map((u) => u.blockNumber)).toEqual([250n, 390n]);
    expect(fallback.calls).toEqual([]);
  });

  it.each([
    ['another chain id', () => ({ chain: chainAt(500n, HASH, 1), served: true }), 'other-chain'],
    [
      'another chain instance (a restarted devnet)',
      () => ({ chain: chainAt(500n, `0x${'cd'.repeat(32)}`) }),
      'other-chain',
    ],
    [
      'a pool it does not serve',
      () => ({ chain: chainAt(500n), served: false, why: 'not-olympus' }),
      'not-served',
    ],
    [
      'an indexer still starting',
      () => new Response('{"error":"not started"}', { status: 503 }),
      'not-ready',
    ],
    ['an indexer that errs', () => new Response('oops', { status: 500 }), 'unreachable'],
    [
      'an indexer that is down',
      () => {
        throw new TypeError('fetch failed');
      },
      'unreachable',
    ],
  ] as const)('hands the whole pool history to the chain on %s', async (_what, answer, why) => {
    const fallback = recordingFallback();
    const indexer = scriptedIndexer(answer);
    const req = request(400n);
    const events = await sourceWith(indexer.fetcher, fallback.source).poolEvents(pool, req);
    expect(fallback.calls).toEqual([{ kind: 'pool', pools: [pool.address], fromBlock: undefined }]);
    expect(events.upkeeps.map((u) => u.blockNumber)).toEqual([100n]);
    expect(req.sources).toEqual([{ kind: 'chain', why }]);
  });

  it('leaves an indexer that failed alone for a while, then asks it again', async () => {
    const fallback = recordingFallback();
    let clock = 0;
    const indexer = scriptedIndexer(() => {
      throw new TypeError('fetch failed');
    });
    const source = sourceWith(indexer.fetcher, fallback.source, () => clock);
    await source.poolEvents(pool, request(400n));
    clock = 10_000;
    await source.poolEvents(pool, request(400n));
    expect(indexer.asked).toHaveLength(1);
    clock = 25_000;
    await source.poolEvents(pool, request(400n));
    expect(indexer.asked).toHaveLength(2);
    expect(fallback.calls).toHaveLength(3);
  });

  it("serves a user's events from the indexer, the chain filling its tail and the pools it does not serve", async () => {
    const fallback = recordingFallback();
    const indexer = scriptedIndexer(() => ({
      chain: chainAt(350n),
      served: [pool.address.toLowerCase()],
      deployBlock: 120n,
      through: 350n,
      events: { [pool.address.toLowerCase()]: [mint(300n)] },
    }));
    const req = request(400n);
    const events = await sourceWith(indexer.fetcher, fallback.source).userEvents([pool, other], USER, req);
    expect(indexer.asked[0]?.searchParams.get('pools')).toBe(
      [pool.address, other.address].map((a) => a.toLowerCase()).join(','),
    );
    expect(fallback.calls).toContainEqual({ kind: 'user', pools: [other.address], fromBlock: undefined });
    expect(fallback.calls).toContainEqual({ kind: 'user', pools: [pool.address], fromBlock: 351n });
    expect(events.get(pool.address.toLowerCase())?.map((e) => e.blockNumber)).toEqual([300n, 351n]);
    // The indexer's event arrives whole through its JSON, transaction hash included (the ledger links and
    // exports it).
    expect(events.get(pool.address.toLowerCase())?.[0]).toEqual(mint(300n));
    expect(events.get(other.address.toLowerCase())?.map((e) => e.blockNumber)).toEqual([100n]);
  });
  describe('upkeep steps', () => {
    const step = (block: bigint): UpkeepStep => ({
      blockNumber: block,
      logIndex: 2,
      transactionHash: txAt(block),
      timestamp: 1_800_000_000,
      firstInterval: 7n,
      lastInterval: 8n,
      prices: { long: `0x${'3f'.repeat(16)}`, short: `0x${'40'.repeat(16)}` },
      before: { long: 42_000_000_000n, short: 30_000_000_000n },
      fee: { long: 11n, short: 9n },
      // Signed: the losing side's transfer is negative, and must come back negative.
      change: { long: -1_234n, short: 1_234n },
      keeperReward: 5n,
    });
    const bare = (block: bigint): UpkeepStep => ({
      blockNumber: block,
      logIndex: 0,
      transactionHash: txAt(block),
      fee: { long: 0n, short: 0n },
      change: { long: 0n, short: 0n },
      keeperReward: 0n,
    });

    it('decodes the indexer’s answer in one request, with only the pools it serves', async () => {
      const fallback = recordingFallback();
      const key = pool.address.toLowerCase();
      const indexer = scriptedIndexer(() => ({
        chain: chainAt(350n),
        through: 350n,
        served: [key],
        steps: { [key]: [step(200n), bare(300n)] },
      }));
      const answer = await sourceWith(indexer.fetcher, fallback.source).upkeepSteps?.(
        [pool, other],
        USER,
        request(400n),
      );
      expect(indexer.asked).toHaveLength(1);
      expect(indexer.asked[0]?.pathname).toBe(`/history/steps/${USER.toLowerCase()}`);
      expect(indexer.asked[0]?.searchParams.get('toBlock')).toBe('400');
      expect(indexer.asked[0]?.searchParams.get('pools')).toBe(
        [pool.address, other.address].map((a) => a.toLowerCase()).join(','),
      );
      expect(answer?.through).toBe(350n);
      expect([...(answer?.steps.keys() ?? [])]).toEqual([key]);
      expect(answer?.steps.get(key)).toEqual([step(200n), bare(300n)]);
      expect(fallback.calls).toEqual([]);
    });

    it('takes the steps the user read brings, page by page, when asked beside it: no request of their own', async () => {
      const fallback = recordingFallback();
      const key = pool.address.toLowerCase();
      const indexer = scriptedIndexer((url) => {
        const first = url.searchParams.get('fromBlock') === null;
        return {
          chain: chainAt(400n),
          served: [key],
          deployBlock: 100n,
          through: first ? 250n : 400n,
          events: { [key]: [mint(first ? 200n : 300n)] },
          steps: { [key]: [first ? step(200n) : bare(300n)] },
        };
      });
      const source = sourceWith(indexer.fetcher, fallback.source);
      const [events, steps] = await Promise.all([
        source.userEvents([pool], USER, request(400n)),
        source.upkeepSteps?.([pool], USER, request(400n)),
      ]);
      expect(indexer.asked.map((u) => u.pathname)).toEqual([
        `/history/user/${USER.toLowerCase()}`,
        `/history/user/${USER.toLowerCase()}`,
      ]);
      expect(events.get(key)?.map((e) => e.blockNumber)).toEqual([200n, 300n]);
      expect(steps?.through).toBe(400n);
      expect(steps?.steps.get(key)).toEqual([step(200n), bare(300n)]);
      // Asked again once that read is over, the indexer is asked itself.
      await source.upkeepSteps?.([pool], USER, request(400n));
      expect(indexer.asked.at(-1)?.pathname).toBe(`/history/steps/${USER.toLowerCase()}`);
    });

    it.each([
      ['another chain id', () => ({ chain: chainAt(500n, HASH, 1), through: 400n, served: [], steps: {} })],
      [
        'another chain instance (a restarted devnet)',
        () => ({ chain: chainAt(500n, `0x${'cd'.repeat(32)}`), through: 400n, served: [], steps: {} }),
      ],
      ['an indexer still starting', () => new Response('{"error":"not started"}', { status: 503 })],
      [
        'an indexer that is down',
        () => {
          throw new TypeError('fetch failed');
        },
      ],
    ] as const)('answers undefined for %s, and asks the log scan nothing', async (_what, answer) => {
      const fallback = recordingFallback();
      const indexer = scriptedIndexer(answer);
      const source = sourceWith(indexer.fetcher, fallback.source);
      expect(source.upkeepSteps).toBeDefined();
      expect(await source.upkeepSteps?.([pool], USER, request(400n))).toBeUndefined();
      expect(fallback.calls).toEqual([]);
    });
  });

  describe('the ledger', () => {
    const QUERY: LedgerQuery = { filter: NO_FILTER, order: 'newest', offset: 50, limit: 50 };
    const page = { rows: [], total: 0, offset: 50 };
    const ledgerAt = (head: bigint, through: bigint, served: Address[] = [pool.address]) =>
      scriptedIndexer(() => ({ chain: chainAt(head), through, served, pools: {}, page }));

    it('asks for the page in one request, with the query on the wire, and says where it came from', async () => {
      const fallback = recordingFallback();
      const indexer = ledgerAt(500n, 400n);
      const req = request(400n);
      const filtered = { ...QUERY, filter: { pool: pool.address, side: 'short', type: 'flip' } } as const;
      const answer = await sourceWith(indexer.fetcher, fallback.source).ledger([pool], USER, filtered, req);
      expect(answer?.page).toEqual(page);
      expect(fallback.calls).toEqual([]);
      const url = indexer.asked[0]!;
      expect(url.pathname).toBe(`/history/ledger/${USER.toLowerCase()}`);
      expect(Object.fromEntries(url.searchParams)).toEqual({
        toBlock: '400',
        pools: pool.address.toLowerCase(),
        order: 'newest',
        offset: '50',
        limit: '50',
        pool: pool.address.toLowerCase(),
        side: 'short',
        type: 'flip',
      });
      expect(parseLedgerQuery((name) => url.searchParams.get(name) ?? undefined)).toEqual({
        ...filtered,
        filter: { ...filtered.filter, pool: getAddress(pool.address) },
      });
      expect(req.sources).toEqual([{ kind: 'indexer', indexedTo: 500n, indexedAt: 1_800_000_000 }]);
    });

    it("stands behind the indexer's head only when the chain's logs past it hold nothing of the user's", async () => {
      const quiet: HistorySource = {
        poolEvents: () => Promise.reject(new Error('not asked')),
        userEvents: async (pools) => new Map(pools.map((p) => [p.address.toLowerCase(), []])),
      };
      expect(
        await sourceWith(ledgerAt(300n, 300n).fetcher, quiet).ledger([pool], USER, QUERY, request(400n)),
      ).toBeDefined();
      // The log scan stand-in finds a mint at the first block past the head: the ledger is read whole instead.
      const busy = recordingFallback();
      const answer = await sourceWith(ledgerAt(300n, 300n).fetcher, busy.source).ledger(
        [pool],
        USER,
        QUERY,
        request(400n),
      );
      expect(answer).toBeUndefined();
      expect(busy.calls).toEqual([{ kind: 'user', pools: [pool.address], fromBlock: 301n }]);
    });

    it('answers undefined when a pool asked is not served, or the indexer refuses', async () => {
      const fallback = recordingFallback();
      const partial = ledgerAt(500n, 400n, [pool.address]);
      expect(
        await sourceWith(partial.fetcher, fallback.source).ledger([pool, other], USER, QUERY, request(400n)),
      ).toBeUndefined();
      const down = scriptedIndexer(() => new Response('{"error":"not started"}', { status: 503 }));
      expect(
        await sourceWith(down.fetcher, fallback.source).ledger([pool], USER, QUERY, request(400n)),
      ).toBeUndefined();
      expect(fallback.calls).toEqual([]);
    });
  });
});
