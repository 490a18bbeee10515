/**
 * The chain side of the engine differential test: a fresh anvil, the real V2.1 stack with fees on, three pools
 * (OHM 9 decimals and gOHM 18 decimals; FRI ≤ UI and FRI > UI; one with a dynamic minting fee), a sender whose
 * block timestamps are chosen by the test, and the raw reads the engine's predictions are compared with.
 *
 * Block time is set explicitly before every transaction whose outcome depends on it (commits, claims, upkeeps):
 * anvil mines each transaction in its own block, and `anvil_setBlockTimestampInterval(1)` makes any other block
 * exactly one second after the previous one, so the whole run is reproducible from its seed.
 */
import {
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  decodeFunctionData,
  type EncodeFunctionDataParameters,
  encodeFunctionData,
  type Hex,
  parseEventLogs,
  type TransactionReceipt,
  TransactionReceiptNotFoundError,
  toFunctionSelector,
  toHex,
} from 'viem';
import type { Deployment } from '../../../contracts-abi/deployment.ts';
import {
  chainlinkOracleWrapperAbi,
  erc20Abi,
  keeperRewardsAbi,
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
} from '../../../contracts-abi/generated/index.ts';
import type { DevnetConfig } from '../../../devnet/config.ts';
import { type DevnetClients, devnetClients, write } from '../../../devnet/lib/clients.ts';
import { deployDevnet, percentToWad } from '../../../devnet/lib/deploy.ts';
import { freePort, type RunningNode, startNode } from '../../../devnet/lib/node.ts';
import { devnetChainDeployment } from '../../../src/chain/config/chainDeployments.ts';
import type { ChainDeployment } from '../../../src/chain/config/config.ts';
import { ReadBatch } from '../../../src/chain/pools/batch.ts';
import { commitTotalsOf, isEmptyTotals } from '../../../src/chain/pools/poolReadDecode.ts';
import { type PoolSnapshot, readPools } from '../../../src/chain/pools/poolReader.ts';
import { discoverPools, type PoolInfo } from '../../../src/chain/pools/poolRegistry.ts';
import { type Quad, quadFromHex } from '../../../src/engine/quad.ts';
import type { CommitTotals, IntervalCommits } from '../../../src/engine/types.ts';
import { fixedDevnetConfig, threeXPool } from '../../fixtures/devnetConfig.ts';

export const UPDATE_INTERVAL = 60;
/** The config's pools: FRI 10 s ≤ UI 60 s. */
export const FRONT_RUNNING_INTERVAL = 10;
/** The extra pool deployed through the factory: FRI 150 s > UI 60 s, so commits land two or three ids ahead. */
export const LONG_FRONT_RUNNING_INTERVAL = 150;

/**
 * Fees on everywhere: 2%/yr management fee (10% of it to the treasury as secondary address), mint and burn fees,
 * a dynamic minting fee on the OHM pool, and a keeper gas price with settlement/ETH feeds, so that keepers earn.
 */
export const DIFFERENTIAL_CONFIG: DevnetConfig = fixedDevnetConfig({
  annualFeePercent: '2',
  keeperGasPriceGwei: '2',
  devGrant: '0',
  collateralPrices: {
    OHM: { usdPrice: '22.40', perEth: '151.7857' },
    gOHM: { usdPrice: '6031.06', perEth: '0.5637' },
  },
  marketPrices: { 'BTC/USD': '96250', 'ETH/USD': '3400' },
  pools: [
    threeXPool('ETH/USD', 'OHM', { minting: '0.5', burning: '0.3', changeInterval: '0.05' }),
    threeXPool('BTC/USD', 'gOHM', { minting: '0.4', burning: '0.5', changeInterval: '0' }),
  ],
});

/** The third pool, deployed by the treasury through the factory with its own intervals. */
const EXTRA_POOL = {
  poolName: 'BTC/USD+OHM',
  market: 'BTC/USD',
  collateral: 'OHM',
  leverage: 2,
  mintingFeePercent: '1',
  burningFeePercent: '0.2',
  changeIntervalPercent: '0.1',
} as const;

