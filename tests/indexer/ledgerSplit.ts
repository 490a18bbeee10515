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
import { readUserHistory } from '../../src/chain/history/userHistory.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { type PositionSplit, sumParts } from '../../src/engine/profit/split.ts';
import { splitHistory } from '../../src/features/portfolio/profitView.ts';
import type { AppSources } from './appSources.ts';

const BURNS: Record<'long' | 'short', CommitType[]> = {
  long: [CommitType.LongBurn, CommitType.LongBurnShortMint],
  short: [CommitType.ShortBurn, CommitType.ShortBurnLongMint],
};

export interface LedgerCheck {
  positions: number;
  /** Parts of every position checked, for the test's log. */
  parts: { pool: string; side: string; split: PositionSplit }[];
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
    const split = splitHistory(h, h.steps!.steps, pct);
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
  return { positions: checked.length, parts: checked };
}

const transferEvent = erc20Abi.find((item) => item.type === 'event' && item.name === 'Transfer')!;
