/**
 * The profit split against the chain, for one holder after the Arbitrum profile's scripted history (mints, a
 * burn, flips, transfers to another account, escrow claims, keepers back late after quiet stretches), read as
 * the Portfolio reads it: events and upkeep steps from the indexer, prices from the chain.
 *
 * Per position the parts add up to the profit to the wei; the tokens the split holds are the tokens the
 * chain says the holder has (wallet, escrow, and burns still queued); and the collateral the split says went in
 * and came out of the pools is the collateral the token's own `Transfer` logs moved between the holder and the
 * pools, plus what waits in escrow, to the wei.
 */

import { type Address, createPublicClient, erc20Abi, http, parseEventLogs } from 'viem';
import { expect } from 'vitest';
import { leveragedPoolAbi, poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import type { HistorySource } from '../../src/chain/history/historySource.ts';
import {
  LEDGER_MAX_LIMIT,
  type LedgerEntry,
  type LedgerPoolFigures,
  type LedgerQuery,
  ledgerOf,
  ledgerPage,
  splitHistory,
} from '../../src/chain/history/ledger.ts';
import { NO_FILTER } from '../../src/chain/history/ledgerFilter.ts';
import { type LedgerSource, servesLedger } from '../../src/chain/history/ledgerSource.ts';
import { readUserHistory } from '../../src/chain/history/userHistory.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { type PositionSplit, sumParts } from '../../src/engine/profit/split.ts';
import type { AppSources } from './appSources.ts';

const BURNS: Record<'long' | 'short', CommitType[]> = {
  long: [CommitType.LongBurn, CommitType.LongBurnShortMint],
  short: [CommitType.ShortBurn, CommitType.ShortBurnLongMint],
};

export interface LedgerCheck {
  positions: number;
  /** Parts of every position checked, for the test's log. */
  parts: { pool: string; side: string; split: PositionSplit }[];
  /** Ledger rows the indexer served and the browser's computation matched. */
  rows: number;
}

export async function checkLedgerSplit(
  sources: AppSources,
  nodeUrl: string,
  holder: Address,
  indexer: { waitForBlock(block: bigint): Promise<void> },
): Promise<LedgerCheck> {
  // The node itself for the checks: the proxy's caps and faults are the sources' business, not the referee's.
  // It keeps no past state, so the chain is read now, and the history up to now: the holder does nothing
  // meanwhile, and the blocks the node mines every 250 ms are empty.
  const node = createPublicClient({ transport: http(nodeUrl) });
  const toBlock = await node.getBlockNumber({ cacheTime: 0 });
  await indexer.waitForBlock(toBlock);
  const pools = await sources.pools();
  const histories = await readUserHistory(sources.viaIndexer, sources.read, sources.chain, pools, holder, {
    toBlock,
  });
  const checked: LedgerCheck['parts'] = [];
  for (const h of histories) {
    if (!h.events.some((e) => e.kind === 'commit')) continue;
    expect(h.steps, `${h.pool.name}: upkeep steps from the indexer`).toBeDefined();
    const [pct, escrow, longWallet, shortWallet] = await Promise.all([
      node.readContract({
        address: h.pool.address,
        abi: leveragedPoolAbi,
        functionName: 'secondaryFeeSplitPercent',
      }),
      node.readContract({
        address: h.pool.committer,
        abi: poolCommitterAbi,
        functionName: 'getAggregateBalance',
        args: [holder],
      }),
      node.readContract({
        address: h.pool.longToken,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [holder],
      }),
      node.readContract({
        address: h.pool.shortToken,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [holder],
      }),
    ]);
    expect(h.secondaryFeePercent, `${h.pool.name}: the fee split read with the history`).toBe(pct);
    const split = splitHistory(h, h.steps!.steps);
    const queuedBurns = (side: 'long' | 'short') =>
      h.events.reduce(
        (sum, e) =>
          e.kind === 'commit' && e.intervalId >= h.updateIntervalId && BURNS[side].includes(e.commitType)
            ? sum + e.amount
            : sum,
        0n,
      );
    const held = {
      long: longWallet + escrow.longTokens + queuedBurns('long'),
      short: shortWallet + escrow.shortTokens + queuedBurns('short'),
    };
    let net = 0n;
    for (const side of ['long', 'short'] as const) {
      const p = split[side];
      expect(sumParts(p.parts), `${h.pool.name} ${side}: parts against the profit`).toBe(p.total);
      expect(p.tokens, `${h.pool.name} ${side}: tokens against the chain`).toBe(held[side]);
      net += p.proceeds - p.sent.value - (p.cost - p.received.value) - p.pendingMint;
      checked.push({ pool: h.pool.name, side, split: p });
    }
    const token = h.pool.collateral.address;
    const range = { fromBlock: h.events[0]!.blockNumber, toBlock };
    const [inLogs, outLogs] = await Promise.all([
      node.getLogs({
        address: token,
        event: transferEvent,
        args: { from: h.pool.address, to: holder },
        ...range,
      }),
      node.getLogs({
        address: token,
        event: transferEvent,
        args: { from: holder, to: h.pool.address },
        ...range,
      }),
    ]);
    const moved = (logs: typeof inLogs) =>
      parseEventLogs({ abi: erc20Abi, logs, eventName: 'Transfer' }).reduce(
        (sum, l) => sum + l.args.value,
        0n,
      );
    expect(net, `${h.pool.name}: collateral in and out against the token's logs and the escrow`).toBe(
      moved(inLogs) - moved(outLogs) + escrow.settlementTokens,
    );
  }
  const served = await ledgerAsServed(sources, pools, holder, toBlock);
  // The indexer's ledger route runs the same code on its own records and reads: the same figures and rows.
  const local = ledgerOf(histories);
  expect(served.figures).toEqual(Object.fromEntries(local.pools));
  expect(served.rows).toEqual(local.entries);
  // Filtered, sorted and cut by the indexer as the browser cuts its own rows.
  const source = sources.viaIndexer as HistorySource & LedgerSource;
  const busiest = histories.reduce((a, b) => (b.events.length > a.events.length ? b : a)).pool.address;
  for (const query of [
    { filter: { ...NO_FILTER, side: 'short' }, order: 'newest', offset: 0, limit: 5 },
    { filter: { ...NO_FILTER, type: 'mint' }, order: 'oldest', offset: 2, limit: 3 },
    { filter: { ...NO_FILTER, pool: busiest }, order: 'newest', offset: 1, limit: 2 },
    { filter: { ...NO_FILTER, type: 'transfer_out' }, order: 'newest', offset: 0, limit: 50 },
  ] satisfies LedgerQuery[]) {
    const answer = await source.ledger(pools, holder, query, { toBlock });
    expect(answer?.page, JSON.stringify(query)).toEqual(ledgerPage(local.entries, query));
    expect(answer!.page.rows.length, JSON.stringify(query)).toBeGreaterThan(0);
  }
  return { positions: checked.length, parts: checked, rows: served.rows.length };
}

/** Every figure and row the indexer's ledger route serves, oldest first, read a page at a time. */
async function ledgerAsServed(sources: AppSources, pools: PoolInfo[], holder: Address, toBlock: bigint) {
  const source = sources.viaIndexer;
  if (!servesLedger(source)) throw new Error('the indexer source serves no ledger');
  const rows: LedgerEntry[] = [];
  let figures: Record<string, LedgerPoolFigures> = {};
  for (;;) {
    const query = {
      filter: NO_FILTER,
      order: 'oldest',
      offset: rows.length,
      limit: LEDGER_MAX_LIMIT,
    } as const;
    const answer = await source.ledger(pools, holder, query, { toBlock });
    expect(answer, 'the indexer serves the ledger').toBeDefined();
    figures = answer!.pools;
    rows.push(...answer!.page.rows);
    if (rows.length >= answer!.page.total) return { figures, rows };
  }
}

const transferEvent = erc20Abi.find((item) => item.type === 'event' && item.name === 'Transfer')!;
