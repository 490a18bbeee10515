/**
 * A long, sparse history for the Arbitrum profile: trades and rebalances spread over more than 100,000 blocks,
 * made in seconds. Mining that many blocks one by one takes minutes per 10,000 (anvil_mine), so the chain
 * jumps instead: its state (accounts, blocks, receipts) is dumped, the head block is carried forward by N
 * blocks in the dump, and the node is started again from it. Logs and receipts of the earlier blocks stay
 * queryable; old state is not (the restarted node keeps none), which is what a pruned public node offers too.
 *
 * The chain is started in the past (`--timestamp`), so that after the last jump its clock has caught up
 * with the wall clock and the final node can mine every 250 ms on real time without going backwards.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type Address, type Hex, parseUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import {
  erc20Abi,
  poolCommitterAbi,
  testChainlinkOracleAbi,
  testTokenAbi,
} from '../../contracts-abi/generated/index.ts';
import { CommitType, commitParamsToHex, encodeCommitParams } from '../../src/engine/commits.ts';
import type { DevnetConfig } from '../config.ts';
import { type DevnetClients, write } from './clients.ts';
import { FEED_DECIMALS } from './deploy.ts';
import { upkeepDuePools } from './keeper.ts';
import { type RunningNode, type StartNodeOptions, startNode } from './node.ts';

interface DumpedBlock {
  header: { number: Hex; timestamp: Hex; parentHash: Hex; gasUsed: Hex } & Record<string, unknown>;
  transactions: unknown[];
  ommers: unknown[];
  withdrawals: unknown;
}

interface DumpedState {
  block: { number: Hex; timestamp: Hex } & Record<string, unknown>;
  best_block_number: number;
  blocks: DumpedBlock[];
  historical_states: unknown;
  [key: string]: unknown;
}

/** Seconds of chain time that `blocks` blocks span at the profile's block time. */
export function secondsFor(blocks: number, blockTimeSeconds: number): number {
  return Math.round(blocks * blockTimeSeconds);
}

async function dumpState(rpcUrl: string): Promise<DumpedState> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'anvil_dumpState', params: [] }),
  });
  const body = (await res.json()) as { result?: Hex; error?: { message: string } };
  if (!body.result) throw new Error(`anvil_dumpState failed: ${body.error?.message ?? res.status}`);
  return JSON.parse(gunzipSync(Buffer.from(body.result.slice(2), 'hex')).toString('utf8')) as DumpedState;
}

/**
 * Adds one empty block `blocks` after the head, `seconds` later, as the new head: the blocks in between
 * simply never existed, as if nothing had happened in them.
 */
export function carryHeadForward(state: DumpedState, blocks: number, seconds: number): DumpedState {
  const head = state.blocks.reduce((a, b) => (BigInt(b.header.number) > BigInt(a.header.number) ? b : a));
  const number = BigInt(head.header.number) + BigInt(blocks);
  const timestamp = BigInt(head.header.timestamp) + BigInt(seconds);
  const hex = (n: bigint) => `0x${n.toString(16)}` as Hex;
  const jumped: DumpedBlock = {
    ...head,
    header: { ...head.header, number: hex(number), timestamp: hex(timestamp), gasUsed: '0x0' },
    transactions: [],
    ommers: [],
  };
  return {
    ...state,
    block: { ...state.block, number: hex(number), timestamp: hex(timestamp) },
    best_block_number: Number(number),
    blocks: [...state.blocks, jumped],
  };
}

async function restart(
  node: RunningNode,
  state: DumpedState,
  workDir: string,
  options: Omit<StartNodeOptions, 'port'>,
): Promise<RunningNode> {
  const file = join(workDir, `state-${state.best_block_number}.json`);
  writeFileSync(file, JSON.stringify(state));
  await node.stop();
  try {
    return await startNode({ ...options, port: node.port, loadStateFile: file });
  } finally {
    rmSync(file, { force: true });
  }
}

/** Jumps the chain `blocks` blocks and `seconds` ahead; the node answers on the same URL afterwards. */
export async function jumpAhead(
  node: RunningNode,
  { blocks, seconds, workDir }: { blocks: number; seconds: number; workDir: string },
): Promise<RunningNode> {
  const state = carryHeadForward(await dumpState(node.rpcUrl), blocks, seconds);
  const next = await restart(node, state, workDir, {});
  // A reloaded node runs on the wall clock, which is ahead of this chain built in the past: set its clock
  // to just after the head, so time moves on from there.
  await rpc(next.rpcUrl, 'evm_setTime', [Number(BigInt(state.block.timestamp) + 1n)]);
  return next;
}

/**
 * The node again, now mining every `blockTimeSeconds` on the wall clock, which has caught up with the chain.
 * It keeps no state of past blocks: four blocks a second with every state kept grows the node by gigabytes
 * within minutes. Nothing in the app reads state at a past block, and the proxy refuses what a pruned public
 * node would refuse before the node is asked.
 */
export async function startMining(
  node: RunningNode,
  { blockTimeSeconds, workDir }: { blockTimeSeconds: number; workDir: string },
): Promise<RunningNode> {
  return restart(node, await dumpState(node.rpcUrl), workDir, { blockTimeSeconds, pruneHistory: true });
}

