/**
 * Deploys the real Tracer Perpetual Pools V2.1 stack from the bytecode in the pinned npm package
 * (docs/devnet.md, "Deploying the protocol"), the Olympus collateral tokens, the price feeds,
 * and the pools of the devnet config. Returns the deployment the app reads.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { type Abi, type Address, type Hex, parseEventLogs, parseUnits } from 'viem';
import { mnemonicToAccount } from 'viem/accounts';
import type {
  DeployedFeed,
  DeployedPool,
  DeployedToken,
  Deployment,
} from '../../contracts-abi/deployment.ts';
import { loadFactory } from '../../contracts-abi/generate.ts';
import {
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
  testChainlinkOracleAbi,
  testTokenAbi,
} from '../../contracts-abi/generated/index.ts';
import type { DevnetConfig } from '../config.ts';
import { type DevnetClients, deploy, write } from './clients.ts';
import { DEV_MNEMONIC, DEVNET_CHAIN_ID } from './node.ts';

export const FEED_DECIMALS = 8;
const LIBRARY_KEY = 'contracts/libraries/PoolSwapLibrary.sol:PoolSwapLibrary';

interface Artifact {
  abi: Abi;
  bytecode: Hex;
}

function artifact(name: Parameters<typeof loadFactory>[0], library?: Address): Artifact {
  const factory = loadFactory(name) as ReturnType<typeof loadFactory> & {
    linkBytecode?: (libs: Record<string, string>) => string;
  };
  const bytecode =
    library && factory.linkBytecode ? factory.linkBytecode({ [LIBRARY_KEY]: library }) : factory.bytecode;
  if (!bytecode || bytecode.includes('__$')) throw new Error(`${name}: bytecode missing or not linked`);
  return { abi: factory.abi as Abi, bytecode: bytecode as Hex };
}

/** Where Multicall3 lives on every public chain; the devnet gets the same contract at the same address. */
export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/**
 * Multicall3's creation code, as the viem npm package ships it (viem uses it for deployless calls, which cap
 * out at the 48 KiB init-code limit with about ten pools: too small for one read of every pool).
 */
function multicall3CreationCode(): Hex {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve('viem/package.json')), '_cjs', 'constants', 'contracts.js');
  const code = (require(file) as { multicall3Bytecode?: Hex }).multicall3Bytecode;
  if (!code) throw new Error('viem no longer ships multicall3Bytecode');
  return code;
}

async function deployMulticall3(clients: DevnetClients, from: Address): Promise<Address> {
  const deployed = await deploy(clients, from, [], multicall3CreationCode(), []);
  const runtime = await clients.public.getCode({ address: deployed });
  if (!runtime) throw new Error('Multicall3 deployment left no code');
  await clients.test.setCode({ address: MULTICALL3_ADDRESS, bytecode: runtime });
  return MULTICALL3_ADDRESS;
}

/** Dev account i of the public test mnemonic. */
export function devAccount(index: number) {
  const account = mnemonicToAccount(DEV_MNEMONIC, { addressIndex: index });
  const key = account.getHdKey().privateKey;
  if (!key) throw new Error('no private key');
  return { address: account.address, privateKey: `0x${Buffer.from(key).toString('hex')}` as Hex };
}

/** Which dev account plays which part, so that actors running at once never share a nonce. */
export const ROLE_INDEX = {
  governance: 0,
  treasury: 1,
  feeReceiver: 2,
  keeper: 3,
  priceFeeder: 4,
  liquidityProvider: 5,
  firstUser: 6,
  users: 4,
} as const;

export function percentToWad(percent: string): bigint {
  return parseUnits(percent, 16);
}

export interface DeployOptions {
  rpcUrl: string;
  config: DevnetConfig;
  log?: (line: string) => void;
}

