/**
 * What the keeper tests share: a fresh anvil with the seeded Olympus pools, a keeper built the way the CLI builds
 * one (fallback transport over the given URLs, the keeper role's key as a local signer, the latest block), and
 * the users' moves (commits, paid claims) and the clock's (`evm_increaseTime`, `evm_mine`).
 */
import { type Address, createPublicClient, createWalletClient, parseGwei, parseUnits } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { erc20Abi, leveragedPoolAbi, poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import { type DevnetConfig, devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, devnetClients, write } from '../../devnet/lib/clients.ts';
import { deployDevnet, devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import { seedDevnet } from '../../devnet/lib/seed.ts';
import type { KeeperContext } from '../../keeper/lib/context.ts';
import { createKeeper, type Keeper } from '../../keeper/lib/keeper.ts';
import type { KeeperEvent } from '../../keeper/lib/log.ts';
import { nonceManager } from '../../keeper/lib/nonce.ts';
import { findMulticall, keeperChain, keeperTransport, probeChainId } from '../../keeper/lib/rpc.ts';
import type { CommitType } from '../../src/engine/commits.ts';
import { fundedCommit } from '../fixtures/devnetCommits.ts';

export interface TestChain {
  node: RunningNode;
  clients: DevnetClients;
  deployment: Deployment;
  config: DevnetConfig;
}

export async function startSeededChain(): Promise<TestChain> {
  const node = await startNode({ port: await freePort() });
  const clients = devnetClients(node.rpcUrl);
  const config = devnetConfig();
  const deployment = await deployDevnet(clients, { rpcUrl: node.rpcUrl, config });
  await seedDevnet(clients, deployment, config);
  return { node, clients, deployment, config };
}

/** The keeper role's key: the CLI's signer in these tests (a public test key of the dev mnemonic). */
export const KEEPER_KEY = devAccount(ROLE_INDEX.keeper).privateKey;
export const user = (i: number) => devAccount(ROLE_INDEX.firstUser + i).address;

export interface TestKeeper {
  keeper: Keeper;
  ctx: KeeperContext;
  events: KeeperEvent[];
}

/** A keeper as `npm run keeper` makes one, over `urls`, logging into `events`. */
export async function cliLikeKeeper(
  chain: TestChain,
  urls: readonly string[],
  {
    always = false,
    receiptTimeoutMs = 20_000,
    pausedRecheckMs,
  }: { always?: boolean; receiptTimeoutMs?: number; pausedRecheckMs?: number } = {},
): Promise<TestKeeper> {
  const account = privateKeyToAccount(KEEPER_KEY);
  const transport = keeperTransport(urls);
  const id = await probeChainId(urls, { attempts: 2, delayMs: 50 });
  const multicall = await findMulticall(createPublicClient({ transport }));
  const viemChain = keeperChain(id, urls, multicall);
  const client = createPublicClient({ chain: viemChain, transport, pollingInterval: 50 });
  const events: KeeperEvent[] = [];
  const ctx: KeeperContext = {
    client,
    wallet: createWalletClient({ chain: viemChain, transport, account }),
    chain: viemChain,
    account,
    multicall,
    blockTag: 'latest',
    always,
    log: (event) => events.push(event),
    nonces: nonceManager(client, account.address),
    receiptTimeoutMs,
    receiptPollingMs: 20,
  };
  const { deployment } = chain;
  const keeper = await createKeeper(ctx, {
    factory: deployment.contracts.factory,
    treasury: deployment.roles.treasury,
    feeds: deployment.feeds.map((f) => f.feed),
    claimsFromBlock: BigInt(deployment.startBlock),
    pausedRecheckMs,
  });
  return { keeper, ctx, events };
}

/** Moves the chain's clock past `intervals` update intervals and mines a block there. */
export async function passIntervals({ clients, config }: TestChain, intervals = 1): Promise<void> {
  await clients.test.increaseTime({ seconds: config.updateIntervalSeconds * intervals + 1 });
  await clients.test.mine({ blocks: 1 });
}

/** PoolKeeper's gas price for rewards (docs/protocol.md §2.4), set by governance. */
export async function setKeeperGasPrice({ clients, deployment }: TestChain, gwei: string): Promise<void> {
  await write(clients, deployment.roles.governance, {
    address: deployment.contracts.keeper,
    abi: poolKeeperAbi,
    functionName: 'setGasPrice',
    args: [parseGwei(gwei)],
  });
}

/** Gives `who` collateral and commits a mint of `amount` (whole tokens), prepaying `claimReward` wei if given. */
export async function commitMint(
  { clients, deployment }: TestChain,
  who: Address,
  poolIndex: number,
  commitType: CommitType,
  amount: string,
  claimReward?: bigint,
): Promise<bigint> {
  const pool = deployment.pools[poolIndex]!;
  const token = deployment.tokens.find((t) => t.address === pool.settlementToken)!;
  const units = parseUnits(amount, token.decimals);
  await fundedCommit(clients, deployment, who, pool, { type: commitType, units, claimReward });
  return units;
}

export async function lastPriceTimestamps({ clients, deployment }: TestChain): Promise<bigint[]> {
  return Promise.all(
    deployment.pools.map((p) =>
      clients.public.readContract({
        address: p.address,
        abi: leveragedPoolAbi,
        functionName: 'lastPriceTimestamp',
      }),
    ),
  );
}

export async function tokenBalance({ clients }: TestChain, token: Address, who: Address): Promise<bigint> {
  return clients.public.readContract({
    address: token,
    abi: erc20Abi,
    functionName: 'balanceOf',
    args: [who],
  });
}

/** Waits until `check` holds, polling every 100 ms, or fails after `timeoutMs`. */
export async function until(
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
  what = 'condition',
): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
