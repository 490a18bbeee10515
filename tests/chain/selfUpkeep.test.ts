/**
 * Running a late pool's upkeep yourself (docs/protocol.md, "Pool health"), on the real contracts: a user
 * commits, the keeper misses an interval, the app's read says the pool is due and late, and the user sends
 * the app's own upkeep request. The upkeep executes the commit and pays the user the keeper reward the engine
 * predicts.
 *
 * The reward is a function of `gasSpent`, which PoolKeeper measures inside the call (`startGas − gasleft()`)
 * and no receipt carries (§2.4): the test takes it from a call trace, as the differential test does, and then
 * the engine's reward must equal what the pool paid to the wei. What the app can show before sending is the
 * same formula fed with the node's gas estimate; the test measures how far that lands from what was paid.
 */
import { decodeFunctionData, type Hex, parseEventLogs, parseUnits, toFunctionSelector } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import {
  erc20Abi,
  keeperRewardsAbi,
  poolCommitterAbi,
  poolKeeperAbi,
} from '../../contracts-abi/generated/index.ts';
import { devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, write } from '../../devnet/lib/clients.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import type { RunningNode } from '../../devnet/lib/node.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { type PoolSnapshot, readPools } from '../../src/chain/pools/poolReader.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { estimateUpkeepCost } from '../../src/chain/react/upkeepCost.ts';
import { approveRequest, commitRequest, upkeepRequest } from '../../src/chain/tx/poolWrites.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { keeperUpkeep } from '../../src/engine/upkeep.ts';
import { healthStatus, invariantView } from '../../src/features/pools/health.ts';
import { gasSpentFromEstimate, upkeepReward } from '../../src/features/pools/upkeepHealth.ts';
import { startSeededChain } from './seededChain.ts';

const config = devnetConfig();
const user = devAccount(ROLE_INDEX.firstUser + 3).address;
const PAY_KEEPER = toFunctionSelector('payKeeper(address,address,uint256,uint256,uint256,uint256)');

interface Frame {
  input?: string;
  calls?: Frame[];
}

/** `gasSpent` as PoolKeeper passed it to KeeperRewards.payKeeper, from a call trace of the upkeep. */
async function measuredGasSpent(clients: DevnetClients, hash: Hex): Promise<bigint> {
  const request = clients.public.request as unknown as (a: {
    method: string;
    params: unknown[];
  }) => Promise<Frame>;
  const root = await request({ method: 'debug_traceTransaction', params: [hash, { tracer: 'callTracer' }] });
  const found: bigint[] = [];
  const walk = (frame: Frame) => {
    if (frame.input?.toLowerCase().startsWith(PAY_KEEPER)) {
      const { args } = decodeFunctionData({ abi: keeperRewardsAbi, data: frame.input as Hex });
      found.push(args[3] as bigint);
    }
    for (const child of frame.calls ?? []) walk(child);
  };
  walk(root);
  if (found.length !== 1) throw new Error(`expected one payKeeper call, found ${found.length}`);
  return found[0]!;
}

