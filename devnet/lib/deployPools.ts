/** Step 7 of deploying the devnet (docs/devnet.md, "Deploying the protocol"): the pools of the config. */
import { type Address, parseEventLogs } from 'viem';
import type { DeployedFeed, DeployedPool, DeployedToken } from '../../contracts-abi/deployment.ts';
import { leveragedPoolAbi, poolCommitterAbi, poolFactoryAbi } from '../../contracts-abi/generated/index.ts';
import type { DevnetConfig } from '../config.ts';
import { type DevnetClients, write } from './clients.ts';
import { percentToWad } from './deployProtocol.ts';

/** The pools, deployed by the treasury so that it is each pool's secondary fee address. */
export async function deployPools(
  clients: DevnetClients,
  { factory, treasury }: { factory: Address; treasury: Address },
  { tokens, feeds }: { tokens: DeployedToken[]; feeds: DeployedFeed[] },
  config: DevnetConfig,
  say: (line: string) => void,
): Promise<DeployedPool[]> {
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
      deployBlock: receipt.blockNumber.toString(),
    });
    say(`pool ${name} at ${address}`);
  }
  return pools;
}
