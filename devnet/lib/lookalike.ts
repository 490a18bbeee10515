/**
 * A look-alike pool, as an attacker would deploy one (docs/protocol.md, "Verified pools"): from their own
 * account, through the real factory, settled in gOHM, named like an Olympus pool, but priced by a feed they
 * control. The app must not list it; opened by address, it must say why before anyone trades it.
 */
import { type Address, parseEventLogs } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { poolFactoryAbi } from '../../contracts-abi/generated/index.ts';
import type { DevnetConfig } from '../config.ts';
import { artifact } from './artifacts.ts';
import { type DevnetClients, deploy, write } from './clients.ts';
import { deployFeed } from './deployMarkets.ts';
import { percentToWad } from './deployProtocol.ts';

export interface Lookalike {
  pool: Address;
  /** The feed the attacker controls: `setPrice` moves the pool's price at will. */
  feed: Address;
}

export async function deployLookalikePool(
  clients: DevnetClients,
  deployment: Deployment,
  config: DevnetConfig,
  attacker: Address,
): Promise<Lookalike> {
  const gohm = deployment.tokens.find((t) => t.symbol === 'gOHM');
  const ethFeed = deployment.feeds.find((f) => f.pair === 'ETH/gOHM');
  if (!gohm || !ethFeed) throw new Error('devnet deployment has no gOHM or ETH/gOHM feed');

  // The market's feed is the attacker's own; both wrappers name the attacker, as `deployPool` requires.
  const { feed, wrapper } = await deployFeed(
    clients,
    { owner: attacker, wrapperDeployer: attacker },
    '95000',
  );
  const wrapperArt = artifact('ChainlinkOracleWrapper');
  const settlementEth = await deploy(clients, attacker, wrapperArt.abi, wrapperArt.bytecode, [
    ethFeed.feed,
    attacker,
  ]);
  const receipt = await write(clients, attacker, {
    address: deployment.contracts.factory,
    abi: poolFactoryAbi,
    functionName: 'deployPool',
    args: [
      {
        poolName: 'BTC/USD+gOHM',
        frontRunningInterval: config.frontRunningIntervalSeconds,
        updateInterval: config.updateIntervalSeconds,
        leverageAmount: 3,
        settlementToken: gohm.address,
        oracleWrapper: wrapper,
        settlementEthOracle: settlementEth,
        feeController: attacker,
        mintingFee: percentToWad('0.1'),
        changeInterval: percentToWad('0'),
        burningFee: percentToWad('0.1'),
      },
    ],
  });
  const [event] = parseEventLogs({ abi: poolFactoryAbi, logs: receipt.logs, eventName: 'DeployPool' });
  if (!event) throw new Error('deployPool emitted no DeployPool event');
  return { pool: event.args.pool, feed };
}