describe('a late pool upkept by a user', () => {
  let node: RunningNode;
  let clients: DevnetClients;
  let deployment: Deployment;
  let chain: ChainDeployment;
  let pools: PoolInfo[];

  beforeAll(async () => {
    ({ node, clients, deployment, chain, pools } = await startSeededChain([user], config));
  });
  afterAll(() => node?.stop());

  const read = async (info: PoolInfo): Promise<{ pool: PoolSnapshot; blockTimestamp: bigint }> => {
    const snapshot = await readPools(clients.public, chain, [info], { user });
    return { pool: snapshot.pools[0]!, blockTimestamp: snapshot.blockTimestamp };
  };
  const balanceOf = (token: `0x${string}`) =>
    clients.public.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });

  it.each([
    { label: 'gOHM pool (3-BTC/USD, 18 decimals)', name: '3-BTC/USD+gOHM' },
    { label: 'OHM pool (3-ETH/USD, 9 decimals)', name: '3-ETH/USD+OHM' },
  ])('$label: executes the pending commit and pays the engine’s reward to the wei', async ({ name }) => {
    const info = pools.find((p) => p.name === name)!;
    // Start on time: the keeper catches up whatever an earlier case let lapse, and the commit joins the
    // interval the next upkeep executes (§3.2).
    if ((await read(info)).pool.health.upkeepRequired)
      await write(clients, deployment.roles.keeper, upkeepRequest(info));
    const amount = parseUnits('2', info.collateral.decimals);
    await write(clients, user, approveRequest(info, amount));
    await write(clients, user, commitRequest(info, CommitType.LongMint, amount, false));

    // The keeper misses an interval: a whole one passes after the upkeep became due.
    const { pool: fresh } = await read(info);
    const last = fresh.state.lastPriceTimestamp;
    await clients.test.setNextBlockTimestamp({
      timestamp: last + 2n * BigInt(info.updateIntervalSeconds) + 20n,
    });
    await clients.test.mine({ blocks: 1 });

    const { pool: before, blockTimestamp } = await read(info);
    expect(before.health.upkeepRequired).toBe(true);
    expect(healthStatus(before, Number(blockTimestamp), chain.priceFeedMaxAgeSeconds)).toEqual({
      kind: 'late',
      intervals: 1,
    });
    // The devnet's TestChainlinkOracle answers with the block's own time (docs/devnet.md).
    expect(before.health.feedUpdatedAt).toBe(blockTimestamp);
    expect(before.health.keeperGasPrice).toBe(parseUnits(config.keeperGasPriceGwei, 9));
    const perEth = config.collaterals.find((c) => c.symbol === info.collateral.symbol)!.perEth;
    expect(before.health.settlementEthPrice).toBe(parseUnits(perEth, 18));
    // The queued mint (net of its fee) is held for no side yet; the invariant check counts it and holds.
    expect(before.health.pendingMintSettlement).toBe(before.state.commits[0]!.totals.longMintSettlement);
    expect(invariantView(before).holds).toBe(true);

    // What the app shows before sending: the node's estimate, fed to the engine at the time it will mine.
    const cost = await estimateUpkeepCost(clients.public, info, user);
    const minedAt = blockTimestamp + 3n;
    const shown = upkeepReward(before, Number(minedAt), gasSpentFromEstimate(cost.gas));
    if (shown.kind !== 'reward') throw new Error(`no reward shown: ${shown.kind}`);

    await clients.test.setNextBlockTimestamp({ timestamp: minedAt });
    const walletBefore = await balanceOf(info.collateral.address);
    const receipt = await write(clients, user, upkeepRequest(info));
    const paidTo = parseEventLogs({ abi: poolKeeperAbi, logs: receipt.logs, eventName: 'KeeperPaid' });
    expect(paidTo).toHaveLength(1);
    expect(paidTo[0]!.args.keeper.toLowerCase()).toBe(user.toLowerCase());
    const received = (await balanceOf(info.collateral.address)) - walletBefore;

    // The engine, given the gas the keeper measured, predicts the whole upkeep: reward, payment, balances.
    const gasSpent = await measuredGasSpent(clients, receipt.transactionHash);
    const predicted = keeperUpkeep(before.state, before.oraclePrice, minedAt, {
      gasPriceWei: before.health.keeperGasPrice,
      gasSpent,
      settlementPerEthWad: before.health.settlementEthPrice!,
    });
    if (predicted.status !== 'upkept') throw new Error(`engine says ${predicted.status}`);
    expect(paidTo[0]!.args.reward).toBe(predicted.reward.reward);
    expect(received).toBe(predicted.reward.reward);
    expect(received).toBe(predicted.payment.longPart + predicted.payment.shortPart);

    const { pool: after } = await read(info);
    expect(after.state.longBalance).toBe(predicted.state.longBalance);
    expect(after.state.shortBalance).toBe(predicted.state.shortBalance);
    // The commit executed: nothing pending, the user's L tokens wait in escrow, and the pool is on time.
    expect(after.health.upkeepRequired).toBe(false);
    expect(after.health.pendingMintSettlement).toBe(0n);
    expect(after.state.updateIntervalId).toBeGreaterThan(before.state.updateIntervalId);
    const escrow = await clients.public.readContract({
      address: info.committer,
      abi: poolCommitterAbi,
      functionName: 'getAggregateBalance',
      args: [user],
    });
    expect(escrow.longTokens).toBeGreaterThan(0n);
    expect(healthStatus(after, Number(minedAt), chain.priceFeedMaxAgeSeconds)).toEqual({ kind: 'healthy' });

    // The figure shown before sending, from the estimate, and what was paid; and the gas of the upkeep.
    const gap = Number(shown.reward.reward - received) / Number(received);
    console.info(
      `${name}: gas used ${receipt.gasUsed}, estimated ${cost.gas}, keeper measured ${gasSpent}; ` +
        `reward shown ${shown.reward.reward}, paid ${received} (${(gap * 100).toFixed(2)}% over)`,
    );
    expect(shown.reward.tipPercent).toBe(predicted.reward.tipPercent);
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(gap).toBeLessThan(0.05);
  });
});