export async function deployDevnet(
  clients: DevnetClients,
  { rpcUrl, config, log }: DeployOptions,
): Promise<Deployment> {
  const say = log ?? (() => {});
  const governance = devAccount(ROLE_INDEX.governance).address;
  const treasury = devAccount(ROLE_INDEX.treasury).address;
  const feeReceiver = devAccount(ROLE_INDEX.feeReceiver).address;
  const keeperAccount = devAccount(ROLE_INDEX.keeper).address;
  const priceFeeder = devAccount(ROLE_INDEX.priceFeeder).address;
  const liquidityProvider = devAccount(ROLE_INDEX.liquidityProvider).address;
  const startBlock = await clients.public.getBlockNumber();

  const multicall3 = await deployMulticall3(clients, governance);
  // 1–3: library, factory, keeper, rewards, autoclaim, invariant check (docs/devnet.md).
  const lib = artifact('PoolSwapLibrary');
  const poolSwapLibrary = await deploy(clients, governance, lib.abi, lib.bytecode, []);
  const factoryArt = artifact('PoolFactory', poolSwapLibrary);
  const factory = await deploy(clients, governance, factoryArt.abi, factoryArt.bytecode, [
    feeReceiver,
    governance,
  ]);
  const keeperArt = artifact('PoolKeeper');
  const keeper = await deploy(clients, governance, keeperArt.abi, keeperArt.bytecode, [factory]);
  const rewardsArt = artifact('KeeperRewards', poolSwapLibrary);
  const keeperRewards = await deploy(clients, governance, rewardsArt.abi, rewardsArt.bytecode, [keeper]);
  await write(clients, governance, {
    address: keeper,
    abi: poolKeeperAbi,
    functionName: 'setKeeperRewards',
    args: [keeperRewards],
  });
  await write(clients, governance, {
    address: keeper,
    abi: poolKeeperAbi,
    functionName: 'setGasPrice',
    args: [parseUnits(config.keeperGasPriceGwei, 9)],
  });
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setPoolKeeper',
    args: [keeper],
  });
  const autoClaimArt = artifact('AutoClaim');
  const autoClaim = await deploy(clients, governance, autoClaimArt.abi, autoClaimArt.bytecode, [factory]);
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setAutoClaim',
    args: [autoClaim],
  });
  const invariantArt = artifact('InvariantCheck');
  const invariantCheck = await deploy(clients, governance, invariantArt.abi, invariantArt.bytecode, [
    factory,
  ]);
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setInvariantCheck',
    args: [invariantCheck],
  });
  // 4: the annual management fee and the treasury's share of it (docs/protocol.md §2.1).
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setFee',
    args: [percentToWad(config.annualFeePercent)],
  });
  await write(clients, governance, {
    address: factory,
    abi: poolFactoryAbi,
    functionName: 'setSecondaryFeeSplitPercent',
    args: [BigInt(config.secondaryFeeSplitPercent)],
  });
  say(`protocol deployed: factory ${factory}, keeper ${keeper}`);

  // 5: settlement tokens.
  const tokenArt = artifact('TestToken');
  const tokens: DeployedToken[] = [];
  for (const c of config.collaterals) {
    const address = await deploy(clients, governance, tokenArt.abi, tokenArt.bytecode, [c.name, c.symbol]);
    await write(clients, governance, {
      address,
      abi: testTokenAbi,
      functionName: 'setDecimals',
      args: [c.decimals],
    });
    tokens.push({ symbol: c.symbol, name: c.name, address, decimals: c.decimals });
  }

  // 6: price feeds and their wrappers. Pool oracle wrappers name the treasury as deployer, since it deploys pools.
  const feedArt = artifact('TestChainlinkOracle');
  const wrapperArt = artifact('ChainlinkOracleWrapper');
  const feeds: DeployedFeed[] = [];
  const addFeed = async (pair: string, price: string) => {
    const feed = await deploy(clients, priceFeeder, feedArt.abi, feedArt.bytecode, []);
    await write(clients, priceFeeder, {
      address: feed,
      abi: testChainlinkOracleAbi,
      functionName: 'setDecimals',
      args: [FEED_DECIMALS],
    });
    await write(clients, priceFeeder, {
      address: feed,
      abi: testChainlinkOracleAbi,
      functionName: 'setPrice',
      args: [parseUnits(price, FEED_DECIMALS)],
    });
    const wrapper = await deploy(clients, treasury, wrapperArt.abi, wrapperArt.bytecode, [feed, treasury]);
    const entry = { pair, feed, wrapper, decimals: FEED_DECIMALS };
    feeds.push(entry);
    return entry;
  };
  for (const m of config.markets) await addFeed(m.symbol, m.startPrice);
  for (const c of config.collaterals) await addFeed(`${c.symbol}/USD`, c.usdPrice);
  for (const c of config.collaterals) await addFeed(`ETH/${c.symbol}`, c.perEth);

  // 7: the pools, deployed by the treasury so that it is each pool's secondary fee address.
  const pools: DeployedPool[] = [];
  for (const spec of config.pools) {
    const token = tokens.find((t) => t.symbol === spec.collateral);
    const oracle = feeds.find((f) => f.pair === spec.market);
    const settlementEth = feeds.find((f) => f.pair === `ETH/${spec.collateral}`);
    if (!token || !oracle || !settlementEth)
      throw new Error(`devnet config: pool ${spec.market} ${spec.collateral}`);
    const receipt = await write(clients, treasury, {
      address: factory,
      abi: poolFactoryAbi,
      functionName: 'deployPool',
      args: [
        {
          poolName: `${spec.market}+${spec.collateral}`,
          frontRunningInterval: config.frontRunningIntervalSeconds,
          updateInterval: config.updateIntervalSeconds,
          leverageAmount: spec.leverage,
          settlementToken: token.address,
          oracleWrapper: oracle.wrapper,
          settlementEthOracle: settlementEth.wrapper,
          feeController: treasury,
          mintingFee: percentToWad(spec.mintingFeePercent),
          changeInterval: percentToWad(spec.changeIntervalPercent),
          burningFee: percentToWad(spec.burningFeePercent),
        },
      ],
    });
    const [event] = parseEventLogs({ abi: poolFactoryAbi, logs: receipt.logs, eventName: 'DeployPool' });
    if (!event) throw new Error('deployPool emitted no DeployPool event');
    const address = event.args.pool;
    const committer = event.args.poolCommitter;
    const [name, longToken, shortToken] = await Promise.all([
      clients.public.readContract({ address, abi: leveragedPoolAbi, functionName: 'poolName' }),
      clients.public.readContract({
        address: committer,
        abi: poolCommitterAbi,
        functionName: 'tokens',
        args: [0n],
      }),
      clients.public.readContract({
        address: committer,
        abi: poolCommitterAbi,
        functionName: 'tokens',
        args: [1n],
      }),
    ]);
    pools.push({
      name,
      market: spec.market,
      leverage: spec.leverage,
      collateral: spec.collateral,
      address,
      committer,
      longToken,
      shortToken,
      settlementToken: token.address,
      oracleWrapper: oracle.wrapper,
    });
    say(`pool ${name} at ${address}`);
  }

  const devAccounts = Array.from({ length: ROLE_INDEX.users }, (_, i) => {
    const { address, privateKey } = devAccount(ROLE_INDEX.firstUser + i);
    return { label: `Dev account ${i + 1}`, address, privateKey };
  });

  return {
    chainId: DEVNET_CHAIN_ID,
    rpcUrl,
    startBlock: startBlock.toString(),
    profile: 'local',
    pollIntervalMs: 1000,
    updateIntervalSeconds: config.updateIntervalSeconds,
    frontRunningIntervalSeconds: config.frontRunningIntervalSeconds,
    contracts: { multicall3, poolSwapLibrary, factory, keeper, keeperRewards, autoClaim, invariantCheck },
    roles: { governance, treasury, feeReceiver, keeper: keeperAccount, priceFeeder, liquidityProvider },
    devAccounts,
    tokens,
    feeds,
    pools,
  };
}
