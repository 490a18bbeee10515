/**
 * Steps 5–6 of deploying the devnet (docs/devnet.md, "Deploying the protocol"): the settlement tokens, and
 * the price feeds behind their oracle wrappers.
 */
import { type Address, parseUnits } from 'viem';
import type { DeployedFeed, DeployedToken } from '../../contracts-abi/deployment.ts';
import { testChainlinkOracleAbi, testTokenAbi } from '../../contracts-abi/generated/index.ts';
import { type DevnetConfig, FEED_DECIMALS } from '../config.ts';
import { artifact } from './artifacts.ts';
import { type DevnetClients, deploy, write } from './clients.ts';

/** 5: the settlement tokens, TestTokens with the config's decimals and an open `mint` (the faucet). */
export async function deployTokens(
  clients: DevnetClients,
  governance: Address,
  config: DevnetConfig,
): Promise<DeployedToken[]> {
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
  return tokens;
}

/**
 * One settable price feed (`owner` sets its price) at `price` USD-style decimals, and an oracle wrapper over it
 * naming `wrapperDeployer`, the account that may then deploy pools on it.
 */
export async function deployFeed(
  clients: DevnetClients,
  { owner, wrapperDeployer }: { owner: Address; wrapperDeployer: Address },
  price: string,
): Promise<{ feed: Address; wrapper: Address }> {
  const feedArt = artifact('TestChainlinkOracle');
  const wrapperArt = artifact('ChainlinkOracleWrapper');
  const feed = await deploy(clients, owner, feedArt.abi, feedArt.bytecode, []);
  await write(clients, owner, {
    address: feed,
    abi: testChainlinkOracleAbi,
    functionName: 'setDecimals',
    args: [FEED_DECIMALS],
  });
  await write(clients, owner, {
    address: feed,
    abi: testChainlinkOracleAbi,
    functionName: 'setPrice',
    args: [parseUnits(price, FEED_DECIMALS)],
  });
  const wrapper = await deploy(clients, wrapperDeployer, wrapperArt.abi, wrapperArt.bytecode, [
    feed,
    wrapperDeployer,
  ]);
  return { feed, wrapper };
}

/**
 * 6: price feeds and their wrappers: the markets, the collaterals' USD prices and the settlement/ETH prices.
 * Pool oracle wrappers name the treasury as deployer, since it deploys pools.
 */
export async function deployFeeds(
  clients: DevnetClients,
  { priceFeeder, treasury }: { priceFeeder: Address; treasury: Address },
  config: DevnetConfig,
): Promise<DeployedFeed[]> {
  const feeds: DeployedFeed[] = [];
  const addFeed = async (pair: string, price: string) => {
    const deployed = await deployFeed(clients, { owner: priceFeeder, wrapperDeployer: treasury }, price);
    feeds.push({ pair, ...deployed, decimals: FEED_DECIMALS });
  };
  for (const m of config.markets) await addFeed(m.symbol, m.startPrice);
  for (const c of config.collaterals) await addFeed(`${c.symbol}/USD`, c.usdPrice);
  for (const c of config.collaterals) await addFeed(`ETH/${c.symbol}`, c.perEth);
  return feeds;
}
