/**
 * Paid claims on the real contracts (docs/keeper.md, "Paid claims"): a user commits with `payForClaim` and
 * prepays a reward in ETH; once the interval has passed the keeper upkeeps the pool, finds the request in
 * AutoClaim's events, claims for the user and earns the reward. The user's pool tokens arrive in their wallet
 * without them claiming. Several ready claims go out in one transaction (AutoClaim's multi forms); a claim
 * whose reward does not pay for its gas waits unless `--always`; the devnet's keeper claims too.
 */
import { type Address, decodeFunctionData, type Hash, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { autoClaimAbi, poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import { runKeeper } from '../../devnet/lib/keeper.ts';
import { CommitType } from '../../src/engine/commits.ts';
import {
  cliLikeKeeper,
  commitMint,
  passIntervals,
  setKeeperGasPrice,
  startSeededChain,
  type TestChain,
  tokenBalance,
  until,
  user,
} from './helpers.ts';

let chain: TestChain;
const REWARD = parseEther('0.001');

beforeAll(async () => {
  chain = await startSeededChain();
  await setKeeperGasPrice(chain, '10');
});
afterAll(() => chain?.node.stop());

const request = (who: Address, committer: Address) =>
  chain.clients.public.readContract({
    address: chain.deployment.contracts.autoClaim,
    abi: autoClaimAbi,
    functionName: 'claimRequests',
    args: [who, committer],
  });

const escrow = (who: Address, committer: Address) =>
  chain.clients.public.readContract({
    address: committer,
    abi: poolCommitterAbi,
    functionName: 'getAggregateBalance',
    args: [who],
  });

async function costOf(hash: Hash | undefined): Promise<bigint> {
  const receipt = await chain.clients.public.getTransactionReceipt({ hash: hash! });
  return receipt.gasUsed * receipt.effectiveGasPrice;
}

async function functionOf(hash: Hash | undefined): Promise<string> {
  const tx = await chain.clients.public.getTransaction({ hash: hash! });
  return decodeFunctionData({ abi: autoClaimAbi, data: tx.input }).functionName;
}

describe('paid claims', () => {
  it('claims for the user after the upkeep: their tokens are in their wallet and the keeper has the reward', async () => {
    const { keeper } = await cliLikeKeeper(chain, [chain.node.rpcUrl]);
    const alice = user(0);
    const pool = chain.deployment.pools[2]!;
    await commitMint(chain, alice, 2, CommitType.LongMint, '100', REWARD);
    expect((await request(alice, pool.committer))[1]).toBe(REWARD);
    // Before the interval has passed, the request is known but not ready.
    const early = await keeper.tick();
    expect(early.claims?.ready).toEqual([]);

    await passIntervals(chain);
    const keeperEth = await chain.clients.public.getBalance({ address: chain.deployment.roles.keeper });
    const outcome = await keeper.tick();
    expect(outcome.errors).toBe(0);
    expect(outcome.upkeep?.upkept).toContain(pool.address);
    expect(outcome.claims?.executed).toEqual([{ user: alice, committer: pool.committer, reward: REWARD }]);
    expect(await functionOf(outcome.claims?.tx)).toBe('paidClaim');

    expect(await tokenBalance(chain, pool.longToken, alice)).toBeGreaterThan(0n);
    expect((await escrow(alice, pool.committer)).longTokens).toBe(0n);
    expect((await request(alice, pool.committer))[1]).toBe(0n);
    // The keeper paid gas for the upkeep and the claim, and received the prepaid reward.
    const spent = (await costOf(outcome.upkeep?.tx)) + (await costOf(outcome.claims?.tx));
    expect(await chain.clients.public.getBalance({ address: chain.deployment.roles.keeper })).toBe(
      keeperEth - spent + REWARD,
    );
  });

  it('claims several users in one transaction, on one pool and across pools', async () => {
    const { keeper } = await cliLikeKeeper(chain, [chain.node.rpcUrl]);
    const [bob, carol] = [user(1), user(2)];
    const [pool0, pool1, pool3] = [0, 1, 3].map((i) => chain.deployment.pools[i]!);

    await commitMint(chain, bob, 3, CommitType.ShortMint, '50', REWARD);
    await commitMint(chain, carol, 3, CommitType.LongMint, '50', REWARD);
    await passIntervals(chain);
    const one = await keeper.tick();
    expect(one.claims?.executed).toHaveLength(2);
    expect(await functionOf(one.claims?.tx)).toBe('multiPaidClaimSinglePoolCommitter');
    expect(await tokenBalance(chain, pool3!.shortToken, bob)).toBeGreaterThan(0n);
    expect(await tokenBalance(chain, pool3!.longToken, carol)).toBeGreaterThan(0n);

    await commitMint(chain, bob, 0, CommitType.LongMint, '0.5', REWARD);
    await commitMint(chain, carol, 1, CommitType.ShortMint, '0.5', REWARD);
    await passIntervals(chain);
    const two = await keeper.tick();
    expect(two.claims?.executed).toHaveLength(2);
    expect(await functionOf(two.claims?.tx)).toBe('multiPaidClaimMultiplePoolCommitters');
    expect(await tokenBalance(chain, pool0!.longToken, bob)).toBeGreaterThan(0n);
    expect(await tokenBalance(chain, pool1!.shortToken, carol)).toBeGreaterThan(0n);
  });

  it('leaves a claim whose reward does not pay for its gas, and claims it with --always', async () => {
    const dave = user(3);
    const pool = chain.deployment.pools[2]!;
    await commitMint(chain, dave, 2, CommitType.ShortMint, '10', 1000n);
    await passIntervals(chain);
    const careful = await cliLikeKeeper(chain, [chain.node.rpcUrl]);
    const left = await careful.keeper.tick();
    expect(left.claims?.ready).toHaveLength(1);
    expect(left.claims?.skipped).toHaveLength(1);
    expect(left.claims?.tx).toBeUndefined();
    expect((await request(dave, pool.committer))[1]).toBe(1000n);
    expect(await tokenBalance(chain, pool.shortToken, dave)).toBe(0n);

    const forced = await cliLikeKeeper(chain, [chain.node.rpcUrl], { always: true });
    const done = await forced.keeper.tick();
    expect(done.claims?.executed).toHaveLength(1);
    expect(await tokenBalance(chain, pool.shortToken, dave)).toBeGreaterThan(0n);
  });

  it('the devnet keeper (runKeeper) upkeeps and claims paid claims too', async () => {
    const alice = user(0);
    const pool = chain.deployment.pools[0]!;
    const lines: string[] = [];
    const stop = runKeeper(chain.clients, chain.deployment, {
      intervalMs: 100,
      log: (line) => lines.push(line),
    });
    try {
      await commitMint(chain, alice, 0, CommitType.ShortMint, '0.25', REWARD);
      await passIntervals(chain);
      await until(async () => (await tokenBalance(chain, pool.shortToken, alice)) > 0n, 20_000, 'the claim');
      expect((await request(alice, pool.committer))[1]).toBe(0n);
      expect((await escrow(alice, pool.committer)).shortTokens).toBe(0n);
      // The readable line for `npm start` follows once the keeper has the receipt.
      const claimed = `keeper: claimed for ${alice.slice(0, 6)}`;
      await until(async () => lines.some((line) => line.startsWith(claimed)), 10_000, 'the claim line');
    } finally {
      stop();
    }
  });
});
