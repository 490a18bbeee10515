/**
 * Puts life in a fresh deployment: dev accounts get OHM and gOHM, the liquidity account commits to both
 * sides of every pool (unequally where the config asks for a skew), the chain clock jumps one update
 * interval, a keeper upkeep executes the commits and the liquidity account claims its tokens.
 * A newcomer therefore sees live pools with a non-zero rebalancing rate at once.
 */
import { parseUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { leveragedPoolAbi, poolCommitterAbi, testTokenAbi } from '../../contracts-abi/generated/index.ts';
import { CommitType, commitParamsToHex, encodeCommitParams } from '../../src/engine/commits.ts';
import type { DevnetConfig } from '../config.ts';
import { type DevnetClients, write } from './clients.ts';
import { upkeepDuePools } from './keeper.ts';

export async function fundAccount(
  clients: DevnetClients,
  deployment: Deployment,
  config: DevnetConfig,
  to: `0x${string}`,
): Promise<void> {
  for (const c of config.collaterals) {
    const token = deployment.tokens.find((t) => t.symbol === c.symbol);
    if (!token) throw new Error(`no token ${c.symbol}`);
    await write(clients, deployment.roles.governance, {
      address: token.address,
      abi: testTokenAbi,
      functionName: 'mint',
      args: [to, parseUnits(c.devGrant, c.decimals)],
    });
  }
}

export async function seedDevnet(
  clients: DevnetClients,
  deployment: Deployment,
  config: DevnetConfig,
  log: (line: string) => void = () => {},
): Promise<void> {
  for (const account of deployment.devAccounts)
    await fundAccount(clients, deployment, config, account.address);

  const lp = deployment.roles.liquidityProvider;
  for (const [i, spec] of config.pools.entries()) {
    const pool = deployment.pools[i];
    const token = deployment.tokens.find((t) => t.symbol === spec.collateral);
    if (!pool || !token) throw new Error('seed: deployment does not match config');
    const long = parseUnits(spec.seedLong, token.decimals);
    const short = parseUnits(spec.seedShort, token.decimals);
    await write(clients, deployment.roles.governance, {
      address: token.address,
      abi: testTokenAbi,
      functionName: 'mint',
      args: [lp, long + short],
    });
    // Users approve the LeveragedPool, not the committer (docs/devnet.md).
    await write(clients, lp, {
      address: token.address,
      abi: testTokenAbi,
      functionName: 'approve',
      args: [pool.address, long + short],
    });
    for (const [amount, type] of [
      [long, CommitType.LongMint],
      [short, CommitType.ShortMint],
    ] as const) {
      await write(clients, lp, {
        address: pool.committer,
        abi: poolCommitterAbi,
        functionName: 'commit',
        args: [commitParamsToHex(encodeCommitParams(amount, type, false, false))],
      });
    }
  }

  const interval = BigInt(config.updateIntervalSeconds);
  await clients.test.increaseTime({ seconds: Number(interval) + 1 });
  await clients.test.mine({ blocks: 1 });
  const upkept = await upkeepDuePools(clients, deployment, log);
  if (upkept !== deployment.pools.length) throw new Error(`seed: only ${upkept} pools were upkept`);
  for (const pool of deployment.pools) {
    await write(clients, lp, {
      address: pool.committer,
      abi: poolCommitterAbi,
      functionName: 'claim',
      args: [lp],
    });
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
    log(`seeded ${pool.name}: long ${long} short ${short}`);
  }
}