export interface Harness {
  node: RunningNode;
  clients: DevnetClients;
  deployment: Deployment;
  chain: ChainDeployment;
  pools: PoolInfo[];
  /** Chain clock: the timestamp of the latest block. */
  clock: { latest: bigint };
  /** Last `updateIntervalId` seen per committer: saves `readPools` a call. */
  hints: Map<Address, bigint>;
  keeperGasPrice: bigint;
}

export async function startHarness(): Promise<Harness> {
  const node = await startNode({ port: await freePort() });
  try {
    const clients = devnetClients(node.rpcUrl);
    const deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config: DIFFERENTIAL_CONFIG });
    const feed = (pair: string) => {
      const found = deployment.feeds.find((f) => f.pair === pair);
      if (!found) throw new Error(`no feed ${pair}`);
      return found.wrapper;
    };
    const token = deployment.tokens.find((t) => t.symbol === EXTRA_POOL.collateral);
    if (!token) throw new Error('no OHM token');
    await write(clients, deployment.roles.treasury, {
      address: deployment.contracts.factory,
      abi: poolFactoryAbi,
      functionName: 'deployPool',
      args: [
        {
          poolName: EXTRA_POOL.poolName,
          frontRunningInterval: LONG_FRONT_RUNNING_INTERVAL,
          updateInterval: UPDATE_INTERVAL,
          leverageAmount: EXTRA_POOL.leverage,
          settlementToken: token.address,
          oracleWrapper: feed(EXTRA_POOL.market),
          settlementEthOracle: feed(`ETH/${EXTRA_POOL.collateral}`),
          feeController: deployment.roles.treasury,
          mintingFee: percentToWad(EXTRA_POOL.mintingFeePercent),
          changeInterval: percentToWad(EXTRA_POOL.changeIntervalPercent),
          burningFee: percentToWad(EXTRA_POOL.burningFeePercent),
        },
      ],
    });
    const chain = devnetChainDeployment(deployment);
    const { pools } = await discoverPools(clients.public, chain);
    if (pools.length !== 3) throw new Error(`expected 3 pools, found ${pools.length}`);
    await clients.test.setBlockTimestampInterval({ interval: 1 });
    const latest = (await clients.public.getBlock()).timestamp;
    const keeperGasPrice = await clients.public.readContract({
      address: deployment.contracts.keeper,
      abi: poolKeeperAbi,
      functionName: 'gasPrice',
    });
    return { node, clients, deployment, chain, pools, clock: { latest }, hints: new Map(), keeperGasPrice };
  } catch (error) {
    await node.stop();
    throw error;
  }
}

export class ChainRevertError extends Error {
  constructor(
    readonly label: string,
    readonly hash: Hex,
    readonly reason: string,
  ) {
    super(`${label} reverted on chain (tx ${hash}): ${reason}`);
    this.name = 'ChainRevertError';
  }
}

type WriteName<abi extends Abi> = ContractFunctionName<abi, 'nonpayable' | 'payable'>;
type WriteArgs<abi extends Abi, name extends WriteName<abi>> = ContractFunctionArgs<
  abi,
  'nonpayable' | 'payable',
  name
>;

/**
 * Sends a transaction from an unlocked dev account in a block stamped `at` (default: one second after the latest)
 * and returns its receipt. Unlike devnet/lib `write`, it gives an explicit gas limit instead of simulating and
 * estimating first: an estimate is made at the latest block's timestamp, not at the one chosen here, and a commit
 * whose interval id differs between the two (it crossed a front-running boundary) would then run out of gas.
 */
export async function send<const abi extends Abi, name extends WriteName<abi>>(
  h: Harness,
  from: Address,
  request: { address: Address; abi: abi; functionName: name; args: WriteArgs<abi, name> },
  { at, gas = 3_000_000n }: { at?: bigint; gas?: bigint } = {},
): Promise<TransactionReceipt> {
  const timestamp = at ?? h.clock.latest + 1n;
  if (timestamp <= h.clock.latest) throw new Error(`block time ${timestamp} is not after ${h.clock.latest}`);
  if (at !== undefined) await h.clients.test.setNextBlockTimestamp({ timestamp });
  const data = encodeFunctionData({
    abi: request.abi,
    functionName: request.functionName,
    args: request.args,
  } as EncodeFunctionDataParameters);
  const hash = await h.clients.wallet.request({
    method: 'eth_sendTransaction',
    params: [{ from, to: request.address, data, gas: toHex(gas) }],
  });
  h.clock.latest = timestamp;
  const receipt = await receiptOf(h, hash, String(request.functionName));
  if (receipt.status !== 'success') {
    let reason = 'unknown';
    try {
      await h.clients.public.call({ account: from, to: request.address, data, gas });
    } catch (error) {
      reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
    }
    throw new ChainRevertError(String(request.functionName), hash, reason);
  }
  return receipt;
}

