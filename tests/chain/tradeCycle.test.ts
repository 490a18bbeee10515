/**
 * The money path on the real contracts, for an OHM pool and a gOHM pool: mint → upkeep → claim → burn →
 * upkeep → claim, and a flip. Before each commit the engine's preview (the figures the trade form shows) is
 * taken from the chain state of that moment and the price the upkeep will see; after the upkeep, the escrow the
 * chain computed must equal the preview to the wei. Fees are on: management, mint, burn, and keeper rewards.
 */
import { type Address, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { erc20Abi, poolCommitterAbi, testChainlinkOracleAbi } from '../../contracts-abi/generated/index.ts';
import { type DevnetConfig, devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, write } from '../../devnet/lib/clients.ts';
import { devAccount, FEED_DECIMALS, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { upkeepDuePools } from '../../devnet/lib/keeper.ts';
import type { RunningNode } from '../../devnet/lib/node.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { memoryCache } from '../../src/chain/history/historyCache.ts';
import { createLogScanSource } from '../../src/chain/history/logScanSource.ts';
import { readUserHistory } from '../../src/chain/history/userHistory.ts';
import { claimWouldFail, type PoolSnapshot, readPools } from '../../src/chain/pools/poolReader.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { readPendingSettlement } from '../../src/chain/pools/userSettlement.ts';
import { approveRequest, claimRequest, commitRequest } from '../../src/chain/tx/poolWrites.ts';
import { type CommitPreview, previewCommit } from '../../src/engine/commitPreview.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { costBasis } from '../../src/engine/profit/costBasis.ts';
import { startSeededChain } from './seededChain.ts';

let node: RunningNode;
let clients: DevnetClients;
let deployment: Deployment;
let chain: ChainDeployment;
let pools: PoolInfo[];
const config: DevnetConfig = devnetConfig();
const user = devAccount(ROLE_INDEX.firstUser + 2).address;

async function snapshotOf(pool: PoolInfo): Promise<PoolSnapshot> {
  const snapshot = await readPools(clients.public, chain, [pool], { user });
  return snapshot.pools[0]!;
}

async function chainNow(): Promise<bigint> {
  // The next block's timestamp: anvil mines it at the wall clock (plus the seeding's warp) or one second on.
  const block = await clients.public.getBlock();
  return block.timestamp + 1n;
}

async function setPrice(pool: PoolInfo, price: bigint) {
  const feed = deployment.feeds.find(
    (f) => f.wrapper.toLowerCase() === pool.oracleWrapper.toLowerCase(),
  )!.feed;
  await write(clients, deployment.roles.priceFeeder, {
    address: feed,
    abi: testChainlinkOracleAbi,
    functionName: 'setPrice',
    args: [price / 10n ** (18n - BigInt(FEED_DECIMALS))],
  });
}

/** Commits, then moves the price, waits out the interval and upkeeps; returns the preview made before committing. */
async function commitAndExecute(
  pool: PoolInfo,
  commitType: CommitType,
  amount: bigint,
  fromEscrow: boolean,
  movePercent: bigint,
) {
  const before = await snapshotOf(pool);
  const newPrice = (before.oraclePrice * (100n + movePercent)) / 100n;
  // The price must be one the feed can hold (8 decimals), as the wrapper scales it back to WAD.
  const feedPrice = (newPrice / 10n ** 10n) * 10n ** 10n;
  const now = await chainNow();
  const settlement = await readPendingSettlement(clients.public, chain, pool, user);
  const preview = previewCommit(before.state, {
    commitType,
    amount,
    now,
    price: feedPrice,
    pendingFeeCredit: { long: settlement.longFeeCredit, short: settlement.shortFeeCredit },
  });
  if (commitType === CommitType.LongMint || commitType === CommitType.ShortMint) {
    if (!fromEscrow) await write(clients, user, approveRequest(pool, amount));
  }
  await write(clients, user, commitRequest(pool, commitType, amount, fromEscrow));
  await setPrice(pool, feedPrice);
  // Warp to the interval the preview expects, then let the keeper run every due upkeep.
  for (let guard = 0; guard < 4; guard++) {
    const state = (await snapshotOf(pool)).state;
    if (state.updateIntervalId > preview.intervalId) break;
    await clients.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
    await clients.test.mine({ blocks: 1 });
    await upkeepDuePools(clients, deployment);
  }
  return preview;
}

async function escrowOf(pool: PoolInfo) {
  return clients.public.readContract({
    address: pool.committer,
    abi: poolCommitterAbi,
    functionName: 'getAggregateBalance',
    args: [user],
  });
}

async function walletOf(token: Address) {
  return clients.public.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [user],
  });
}

beforeAll(async () => {
  ({ node, clients, deployment, chain, pools } = await startSeededChain([user], config));
});
afterAll(() => node?.stop());

