import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PoolLaunch } from '../../../src/chain/launch/launchPlan.ts';
import type { LaunchState } from '../../../src/chain/launch/launchReads.ts';
import {
  launchBlocker,
  launchSteps,
  nextStep,
  poolAddressOf,
} from '../../../src/features/treasury/launchSteps.ts';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const NAME = '2-ETH/USD+gOHM';
const launch: PoolLaunch = {
  chainId: 31337,
  factory: a(2),
  account: a(11),
  market: 'ETH/USD',
  marketFeed: a(0xf1),
  settlementEthFeed: a(0xf2),
  collateral: { symbol: 'gOHM', address: a(0xa1), decimals: 18 },
  leverage: 2,
  updateIntervalSeconds: 60,
  frontRunningIntervalSeconds: 10,
  mintingFee: 0n,
  burningFee: 0n,
  changeInterval: 0n,
};
const wrappers = { market: a(0xe1), settlementEth: a(0xe2) };
const fresh: LaunchState = {
  proxyReady: true,
  deploymentFee: undefined,
  settlementDecimals: 18,
  wrappers: { market: false, settlementEth: false },
  addresses: { pool: a(0xb1), committer: a(0xb2), longToken: a(0xb3), shortToken: a(0xb4) },
  poolExists: false,
  tokensTaken: false,
  simulation: undefined,
};
const plan = (state: LaunchState) => {
  const steps = launchSteps(launch, NAME, wrappers, state);
  return { steps, next: nextStep(steps), blocker: launchBlocker(launch, NAME, state, steps) };
};

describe('launch steps', () => {
  it('are the two wrappers, then the pool, each with the address it creates', () => {
    const { steps, next, blocker } = plan(fresh);
    expect(steps.map((s) => [s.id, s.label, s.address])).toEqual([
      ['marketWrapper', 'Deploy the ETH/USD oracle wrapper', a(0xe1)],
      ['settlementWrapper', 'Deploy the ETH/gOHM oracle wrapper', a(0xe2)],
      ['pool', 'Deploy 2-ETH/USD+gOHM', a(0xb1)],
    ]);
    expect(next?.id).toBe('marketWrapper');
    expect(blocker).toBeUndefined();
  });

  it('skip what the chain already holds, so an interrupted launch resumes', () => {
    const { steps, next } = plan({ ...fresh, wrappers: { market: true, settlementEth: false } });
    expect(steps.map((s) => s.done)).toEqual([true, false, false]);
    expect(next?.id).toBe('settlementWrapper');
    const done = plan({ ...fresh, wrappers: { market: true, settlementEth: true }, poolExists: true });
    expect(done.next).toBeUndefined();
    expect(done.blocker).toBeUndefined();
  });

  it('add the deployment fee’s approval before the pool when the factory charges one', () => {
    const deploymentFee = { token: a(0xc1), amount: 5n, allowance: 0n, balance: 10n };
    const { steps } = plan({ ...fresh, wrappers: { market: true, settlementEth: true }, deploymentFee });
    expect(steps.map((s) => s.id)).toEqual(['marketWrapper', 'settlementWrapper', 'deploymentFee', 'pool']);
    expect(nextStep(steps)?.id).toBe('deploymentFee');
    const short = plan({ ...fresh, deploymentFee: { ...deploymentFee, balance: 4n } });
    expect(short.blocker).toBe(
      `The factory charges a deployment fee of 5 base units of the token at ${a(0xc1)}, more than this account holds.`,
    );
  });

  it('name what blocks the next step, in one sentence', () => {
    expect(plan({ ...fresh, tokensTaken: true }).blocker).toBe(
      `A 2x pool on this market wrapper in gOHM already exists (its long token is at ${a(0xb3)}): the factory would refuse a second one, even with other intervals.`,
    );
    expect(plan({ ...fresh, proxyReady: false }).blocker).toMatch(/^The CREATE2 deployment proxy/);
    const refused = plan({
      ...fresh,
      wrappers: { market: true, settlementEth: true },
      simulation: { ok: false, message: 'The contract refused: Leveraged amount cannot equal 0' },
    });
    expect(refused.blocker).toBe(
      'The factory would refuse 2-ETH/USD+gOHM: The contract refused: Leveraged amount cannot equal 0',
    );
  });

  it('give the factory’s own answer for the pool’s address once it can be simulated', () => {
    expect(poolAddressOf(fresh)).toEqual({ address: a(0xb1), confirmed: false });
    expect(poolAddressOf({ ...fresh, simulation: { ok: true, pool: a(0xb1) } })).toEqual({
      address: a(0xb1),
      confirmed: true,
    });
  });
});
