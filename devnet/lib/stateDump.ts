/**
 * Moving a chain without mining it (docs/devnet.md, "A long history in seconds"): the node's state
 * (accounts, blocks, receipts) is dumped, the head block is carried forward by N blocks in the dump, and the
 * node is started again from it on the same port. Logs and receipts of the earlier blocks stay queryable; old
 * state is not (the restarted node keeps none), which is what a pruned public node offers too.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Hex } from 'viem';
import { devnetClients } from './clients.ts';
import { type RunningNode, type StartNodeOptions, startNode } from './node.ts';

interface DumpedBlock {
  header: { number: Hex; timestamp: Hex; parentHash: Hex; gasUsed: Hex } & Record<string, unknown>;
  transactions: unknown[];
  ommers: unknown[];
  withdrawals: unknown;
}

export interface DumpedState {
  block: { number: Hex; timestamp: Hex } & Record<string, unknown>;
  best_block_number: number;
  blocks: DumpedBlock[];
  historical_states: unknown;
  [key: string]: unknown;
}

/** The node's whole state, as anvil dumps it (gzipped JSON) and as `--load-state` reads it back. */
async function dumpState(rpcUrl: string): Promise<DumpedState> {
  const dump = await devnetClients(rpcUrl).test.dumpState();
  return JSON.parse(gunzipSync(Buffer.from(dump.slice(2), 'hex')).toString('utf8')) as DumpedState;
}

/**
 * Sets the node's clock: later blocks follow the wall clock from `unixSeconds` on. viem has no action for
 * anvil's `evm_setTime` (its setNextBlockTimestamp moves one block, and the blocks after it go back to the
 * wall clock), so the method is asked for by name.
 */
export async function setChainClock(rpcUrl: string, unixSeconds: number): Promise<void> {
  await devnetClients(rpcUrl).test.request<{ Parameters: [number]; ReturnType: unknown }>({
    method: 'evm_setTime',
    params: [unixSeconds],
  });
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
  await setChainClock(next.rpcUrl, Number(BigInt(state.block.timestamp) + 1n));
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