function expectEscrowMatches(
  preview: CommitPreview,
  escrow: { longTokens: bigint; shortTokens: bigint; settlementTokens: bigint },
  side: 'long' | 'short' | 'settlement',
) {
  if (side === 'settlement') expect(escrow.settlementTokens).toBe(preview.settlementOut);
  else expect(side === 'long' ? escrow.longTokens : escrow.shortTokens).toBe(preview.tokensOut);
}

describe.each([
  { label: 'gOHM pool (3-BTC/USD, 18 decimals)', index: 0 },
  { label: 'OHM pool (3-ETH/USD, 9 decimals)', index: 2 },
])('trade cycle on the $label', ({ index }) => {
  it('mint → upkeep → claim → burn → upkeep → claim: the chain pays what the preview said', async () => {
    const pool = pools[index]!;
    const d = pool.collateral.decimals;

    const mint = await commitAndExecute(pool, CommitType.LongMint, parseUnits('3.75', d), false, 4n);
    expect(mint.mintFeeAtCommit).toBeGreaterThan(0n);
    expectEscrowMatches(mint, await escrowOf(pool), 'long');
    // The pool holds what it owes in escrow, so the claim can pay.
    const held = await snapshotOf(pool);
    expect(held.escrowHeld.longTokens).toBeGreaterThanOrEqual(mint.tokensOut);
    expect(claimWouldFail(held)).toBe(false);
    await write(clients, user, claimRequest(pool, user));
    expect(await walletOf(pool.longToken)).toBe(mint.tokensOut);

    const burnAmount = mint.tokensOut / 2n;
    const burn = await commitAndExecute(pool, CommitType.LongBurn, burnAmount, false, -3n);
    expect(burn.burnFee).toBeGreaterThan(0n);
    expectEscrowMatches(burn, await escrowOf(pool), 'settlement');
    const walletBefore = await walletOf(pool.collateral.address);
    await write(clients, user, claimRequest(pool, user));
    expect((await walletOf(pool.collateral.address)) - walletBefore).toBe(burn.settlementOut);
  });

  it('flips long to short: burn fee, then mint fee, and the short tokens the preview promised', async () => {
    const pool = pools[index]!;
    const longTokens = await walletOf(pool.longToken);
    expect(longTokens).toBeGreaterThan(0n);
    const flip = await commitAndExecute(pool, CommitType.LongBurnShortMint, longTokens, false, 2n);
    expect(flip.burnFee).toBeGreaterThan(0n);
    expect(flip.flipMintFee).toBeGreaterThan(0n);
    expectEscrowMatches(flip, await escrowOf(pool), 'short');
    await write(clients, user, claimRequest(pool, user));
    expect(await walletOf(pool.shortToken)).toBe(flip.tokensOut);
    expect(await walletOf(pool.longToken)).toBe(0n);
  });

  it('mints from escrow without a transfer, paid from the settlement the burn left there', async () => {
    const pool = pools[index]!;
    const d = pool.collateral.decimals;
    // Burn some short tokens and leave the proceeds in escrow, then mint long from that escrow.
    const shortTokens = await walletOf(pool.shortToken);
    const burn = await commitAndExecute(pool, CommitType.ShortBurn, shortTokens / 3n, false, 0n);
    expectEscrowMatches(burn, await escrowOf(pool), 'settlement');
    const walletBefore = await walletOf(pool.collateral.address);
    const amount = burn.settlementOut - parseUnits('0.000001', d);
    const mint = await commitAndExecute(pool, CommitType.LongMint, amount, true, 1n);
    expect(await walletOf(pool.collateral.address)).toBe(walletBefore);
    const escrow = await escrowOf(pool);
    expect(escrow.longTokens).toBe(mint.tokensOut);
    expect(escrow.settlementTokens).toBe(burn.settlementOut - amount);
  });

  it('rebuilds the same holdings from the user’s own logs, for the portfolio’s cost basis', async () => {
    const pool = pools[index]!;
    const source = createLogScanSource({ client: clients.public, deployment: chain, cache: memoryCache() });
    // The head now, not viem's cached block number (its cache can predate the last commit).
    const toBlock = await clients.public.getBlockNumber({ cacheTime: 0 });
    const [history] = await readUserHistory(source, clients.public, chain, [pool], user, { toBlock });
    const pnl = costBasis({
      events: history!.events,
      priceHistory: history!.priceHistory,
      burnFeeHistory: history!.burnFeeHistory,
      updateIntervalId: history!.updateIntervalId,
      mintingFeeWad: history!.mintingFeeWad,
    });
    const escrow = await escrowOf(pool);
    expect(history!.events.filter((e) => e.kind === 'commit')).toHaveLength(5);
    expect(pnl.pendingMint).toBe(0n);
    expect(pnl.long.tokens).toBe((await walletOf(pool.longToken)) + escrow.longTokens);
    expect(pnl.short.tokens).toBe((await walletOf(pool.shortToken)) + escrow.shortTokens);
    expect(pnl.long.unknownCostTokens + pnl.short.unknownCostTokens).toBe(0n);
  });
});
