/**
 * A paid claim on the real contracts: the app's commit request with a claim reward registers the request, the
 * pools read shows it, and once the interval has executed another account's `paidClaim` delivers the user's
 * tokens to their wallet and earns the reward, for no more gas than the app's estimate assumes.
 */
import { parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { autoClaimAbi, erc20Abi, poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import { devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, write } from '../../devnet/lib/clients.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import type { RunningNode } from '../../devnet/lib/node.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { readPools } from '../../src/chain/pools/poolReader.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { claimReward, PAID_CLAIM_GAS } from '../../src/chain/react/autoClaim.ts';
import { approveRequest, commitRequest } from '../../src/chain/tx/poolWrites.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { startSeededChain } from './seededChain.ts';

const config = devnetConfig();
const user = devAccount(ROLE_INDEX.firstUser + 1).address;
const claimer = devAccount(ROLE_INDEX.firstUser + 2).address;

describe('a paid claim (AutoClaim) on the devnet', () => {
  let node: RunningNode;
  let clients: DevnetClients;
  let deployment: Deployment;
  let chain: ChainDeployment;
  let pool: PoolInfo;

  beforeAll(async () => {
    let pools: PoolInfo[];
    ({ node, clients, deployment, chain, pools } = await startSeededChain([], config));
    pool = pools.find((p) => p.collateral.symbol === 'gOHM')!;
  });
  afterAll(() => node?.stop());

  it('is registered with the commit, claimed by someone else once executed, and costs less gas than assumed', async () => {
    const amount = parseUnits('1', 18);
    const reward = claimReward(await clients.public.getGasPrice());
    await write(clients, user, approveRequest(pool, amount));
    await write(clients, user, commitRequest(pool, CommitType.LongMint, amount, false, reward));

    const read = async () => (await readPools(clients.public, chain, [pool], { user })).pools[0]!;
    const queued = await read();
    expect(queued.user?.paidClaim).toEqual({ intervalId: queued.state.updateIntervalId, reward });

    await clients.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
    await clients.test.mine({ blocks: 1 });
    await write(clients, deployment.roles.keeper, {
      address: deployment.contracts.keeper,
      abi: poolKeeperAbi,
      functionName: 'performUpkeepSinglePool',
      args: [pool.address],
    });

    const ethBefore = await clients.public.getBalance({ address: claimer });
    const receipt = await write(clients, claimer, {
      address: deployment.contracts.autoClaim,
      abi: autoClaimAbi,
      functionName: 'paidClaim',
      args: [user, pool.committer],
    });
    expect(receipt.gasUsed).toBeLessThanOrEqual(PAID_CLAIM_GAS);
    const ethAfter = await clients.public.getBalance({ address: claimer });
    expect(ethAfter - ethBefore).toBe(reward - receipt.gasUsed * receipt.effectiveGasPrice);

    const longTokens = await clients.public.readContract({
      address: pool.longToken,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [user],
    });
    expect(longTokens).toBeGreaterThan(0n);
    const claimed = await read();
    expect(claimed.user?.paidClaim).toBeUndefined();
    expect(claimed.user?.escrow.longTokens).toBe(0n);
  });
});
