/**
 * A long, sparse history for the Arbitrum profile: trades and rebalances spread over more than 100,000 blocks,
 * made in seconds. Mining that many blocks one by one takes minutes per 10,000 (anvil_mine), so between eras
 * the chain jumps instead (devnet/lib/stateDump.ts); what happens in each era is in
 * devnet/lib/historyTrades.ts.
 *
 * The chain is started in the past (`--timestamp`), so that after the last jump its clock has caught up
 * with the wall clock and the final node can mine every 250 ms on real time without going backwards.
 */
import { parseUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { testChainlinkOracleAbi } from '../../contracts-abi/generated/index.ts';
import { type DevnetConfig, FEED_DECIMALS } from '../config.ts';
import { type DevnetClients, write } from './clients.ts';
import { claimAll, tradeInEra } from './historyTrades.ts';
import { upkeepDuePools } from './keeper.ts';
import type { RunningNode } from './node.ts';
import { HISTORY_SCRIPT } from './profile.ts';
import { jumpAhead, setChainClock } from './stateDump.ts';

/** How far behind the wall clock the chain's clock is left at the end, so it can never run ahead of it. */
const CLOCK_MARGIN_SECONDS = 2;

/** Seconds of chain time that `blocks` blocks span at the profile's block time. */
export function secondsFor(blocks: number, blockTimeSeconds: number): number {
  return Math.round(blocks * blockTimeSeconds);
}

async function rebalance(clients: DevnetClients, deployment: Deployment, config: DevnetConfig) {
  await clients.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
  await clients.test.mine({ blocks: 1 });
  await upkeepDuePools(clients, deployment);
}

/** Upkeeps until no pool is due: a keeper back after a quiet stretch needs several to catch up. */
async function catchUp(clients: DevnetClients, deployment: Deployment) {
  for (let i = 0; i < HISTORY_SCRIPT.maxCatchUpUpkeeps; i++)
    if ((await upkeepDuePools(clients, deployment)) === 0) return;
  throw new Error('long history: the pools never caught up with the clock');
}

async function movePrices(
  clients: DevnetClients,
  deployment: Deployment,
  config: DevnetConfig,
  factor: number,
) {
  for (const market of config.markets) {
    const feed = deployment.feeds.find((f) => f.pair === market.symbol);
    if (!feed) continue;
    const price = (Number(market.startPrice) * factor).toFixed(FEED_DECIMALS);
    await write(clients, deployment.roles.priceFeeder, {
      address: feed.feed,
      abi: testChainlinkOracleAbi,
      functionName: 'setPrice',
      args: [parseUnits(price, FEED_DECIMALS)],
    });
  }
}

export interface LongHistoryOptions {
  node: RunningNode;
  clients: DevnetClients;
  deployment: Deployment;
  config: DevnetConfig;
  eras: number;
  blocksPerEra: number;
  blockTimeSeconds: number;
  workDir: string;
  log?: (line: string) => void;
}

/** Seconds the history takes on the chain's clock: where to put the genesis block so it ends near now. */
export function historySeconds(
  config: DevnetConfig,
  eras: number,
  blocksPerEra: number,
  blockTimeSeconds: number,
): number {
  const rebalance = config.updateIntervalSeconds + 1;
  // The seed's rebalance, the jumps between eras, two rebalances an era, and room for the wall-clock time
  // the build itself takes (each automined block follows the wall clock).
  return (
    rebalance +
    (eras - 1) * secondsFor(blocksPerEra, blockTimeSeconds) +
    eras * 2 * rebalance +
    HISTORY_SCRIPT.buildSlackSeconds
  );
}

/**
 * Eras of activity over a long stretch of blocks. Returns the node to use afterwards (it was restarted at
 * each jump, on the same port). The holder is the first dev account, so "Dev account 1" has a portfolio
 * with a long history.
 */
export async function buildLongHistory(options: LongHistoryOptions): Promise<RunningNode> {
  const { clients, deployment, config, eras, blocksPerEra, blockTimeSeconds, workDir, log } = options;
  let node = options.node;
  const [holder, , other] = deployment.devAccounts.map((a) => a.address);
  if (!holder || !other) throw new Error('long history: needs three dev accounts');
  const trader = { clients, deployment };
  const moves = HISTORY_SCRIPT.priceMoves;
  for (let era = 0; era < eras; era++) {
    // The first era trades right after the seed; each later one after a quiet stretch of blocks.
    if (era > 0)
      node = await jumpAhead(node, {
        blocks: blocksPerEra,
        seconds: secondsFor(blocksPerEra, blockTimeSeconds),
        workDir,
      });
    await movePrices(clients, deployment, config, moves[era % moves.length] ?? 1);
    // The keeper catches up after the quiet stretch first: on a late keeper, V2.1 puts new commits as many
    // intervals ahead as the keeper is late.
    await catchUp(clients, deployment);
    await tradeInEra(trader, era, holder, other);
    await rebalance(clients, deployment, config);
    // The front-running window can hold a commit back one interval: a second rebalance executes it.
    await rebalance(clients, deployment, config);
    await claimAll(trader, [holder, other]);
    const head = await clients.public.getBlockNumber({ cacheTime: 0 });
    log?.(`history: era ${era + 1} of ${eras} done at block ${head}`);
  }
  // Catch the chain's clock up with the wall clock, in one quiet stretch, then rebalance once more.
  const head = await clients.public.getBlock();
  const now = Math.floor(Date.now() / 1000) - CLOCK_MARGIN_SECONDS;
  if (Number(head.timestamp) < now) {
    await setChainClock(node.rpcUrl, now);
    await clients.test.mine({ blocks: 1 });
  }
  await catchUp(clients, deployment);
  return node;
}
