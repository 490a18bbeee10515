/**
 * The devnet keeper: performs the upkeep of every pool that is due, as a Gelato/Chainlink keeper would,
 * and logs each upkeep with its prices and reward. It asks the chain, at the pending block, which pools are
 * due, so it follows the chain's clock (which the seeding moved ahead) rather than the wall clock.
 */
import { formatUnits, parseEventLogs } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import { KEEPER_INTERVAL_MS } from '../config.ts';
import { type DevnetClients, write } from './clients.ts';
import { repeat } from './repeat.ts';

const WAD_DECIMALS = 18;

/** Upkeeps every due pool in one transaction; returns how many pools were upkept. */
export async function upkeepDuePools(
  clients: DevnetClients,
  deployment: Deployment,
  log: (line: string) => void = () => {},
): Promise<number> {
  const keeper = deployment.contracts.keeper;
  const due = (
    await Promise.all(
      deployment.pools.map(async (pool) => {
        const required = await clients.public.readContract({
          address: keeper,
          abi: poolKeeperAbi,
          functionName: 'isUpkeepRequiredSinglePool',
          args: [pool.address],
          blockTag: 'pending',
        });
        return required ? pool : undefined;
      }),
    )
  ).filter((pool) => pool !== undefined);
  if (due.length === 0) return 0;
  const receipt = await write(clients, deployment.roles.keeper, {
    address: keeper,
    abi: poolKeeperAbi,
    functionName: 'performUpkeepMultiplePools',
    args: [due.map((p) => p.address)],
  });
  const events = parseEventLogs({ abi: poolKeeperAbi, logs: receipt.logs });
  let upkept = 0;
  const nameOf = (address: string) =>
    deployment.pools.find((p) => p.address.toLowerCase() === address.toLowerCase())?.name ?? address;
  for (const event of events) {
    if (event.eventName === 'UpkeepSuccessful') {
      upkept += 1;
      log(
        `keeper: upkept ${nameOf(event.args.pool)} ${formatUnits(event.args.startPrice, WAD_DECIMALS)} → ${formatUnits(event.args.endPrice, WAD_DECIMALS)}`,
      );
    } else if (event.eventName === 'PoolUpkeepError') {
      log(`keeper: upkeep of ${nameOf(event.args.pool)} failed: ${event.args.reason}`);
    } else if (event.eventName === 'KeeperPaymentError') {
      log(`keeper: no reward from ${nameOf(event.args._pool)} (expected ${event.args.expectedReward})`);
    }
  }
  return upkept;
}

/** Runs the keeper until stopped; errors are logged and retried on the next tick. */
export function runKeeper(
  clients: DevnetClients,
  deployment: Deployment,
  {
    intervalMs = KEEPER_INTERVAL_MS,
    log = console.log,
  }: { intervalMs?: number; log?: (line: string) => void } = {},
): () => void {
  return repeat(
    'keeper',
    async () => {
      await upkeepDuePools(clients, deployment, log);
    },
    { everyMs: intervalMs, firstAfterMs: 0, log },
  );
}
