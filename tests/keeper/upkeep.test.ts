/**
 * The keeper's upkeep pass on the real contracts, built as `npm run keeper` builds it: it keeps to the Olympus
 * pools (a pool someone else deploys over the same feeds is left alone), upkeeps late pools so that their
 * pending commits execute, predicts its reward with the engine close to what PoolKeeper pays, and skips an
 * upkeep whose reward does not cover the gas unless told `--always` (docs/keeper.md).
 */
import { type Address, parseEventLogs, parseGwei } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  poolCommitterAbi,
  poolFactoryAbi,
  testChainlinkOracleAbi,
} from '../../contracts-abi/generated/index.ts';
import { artifact } from '../../devnet/lib/artifacts.ts';
import { deploy, write } from '../../devnet/lib/clients.ts';
import { percentToWad } from '../../devnet/lib/deploy.ts';
import { CommitType } from '../../src/engine/commits.ts';
import {
  cliLikeKeeper,
  commitMint,
  lastPriceTimestamps,
  passIntervals,
  setKeeperGasPrice,
  startSeededChain,
  type TestChain,
  tokenBalance,
  user,
} from './helpers.ts';

let chain: TestChain;
let keeperAddress: Address;

beforeAll(async () => {
  chain = await startSeededChain();
  keeperAddress = chain.deployment.roles.keeper;
  // Arbitrum-like rewards against anvil's 1 gwei: each upkeep pays about ten times its gas (§2.4).
  await setKeeperGasPrice(chain, '10');
});
afterAll(() => chain?.node.stop());

/** A pool over the Olympus feeds, deployed by someone who is not the treasury. */
async function deployRoguePool(): Promise<Address> {
  const { clients, deployment, config } = chain;
  const rogue = user(3);
  const wrapperArt = artifact('ChainlinkOracleWrapper');
  const feedOf = (pair: string) => deployment.feeds.find((f) => f.pair === pair)!.feed;
  const wrapper = (feed: Address) =>
    deploy(clients, rogue, wrapperArt.abi, wrapperArt.bytecode, [feed, rogue]);
  const receipt = await write(clients, rogue, {
    address: deployment.contracts.factory,
    abi: poolFactoryAbi,
    functionName: 'deployPool',
    args: [
      {
        poolName: 'ETH/USD+OHM',
        frontRunningInterval: config.frontRunningIntervalSeconds,
        updateInterval: config.updateIntervalSeconds,
        leverageAmount: 3,
        settlementToken: deployment.tokens.find((t) => t.symbol === 'OHM')!.address,
        oracleWrapper: await wrapper(feedOf('ETH/USD')),
        settlementEthOracle: await wrapper(feedOf('ETH/OHM')),
        feeController: rogue,
        mintingFee: percentToWad('0.5'),
        changeInterval: 0n,
        burningFee: percentToWad('0.3'),
      },
    ],
  });
  const [event] = parseEventLogs({ abi: poolFactoryAbi, logs: receipt.logs, eventName: 'DeployPool' });
  return event!.args.pool;
}

