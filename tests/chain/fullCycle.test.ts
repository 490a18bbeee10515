/**
 * The real V2.1 contracts on a fresh local chain: mint long in a gOHM pool and short in an OHM pool,
 * upkeep after a +10% move, claim, and compare side and token balances with docs/protocol.md §5, TV2
 * (3x at 1:1, +10%: 26.616% of the short side moves to the long side).
 *
 * Fees are zero here (management, mint, burn, keeper gas price) so the chain's figures are TV2's exactly;
 * the fee paths are compared wei for wei by the engine's differential test.
 */
import { type Address, formatUnits, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import {
  erc20Abi,
  leveragedPoolAbi,
  poolCommitterAbi,
  testChainlinkOracleAbi,
} from '../../contracts-abi/generated/index.ts';
import type { DevnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, devnetClients, write } from '../../devnet/lib/clients.ts';
import { deployDevnet, devAccount, FEED_DECIMALS, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { upkeepDuePools } from '../../devnet/lib/keeper.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { fundedCommit } from '../fixtures/devnetCommits.ts';
import { fixedDevnetConfig, threeXPool } from '../fixtures/devnetConfig.ts';

const NO_FEES = { minting: '0', burning: '0', changeInterval: '0' };
const CONFIG: DevnetConfig = fixedDevnetConfig({
  annualFeePercent: '0',
  keeperGasPriceGwei: '0',
  devGrant: '5000',
  collateralPrices: { OHM: { usdPrice: '22', perEth: '150' }, gOHM: { usdPrice: '5900', perEth: '0.5' } },
  marketPrices: { 'BTC/USD': '100', 'ETH/USD': '100' },
  pools: [threeXPool('BTC/USD', 'gOHM', NO_FEES), threeXPool('ETH/USD', 'OHM', NO_FEES)],
});

// TV2 (V2 columns), in whole collateral units.
const TV2_LONG = 1266.160739;
const TV2_SHORT = 733.8392615;

let node: RunningNode;
let clients: DevnetClients;
let deployment: Deployment;

async function mint(user: Address, poolIndex: number, type: CommitType, amount: bigint) {
  await fundedCommit(clients, deployment, user, deployment.pools[poolIndex]!, { type, units: amount });
}

async function nextInterval() {
  await clients.test.increaseTime({ seconds: CONFIG.updateIntervalSeconds + 1 });
  await clients.test.mine({ blocks: 1 });
  return upkeepDuePools(clients, deployment);
}

async function setPrice(market: string, price: string) {
  const feed = deployment.feeds.find((f) => f.pair === market)!.feed;
  await write(clients, deployment.roles.priceFeeder, {
    address: feed,
    abi: testChainlinkOracleAbi,
    functionName: 'setPrice',
    args: [parseUnits(price, FEED_DECIMALS)],
  });
}

async function sides(poolIndex: number) {
  const pool = deployment.pools[poolIndex]!;
  const [long, short] = await Promise.all([
    clients.public.readContract({
      address: pool.address,
      abi: leveragedPoolAbi,
      functionName: 'longBalance',
    }),
    clients.public.readContract({
      address: pool.address,
      abi: leveragedPoolAbi,
      functionName: 'shortBalance',
    }),
  ]);
  return { long, short };
}

const units = (value: bigint, decimals: number) => Number(formatUnits(value, decimals));

describe('full cycle on the real V2.1 contracts', () => {
  const alice = devAccount(ROLE_INDEX.firstUser).address;
  const bob = devAccount(ROLE_INDEX.firstUser + 1).address;
  const lp = devAccount(ROLE_INDEX.liquidityProvider).address;

  beforeAll(async () => {
    node = await startNode({ port: await freePort() });
    clients = devnetClients(node.rpcUrl);
    deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config: CONFIG });
  });
  afterAll(() => node?.stop());

  it('mints long in the gOHM pool and short in the OHM pool, then moves value by TV2 after +10%', async () => {
    const gohm = 18;
    const ohm = 9;
    // Alice goes long 1000 gOHM against the LP's 1000 gOHM short; Bob goes short 1000 OHM against the LP's long.
    await mint(alice, 0, CommitType.LongMint, parseUnits('1000', gohm));
    await mint(lp, 0, CommitType.ShortMint, parseUnits('1000', gohm));
    await mint(bob, 1, CommitType.ShortMint, parseUnits('1000', ohm));
    await mint(lp, 1, CommitType.LongMint, parseUnits('1000', ohm));

    // First upkeep: price unchanged, the commits execute at a token price of exactly 1.
    expect(await nextInterval()).toBe(2);
    expect(await sides(0)).toEqual({ long: parseUnits('1000', gohm), short: parseUnits('1000', gohm) });
    expect(await sides(1)).toEqual({ long: parseUnits('1000', ohm), short: parseUnits('1000', ohm) });

    await setPrice('BTC/USD', '110');
    await setPrice('ETH/USD', '110');
    expect(await nextInterval()).toBe(2);

    const g = await sides(0);
    const o = await sides(1);
    expect(units(g.long, gohm)).toBeCloseTo(TV2_LONG, 5);
    expect(units(g.short, gohm)).toBeCloseTo(TV2_SHORT, 5);
    expect(units(o.long, ohm)).toBeCloseTo(TV2_LONG, 5);
    expect(units(o.short, ohm)).toBeCloseTo(TV2_SHORT, 5);
    // Value is conserved: the dust of the two truncations goes to the winner (§1.4).
    expect(g.long + g.short).toBe(parseUnits('2000', gohm));
    expect(o.long + o.short).toBe(parseUnits('2000', ohm));
    // Long is long: a rise must have moved value from short to long, never the other way.
    expect(g.long).toBeGreaterThan(g.short);
    expect(o.long).toBeGreaterThan(o.short);
  });

  it('claims the minted tokens from escrow into the wallets', async () => {
    const [gPool, oPool] = deployment.pools;
    for (const [user, pool] of [
      [alice, gPool!],
      [bob, oPool!],
    ] as const) {
      await write(clients, user, {
        address: pool.committer,
        abi: poolCommitterAbi,
        functionName: 'claim',
        args: [user],
      });
    }
    const aliceLong = await clients.public.readContract({
      address: gPool!.longToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [alice],
    });
    const bobShort = await clients.public.readContract({
      address: oPool!.shortToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [bob],
    });
    // Minted 1:1 into empty sides, in the settlement token's decimals (§1.1).
    expect(aliceLong).toBe(parseUnits('1000', 18));
    expect(bobShort).toBe(parseUnits('1000', 9));
    // Their value now: Alice's long tokens gained 26.616%, Bob's short tokens lost as much.
    const g = await sides(0);
    const o = await sides(1);
    expect(units(g.long, 18) / units(aliceLong, 18)).toBeCloseTo(TV2_LONG / 1000, 8);
    expect(units(o.short, 9) / units(bobShort, 9)).toBeCloseTo(TV2_SHORT / 1000, 8);
  });
});
