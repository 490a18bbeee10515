/**
 * Deploys the real Tracer Perpetual Pools V2.1 stack from the bytecode in the pinned npm package
 * (docs/devnet.md, "Deploying the protocol"), the Olympus collateral tokens, the price feeds,
 * and the pools of the devnet config. Returns the deployment the app reads.
 */
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { DEVNET_CHAIN_ID, type DevnetConfig, ROLE_INDEX } from '../config.ts';
import { devAccount } from './accounts.ts';
import type { DevnetClients } from './clients.ts';
import { deployFeeds, deployTokens } from './deployMarkets.ts';
import { deployPools } from './deployPools.ts';
import { deployProtocol } from './deployProtocol.ts';
import { installMulticall3 } from './multicall3.ts';
import { LOCAL_PROFILE } from './profile.ts';

// The chain and e2e tests import these from here.
export { FEED_DECIMALS, ROLE_INDEX } from '../config.ts';
export { devAccount } from './accounts.ts';
export { percentToWad } from './deployProtocol.ts';

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

  const multicall3 = await installMulticall3(clients);
  const protocol = await deployProtocol(clients, { governance, feeReceiver }, config);
  say(`protocol deployed: factory ${protocol.factory}, keeper ${protocol.keeper}`);
  const tokens = await deployTokens(clients, governance, config);
  const feeds = await deployFeeds(clients, { priceFeeder, treasury }, config);
  const pools = await deployPools(
    clients,
    { factory: protocol.factory, treasury },
    { tokens, feeds },
    config,
    say,
  );

  const devAccounts = Array.from({ length: ROLE_INDEX.users }, (_, i) => {
    const { address, privateKey } = devAccount(ROLE_INDEX.firstUser + i);
    return { label: `Dev account ${i + 1}`, address, privateKey };
  });
  // The treasury as a burner too, last, so that the treasury page (docs/treasury.md) can be tried by hand.
  devAccounts.push({ label: 'Treasury', ...devAccount(ROLE_INDEX.treasury) });

  return {
    chainId: DEVNET_CHAIN_ID,
    rpcUrl,
    startBlock: startBlock.toString(),
    // launchChain (devnet/lib/launch.ts) writes the profile it launched under over these.
    profile: LOCAL_PROFILE.name,
    pollIntervalMs: LOCAL_PROFILE.pollIntervalMs,
    updateIntervalSeconds: config.updateIntervalSeconds,
    frontRunningIntervalSeconds: config.frontRunningIntervalSeconds,
    contracts: { multicall3, ...protocol },
    roles: { governance, treasury, feeReceiver, keeper: keeperAccount, priceFeeder, liquidityProvider },
    devAccounts,
    tokens,
    feeds,
    pools,
  };
}