describe('the upkeep pass', () => {
  it('keeps to the Olympus pools, reading the list again when the factory gets a new pool', async () => {
    const { keeper, events } = await cliLikeKeeper(chain, [chain.node.rpcUrl]);
    await keeper.tick();
    expect(keeper.pools.map((p) => p.address)).toEqual(chain.deployment.pools.map((p) => p.address));
    const rogue = await deployRoguePool();
    await passIntervals(chain);
    const outcome = await keeper.tick();
    expect(outcome.errors).toBe(0);
    // The rogue pool is due too, but is neither kept nor upkept.
    expect(keeper.pools.map((p) => p.address)).not.toContain(rogue);
    expect(outcome.upkeep?.upkept).toEqual(chain.deployment.pools.map((p) => p.address));
    const refusal = events.find((e) => e.action === 'skip' && e.about === 'discovery');
    expect(refusal?.pools?.[0]?.pool).toBe(rogue);
    expect(refusal?.reason).toMatch(/deployed by/);
  });

  it('upkeeps late pools so that a pending commit executes, and is paid about what it predicted', async () => {
    const { keeper, events } = await cliLikeKeeper(chain, [chain.node.rpcUrl]);
    const index = 2;
    const pool = chain.deployment.pools[index]!;
    const alice = user(0);
    await commitMint(chain, alice, index, CommitType.LongMint, '100');
    const escrow = () =>
      chain.clients.public.readContract({
        address: pool.committer,
        abi: poolCommitterAbi,
        functionName: 'getAggregateBalance',
        args: [alice],
      });
    const before = await lastPriceTimestamps(chain);
    const rewardBefore = await tokenBalance(chain, pool.settlementToken, keeperAddress);
    // Three intervals late: the commit waits, since nothing executes without an upkeep.
    await passIntervals(chain, 3);
    expect((await escrow()).longTokens).toBe(0n);

    const outcome = await keeper.tick();
    expect(outcome.errors).toBe(0);
    expect(outcome.upkeep?.upkept).toContain(pool.address);
    expect((await escrow()).longTokens).toBeGreaterThan(0n);
    const after = await lastPriceTimestamps(chain);
    for (const [i, t] of after.entries()) expect(t).toBeGreaterThan(before[i]!);
    // The rewards reached the keeper's wallet, as KeeperPaid said (both OHM pools pay in OHM).
    const paid = outcome.upkeep!.paid;
    expect(paid.get(pool.address)).toBeGreaterThan(0n);
    const inOhm = chain.deployment.pools.filter((p) => p.settlementToken === pool.settlementToken);
    const paidInOhm = inOhm.reduce((sum, p) => sum + paid.get(p.address)!, 0n);
    expect((await tokenBalance(chain, pool.settlementToken, keeperAddress)) - rewardBefore).toBe(paidInOhm);
    // The engine's prediction errs low if anything: the tip is taken at the block it asked at (the upkeep lands
    // later), and in one transaction for several pools each is paid the fixed overhead. 15% below to 5% above.
    const line = events.find((e) => e.action === 'upkeep')!;
    expect(line.profitable).toBe(true);
    for (const entry of line.pools!) {
      expect(entry.reward! * 100n).toBeGreaterThanOrEqual(entry.paid! * 85n);
      expect(entry.reward! * 100n).toBeLessThanOrEqual(entry.paid! * 105n);
    }
  });

  it('skips an upkeep whose reward does not cover the gas, and does it anyway with --always', async () => {
    // Gas costs 1000 gwei on the chain while PoolKeeper pays as if it cost 10.
    await chain.clients.test.setNextBlockBaseFeePerGas({ baseFeePerGas: parseGwei('1000') });
    await passIntervals(chain);
    const before = await lastPriceTimestamps(chain);
    const careful = await cliLikeKeeper(chain, [chain.node.rpcUrl]);
    const skipped = await careful.keeper.tick();
    expect(skipped.errors).toBe(0);
    expect(skipped.upkeep?.due).toHaveLength(4);
    expect(skipped.upkeep?.skipped).toHaveLength(4);
    expect(skipped.upkeep?.tx).toBeUndefined();
    expect(await lastPriceTimestamps(chain)).toEqual(before);
    const skip = careful.events.find((e) => e.action === 'skip' && e.about === 'upkeep')!;
    expect(skip.costWei!).toBeGreaterThan(skip.rewardWei!);

    const forced = await cliLikeKeeper(chain, [chain.node.rpcUrl], { always: true });
    const done = await forced.keeper.tick();
    expect(done.upkeep?.upkept).toHaveLength(4);
    const after = await lastPriceTimestamps(chain);
    for (const [i, t] of after.entries()) expect(t).toBeGreaterThan(before[i]!);
    expect(forced.events.find((e) => e.action === 'upkeep')?.profitable).toBe(false);
    // Back to anvil's usual 1 gwei for what follows.
    await chain.clients.test.setNextBlockBaseFeePerGas({ baseFeePerGas: parseGwei('1') });
    await chain.clients.test.mine({ blocks: 1 });
  });

  it('skips when PoolKeeper prices gas far below the chain, as a governance change could make it', async () => {
    await setKeeperGasPrice(chain, '0.001');
    await passIntervals(chain);
    const before = await lastPriceTimestamps(chain);
    const { keeper } = await cliLikeKeeper(chain, [chain.node.rpcUrl]);
    const outcome = await keeper.tick();
    expect(outcome.upkeep?.skipped).toHaveLength(4);
    expect(await lastPriceTimestamps(chain)).toEqual(before);
    await setKeeperGasPrice(chain, '10');
    const upkept = await keeper.tick();
    expect(upkept.upkeep?.upkept).toHaveLength(4);
  });

  it('upkeeps the other pools when one pool would revert the whole call, and names the failing ones', async () => {
    const { clients, deployment } = chain;
    // A negative settlement/ETH price makes PoolKeeper's reward revert (§2.4): both OHM pools read ETH/OHM.
    const ethOhm = deployment.feeds.find((f) => f.pair === 'ETH/OHM')!.feed;
    const setPrice = (price: bigint) =>
      write(clients, deployment.roles.priceFeeder, {
        address: ethOhm,
        abi: testChainlinkOracleAbi,
        functionName: 'setPrice',
        args: [price],
      });
    await setPrice(-1n);
    await passIntervals(chain);
    const { keeper, events } = await cliLikeKeeper(chain, [chain.node.rpcUrl], { always: true });
    const outcome = await keeper.tick();
    const gOhmPools = deployment.pools.filter((p) => p.collateral === 'gOHM').map((p) => p.address);
    const ohmPools = deployment.pools.filter((p) => p.collateral === 'OHM').map((p) => p.address);
    expect(outcome.upkeep?.upkept).toEqual(gOhmPools);
    const failing = events.filter((e) => e.action === 'error' && e.about === 'upkeep');
    expect(failing.map((e) => e.pools?.[0]?.pool)).toEqual(ohmPools);

    await setPrice(15_178_570_000n);
    const next = await keeper.tick();
    expect(next.upkeep?.upkept).toEqual(ohmPools);
  });
});