async function rpc(rpcUrl: string, method: string, params: unknown[]): Promise<unknown> {
  const res = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }),
  });
  const body = (await res.json()) as { result?: unknown; error?: { message: string } };
  if (body.error) throw new Error(`${method}: ${body.error.message}`);
  return body.result;
}

/** Price moves of each era, as factors of the markets' start prices. */
const ERA_MOVES = [1.04, 0.97, 1.06, 1.01, 1.03];

interface Trader {
  clients: DevnetClients;
  deployment: Deployment;
}

function poolNamed(deployment: Deployment, name: string) {
  const pool = deployment.pools.find((p) => p.name === name);
  if (!pool) throw new Error(`long history: no pool ${name}`);
  return pool;
}

async function mint(
  { clients, deployment }: Trader,
  user: Address,
  poolName: string,
  side: 'long' | 'short',
  amount: string,
) {
  const pool = poolNamed(deployment, poolName);
  const token = deployment.tokens.find((t) => t.address === pool.settlementToken);
  const raw = parseUnits(amount, token?.decimals ?? 18);
  await write(clients, user, {
    address: pool.settlementToken,
    abi: testTokenAbi,
    functionName: 'approve',
    args: [pool.address, raw],
  });
  const type = side === 'long' ? CommitType.LongMint : CommitType.ShortMint;
  await commit({ clients, deployment }, user, poolName, type, raw);
}

async function commit(
  { clients, deployment }: Trader,
  user: Address,
  poolName: string,
  type: CommitType,
  raw: bigint,
) {
  await write(clients, user, {
    address: poolNamed(deployment, poolName).committer,
    abi: poolCommitterAbi,
    functionName: 'commit',
    args: [commitParamsToHex(encodeCommitParams(raw, type, false, false))],
  });
}

async function claimAll({ clients, deployment }: Trader, users: Address[]) {
  for (const user of users)
    for (const pool of deployment.pools)
      await write(clients, user, {
        address: pool.committer,
        abi: poolCommitterAbi,
        functionName: 'claim',
        args: [user],
      });
}

async function rebalance(clients: DevnetClients, deployment: Deployment, config: DevnetConfig) {
  await clients.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
  await clients.test.mine({ blocks: 1 });
  await upkeepDuePools(clients, deployment);
}

/** Upkeeps until no pool is due: a keeper back after a quiet stretch needs several to catch up. */
async function catchUp(clients: DevnetClients, deployment: Deployment) {
  for (let i = 0; i < 500; i++) if ((await upkeepDuePools(clients, deployment)) === 0) return;
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

const heldBy = ({ clients }: Trader, user: Address, token: Address) =>
  clients.public.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });

/** What the two traders do in era `era`: mints, a burn, a flip and a transfer over the eras. */
async function tradeInEra(trader: Trader, era: number, holder: Address, other: Address) {
  const { clients, deployment } = trader;
  const btc3 = '3-BTC/USD+gOHM';
  const eth3 = '3-ETH/USD+OHM';
  if (era === 0) {
    await mint(trader, holder, btc3, 'long', '2');
    await mint(trader, holder, eth3, 'short', '400');
    await mint(trader, other, btc3, 'short', '1.5');
  } else if (era === 1) {
    const long = await heldBy(trader, holder, poolNamed(deployment, btc3).longToken);
    await commit(trader, holder, btc3, CommitType.LongBurn, long / 2n);
    await mint(trader, other, eth3, 'long', '250');
  } else if (era === 2) {
    const short = await heldBy(trader, holder, poolNamed(deployment, eth3).shortToken);
    // Half the S tokens go to the other account: a transfer the portfolio must account for.
    await write(clients, holder, {
      address: poolNamed(deployment, eth3).shortToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [other, short / 2n],
    });
    await commit(trader, holder, eth3, CommitType.ShortBurnLongMint, short / 4n);
  } else {
    await mint(trader, holder, btc3, 'long', '1');
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
  return rebalance + (eras - 1) * secondsFor(blocksPerEra, blockTimeSeconds) + eras * 2 * rebalance + 600;
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
  for (let era = 0; era < eras; era++) {
    // The first era trades right after the seed; each later one after a quiet stretch of blocks.
    if (era > 0)
      node = await jumpAhead(node, {
        blocks: blocksPerEra,
        seconds: secondsFor(blocksPerEra, blockTimeSeconds),
        workDir,
      });
    await movePrices(clients, deployment, config, ERA_MOVES[era % ERA_MOVES.length] ?? 1);
    // The keeper catches up after the quiet stretch first: on a late keeper, V2.1 puts new commits as many
    // intervals ahead as the keeper is late.
    await catchUp(clients, deployment);
    await tradeInEra(trader, era % 4, holder, other);
    await rebalance(clients, deployment, config);
    // The front-running window can hold a commit back one interval: a second rebalance executes it.
    await rebalance(clients, deployment, config);
    await claimAll(trader, [holder, other]);
    const head = await clients.public.getBlockNumber();
    log?.(`history: era ${era + 1} of ${eras} done at block ${head}`);
  }
  // Catch the chain's clock up with the wall clock, in one quiet stretch, then rebalance once more.
  const head = await clients.public.getBlock();
  const now = Math.floor(Date.now() / 1000) - 2;
  if (Number(head.timestamp) < now) {
    await rpc(node.rpcUrl, 'evm_setTime', [now]);
    await clients.test.mine({ blocks: 1 });
  }
  await catchUp(clients, deployment);
  return node;
}