/**
 * Polls for a receipt. (viem's waitForTransactionReceipt was seen to time out on a loaded machine although the
 * transaction sat in the latest block: it then waits for a later block, and the run sends nothing meanwhile.)
 */
async function receiptOf(h: Harness, hash: Hex, label: string): Promise<TransactionReceipt> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      return await h.clients.public.getTransactionReceipt({ hash });
    } catch (error) {
      if (!(error instanceof TransactionReceiptNotFoundError)) throw error;
      if (Date.now() > deadline) throw new Error(`${label}: no receipt for ${hash}`, { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}

interface CallFrame {
  to?: string;
  input?: string;
  calls?: CallFrame[];
}

const PAY_KEEPER_SELECTOR = toFunctionSelector(
  'payKeeper(address,address,uint256,uint256,uint256,uint256)',
).toLowerCase();

export interface KeeperCall {
  pool: Address;
  gasPrice: bigint;
  gasSpent: bigint;
  savedPreviousUpdatedTimestamp: bigint;
  updateInterval: bigint;
}

/**
 * The arguments PoolKeeper passed to `KeeperRewards.payKeeper`, from a call trace of the upkeep transaction.
 * `gasSpent` is `startGas − gasleft()` inside the keeper, a figure no receipt carries: it is an input of the
 * reward formula, like the price, and the reward the engine computes from it is compared with `KeeperPaid`.
 */
export async function keeperCalls(h: Harness, hash: Hex): Promise<KeeperCall[]> {
  const request = h.clients.public.request as unknown as (args: {
    method: string;
    params: unknown[];
  }) => Promise<CallFrame>;
  const root = await request({ method: 'debug_traceTransaction', params: [hash, { tracer: 'callTracer' }] });
  const rewards = h.deployment.contracts.keeperRewards.toLowerCase();
  const found: KeeperCall[] = [];
  const walk = (frame: CallFrame) => {
    const input = frame.input?.toLowerCase();
    if (frame.to?.toLowerCase() === rewards && input?.startsWith(PAY_KEEPER_SELECTOR)) {
      const { args } = decodeFunctionData({ abi: keeperRewardsAbi, data: input as Hex });
      const [, pool, gasPrice, gasSpent, saved, interval] = args as readonly [
        Address,
        Address,
        bigint,
        bigint,
        bigint,
        bigint,
      ];
      found.push({
        pool,
        gasPrice,
        gasSpent,
        savedPreviousUpdatedTimestamp: saved,
        updateInterval: interval,
      });
    }
    for (const child of frame.calls ?? []) walk(child);
  };
  walk(root);
  return found;
}

export function keeperEvents(receipt: TransactionReceipt) {
  return parseEventLogs({ abi: poolKeeperAbi, logs: receipt.logs });
}

export function committerEvents(receipt: TransactionReceipt) {
  return parseEventLogs({ abi: poolCommitterAbi, logs: receipt.logs, eventName: 'CreateCommit' });
}

export { COMMIT_TOTAL_KEYS } from '../../../src/chain/pools/poolReadDecode.ts';

/** A pool as the chain has it, read in two `eth_call`s: the app's reader, then every queued interval. */
export interface PoolRead {
  snapshot: PoolSnapshot;
  /** Balances of pool tokens held by the LeveragedPool itself: the escrow of every user. */
  escrowLongTokens: bigint;
  escrowShortTokens: bigint;
  /** Settlement tokens held by the LeveragedPool: both sides, accrued fees and every user's claimable settlement. */
  settlementHeld: bigint;
  /** Settlement per ETH, WAD: what the keeper reward is priced with. */
  settlementPerEthWad: bigint;
}

/**
 * Reads one pool into the engine's PoolState with `readPools`, then replaces its queued commits with the
 * intervals `updateIntervalId … lastCommittedId` read directly. (`readPools` reads a window of
 * ceil(FRI/UI) + 2 ids: enough while keepers are on time, but a keeper late by k intervals executes commits made
 * up to k ids ahead.)
 */
export async function readPool(h: Harness, pool: PoolInfo, lastCommittedId: bigint): Promise<PoolRead> {
  const { pools } = await readPools(h.clients.public, h.chain, [pool], { intervalHints: h.hints });
  const snapshot = pools[0]!;
  h.hints.set(pool.committer, snapshot.state.updateIntervalId);
  const batch = new ReadBatch();
  const first = snapshot.state.updateIntervalId;
  const ids: bigint[] = [];
  for (let id = first; id <= lastCommittedId; id++) ids.push(id);
  const slots = ids.map((id) =>
    batch.add({
      address: pool.committer,
      abi: poolCommitterAbi,
      functionName: 'totalPoolCommitments',
      args: [id],
    }),
  );
  // What the LeveragedPool itself holds of a token.
  const heldByPool = (token: Address) =>
    batch.add({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [pool.address] });
  const escrowLong = heldByPool(pool.longToken);
  const escrowShort = heldByPool(pool.shortToken);
  const settlementHeld = heldByPool(pool.collateral.address);
  const settlementEth = batch.add({
    address: pool.settlementEthOracle,
    abi: chainlinkOracleWrapperAbi,
    functionName: 'getPrice',
  });
  await batch.run(h.clients.public, { multicall3: h.chain.multicall3 });
  const commits: IntervalCommits[] = [];
  slots.forEach((slot, i) => {
    const totals = commitTotalsOf(slot.value);
    if (!isEmptyTotals(totals)) commits.push({ intervalId: ids[i]!, totals });
  });
  snapshot.state = { ...snapshot.state, commits };
  return {
    snapshot,
    escrowLongTokens: escrowLong.value,
    escrowShortTokens: escrowShort.value,
    settlementHeld: settlementHeld.value,
    settlementPerEthWad: settlementEth.value,
  };
}

/** What the committer holds for one user: the inputs of `updateAggregateBalance` and its own preview of it. */
export interface UserRead {
  user: Address;
  /** `userAggregateBalance[user]`, before any pending update. */
  stored: { longTokens: bigint; shortTokens: bigint; settlementTokens: bigint };
  /** `getAggregateBalance(user)`: the chain's own preview of the update. */
  preview: { longTokens: bigint; shortTokens: bigint; settlementTokens: bigint };
  /** `unAggregatedCommitments[user]`, in storage order. */
  intervalIds: bigint[];
  /** `userCommitments[user][id]` of each listed id whose entry is not cleared: what an update settles. */
  commitments: Map<bigint, CommitTotals>;
  /**
   * `userCommitments[user][id]` of the listed ids and of the `alsoRead` ids, cleared or not. An id can hold a
   * commitment without being listed: `commit` only appends its id when it is above the list's last one, and a
   * late upkeep (V2.1 re-anchors the interval grid at its own block time) can make a later commit's id lower.
   */
  storage: Map<bigint, CommitTotals>;
  longWallet: bigint;
  shortWallet: bigint;
  settlementWallet: bigint;
}

const LIST_PROBE = 8;

/**
 * Reads users' committer state in two `eth_call`s (three if someone has more than eight unaggregated ids).
 * `alsoRead` names more ids whose `userCommitments` to read, listed or not (see UserRead.storage).
 */
export async function readUsers(
  h: Harness,
  pool: PoolInfo,
  users: readonly Address[],
  alsoRead: (user: Address) => Iterable<bigint> = () => [],
): Promise<UserRead[]> {
  const committer = { address: pool.committer, abi: poolCommitterAbi } as const;
  const lists = users.map(() => [] as bigint[]);
  const first = new ReadBatch();
  const rows = users.map((user) => ({
    stored: first.add({ ...committer, functionName: 'userAggregateBalance', args: [user] }),
    preview: first.add({ ...committer, functionName: 'getAggregateBalance', args: [user] }),
    longWallet: first.add({
      address: pool.longToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [user],
    }),
    shortWallet: first.add({
      address: pool.shortToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [user],
    }),
    settlementWallet: first.add({
      address: pool.collateral.address,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [user],
    }),
  }));
  // The list has no length getter: probe indices, a revert marks its end.
  let pending = users.map((_, i) => i);
  let offset = 0;
  let batch = first;
  while (pending.length > 0) {
    const probes = pending.map((i) =>
      Array.from({ length: LIST_PROBE }, (_, k) =>
        batch.add({
          ...committer,
          functionName: 'unAggregatedCommitments',
          args: [users[i]!, BigInt(offset + k)],
        }),
      ),
    );
    await batch.run(h.clients.public, { multicall3: h.chain.multicall3 });
    const next: number[] = [];
    pending.forEach((i, p) => {
      const slots = probes[p]!;
      for (const slot of slots) if (slot.ok) lists[i]!.push(slot.value);
      if (slots.every((s) => s.ok)) next.push(i);
    });
    pending = next;
    offset += LIST_PROBE;
    batch = new ReadBatch();
  }
  const commitmentBatch = new ReadBatch();
  const idsOf = users.map((user, i) => [...new Set([...lists[i]!, ...alsoRead(user)])]);
  const commitmentSlots = users.map((user, i) =>
    idsOf[i]!.map((id) =>
      commitmentBatch.add({ ...committer, functionName: 'userCommitments', args: [user, id] }),
    ),
  );
  await commitmentBatch.run(h.clients.public, { multicall3: h.chain.multicall3 });
  return users.map((user, i) => {
    const row = rows[i]!;
    const commitments = new Map<bigint, CommitTotals>();
    const storage = new Map<bigint, CommitTotals>();
    const listed = new Set(lists[i]!);
    idsOf[i]!.forEach((id, k) => {
      const raw = commitmentSlots[i]![k]!.value;
      const totals = commitTotalsOf(raw.slice(0, 6));
      storage.set(id, totals);
      // A cleared entry reads back with interval id 0 (the engine's settle treats a missing id the same way).
      if (listed.has(id) && raw[6] !== 0n) commitments.set(id, totals);
    });
    const [sl, ss, st] = row.stored.value;
    return {
      user,
      stored: { longTokens: sl, shortTokens: ss, settlementTokens: st },
      preview: { ...row.preview.value },
      intervalIds: lists[i]!,
      commitments,
      storage,
      longWallet: row.longWallet.value,
      shortWallet: row.shortWallet.value,
      settlementWallet: row.settlementWallet.value,
    };
  });
}

/** `priceHistory` and `burnFeeHistory` of some executed intervals. */
export async function readHistory(
  h: Harness,
  pool: PoolInfo,
  ids: readonly bigint[],
): Promise<Map<bigint, { longPrice: Quad; shortPrice: Quad; burningFee: Quad }>> {
  const batch = new ReadBatch();
  const committer = { address: pool.committer, abi: poolCommitterAbi } as const;
  const slots = ids.map((id) => ({
    prices: batch.add({ ...committer, functionName: 'priceHistory', args: [id] }),
    burn: batch.add({ ...committer, functionName: 'burnFeeHistory', args: [id] }),
  }));
  await batch.run(h.clients.public, { multicall3: h.chain.multicall3 });
  const history = new Map<bigint, { longPrice: Quad; shortPrice: Quad; burningFee: Quad }>();
  ids.forEach((id, i) => {
    const [longPrice, shortPrice] = slots[i]!.prices.value;
    history.set(id, {
      longPrice: quadFromHex(longPrice),
      shortPrice: quadFromHex(shortPrice),
      burningFee: quadFromHex(slots[i]!.burn.value),
    });
  });
  return history;
}

/** The keeper's settlement-token balance (its rewards arrive there). */
export async function balanceOf(h: Harness, token: Address, owner: Address): Promise<bigint> {
  return h.clients.public.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [owner],
  });
}

export { leveragedPoolAbi, poolCommitterAbi, poolKeeperAbi };
