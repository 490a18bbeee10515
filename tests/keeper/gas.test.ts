/**
 * What the keeper's transactions cost on the devnet's real V2.1 contracts (docs/keeper.md, "What it costs"):
 * `performUpkeepSinglePool`, `performUpkeepMultiplePools` over 2–4 pools, `paidClaim` and the multi-claims.
 * Printed as a table; the checks are that batching saves gas and that the figures stay in a sane range.
 */
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KeptPool } from '../../keeper/lib/discovery.ts';
import { upkeepDuePools } from '../../keeper/lib/upkeep.ts';
import { CommitType } from '../../src/engine/commits.ts';
import {
  cliLikeKeeper,
  commitMint,
  passIntervals,
  startSeededChain,
  type TestChain,
  type TestKeeper,
  user,
} from './helpers.ts';

let chain: TestChain;
let keeper: TestKeeper;
let pools: readonly KeptPool[];
const figures: Record<string, bigint> = {};

beforeAll(async () => {
  chain = await startSeededChain();
  keeper = await cliLikeKeeper(chain, [chain.node.rpcUrl], { always: true });
  await keeper.keeper.tick();
  pools = keeper.keeper.pools;
});
afterAll(async () => {
  console.log(
    `keeper gas on the devnet:\n${Object.entries(figures)
      .map(([what, gas]) => `  ${what.padEnd(58)} ${gas.toLocaleString('en-US')}`)
      .join('\n')}`,
  );
  await chain?.node.stop();
});

/** Upkeeps `subset` after an interval, then the others, so every round starts from pools upkept on time. */
async function upkeepGas(subset: readonly KeptPool[]): Promise<bigint> {
  await passIntervals(chain);
  const { poolKeeper } = keeper.keeper.info;
  const outcome = await upkeepDuePools(keeper.ctx, poolKeeper, subset);
  expect(outcome.upkept).toHaveLength(subset.length);
  const rest = pools.filter((p) => !subset.includes(p));
  if (rest.length) await upkeepDuePools(keeper.ctx, poolKeeper, rest);
  return outcome.gasUsed!;
}

describe('gas', () => {
  it('of upkeeps: one pool alone, and 2, 3 and 4 pools in one transaction', async () => {
    const single = await upkeepGas(pools.slice(0, 1));
    figures['performUpkeepSinglePool, no commits'] = single;
    await commitMint(chain, user(0), 0, CommitType.LongMint, '0.5');
    figures['performUpkeepSinglePool, executing one mint'] = await upkeepGas(pools.slice(0, 1));
    let previous = single;
    for (const n of [2, 3, 4]) {
      const gas = await upkeepGas(pools.slice(0, n));
      figures[`performUpkeepMultiplePools, ${n} pools, no commits`] = gas;
      expect(gas).toBeGreaterThan(previous);
      // One transaction instead of n saves at least the base cost of the others.
      expect(gas).toBeLessThan(single * BigInt(n) - 21_000n * BigInt(n - 1));
      previous = gas;
    }
    expect(single).toBeGreaterThan(100_000n);
    expect(single).toBeLessThan(1_000_000n);
  });

  it('of paid claims: one, two on one pool, two on two pools', async () => {
    const reward = parseEther('0.001');
    const claimGas = async () => {
      await passIntervals(chain);
      const outcome = await keeper.keeper.tick();
      expect(outcome.errors).toBe(0);
      return outcome.claims!;
    };
    await commitMint(chain, user(1), 2, CommitType.LongMint, '10', reward);
    const one = await claimGas();
    expect(one.executed).toHaveLength(1);
    figures['paidClaim, 1 user'] = one.gasUsed!;

    await commitMint(chain, user(1), 3, CommitType.LongMint, '10', reward);
    await commitMint(chain, user(2), 3, CommitType.ShortMint, '10', reward);
    const samePool = await claimGas();
    expect(samePool.executed).toHaveLength(2);
    figures['multiPaidClaimSinglePoolCommitter, 2 users'] = samePool.gasUsed!;

    await commitMint(chain, user(1), 2, CommitType.ShortMint, '10', reward);
    await commitMint(chain, user(2), 3, CommitType.LongMint, '10', reward);
    const twoPools = await claimGas();
    expect(twoPools.executed).toHaveLength(2);
    figures['multiPaidClaimMultiplePoolCommitters, 2 users on 2 pools'] = twoPools.gasUsed!;
    expect(samePool.gasUsed!).toBeLessThan(one.gasUsed! * 2n);
  });
});
