/**
 * A launch's steps and what stands in their way (docs/treasury.md §2), derived from what the chain holds: a
 * step whose contract already exists is done and skipped, so a launch interrupted after any step resumes at
 * the next one. Pure, so the order and every refusal are tested in the node environment.
 */
import type { Address } from 'viem';
import type { PoolLaunch } from '../../chain/launch/launchPlan.ts';
import type { LaunchState } from '../../chain/launch/launchReads.ts';

export type StepId = 'marketWrapper' | 'settlementWrapper' | 'deploymentFee' | 'pool';

export interface LaunchStep {
  id: StepId;
  label: string;
  done: boolean;
  /** The contract the step creates, known before it is sent. */
  address: Address | undefined;
}

export interface WrapperAddresses {
  market: Address;
  settlementEth: Address;
}

export function launchSteps(
  launch: PoolLaunch,
  poolName: string,
  wrappers: WrapperAddresses,
  state: LaunchState,
): LaunchStep[] {
  const symbol = launch.collateral.symbol;
  const steps: LaunchStep[] = [
    {
      id: 'marketWrapper',
      label: `Deploy the ${launch.market} oracle wrapper`,
      done: state.wrappers.market,
      address: wrappers.market,
    },
    {
      id: 'settlementWrapper',
      label: `Deploy the ETH/${symbol} oracle wrapper`,
      done: state.wrappers.settlementEth,
      address: wrappers.settlementEth,
    },
  ];
  const fee = state.deploymentFee;
  // Once the pool exists its fee was paid: the approval is no longer a step to show.
  if (fee && !state.poolExists)
    steps.push({
      id: 'deploymentFee',
      label: `Approve the factory’s deployment fee`,
      done: fee.allowance >= fee.amount,
      address: undefined,
    });
  steps.push({
    id: 'pool',
    label: `Deploy ${poolName}`,
    done: state.poolExists,
    address: state.addresses.pool,
  });
  return steps;
}

export function nextStep(steps: readonly LaunchStep[]): LaunchStep | undefined {
  return steps.find((s) => !s.done);
}

/** Why the next step cannot be sent, in one sentence; undefined when it can (or nothing is left to send). */
export function launchBlocker(
  launch: PoolLaunch,
  poolName: string,
  state: LaunchState,
  steps: readonly LaunchStep[],
): string | undefined {
  const next = nextStep(steps);
  if (!next) return undefined;
  if (state.tokensTaken)
    return `A ${launch.leverage}x pool on this market wrapper in ${launch.collateral.symbol} already exists (its long token is at ${state.addresses.longToken}): the factory would refuse a second one, even with other intervals.`;
  if (!state.proxyReady && (next.id === 'marketWrapper' || next.id === 'settlementWrapper'))
    return 'The CREATE2 deployment proxy (0x4e59…956C) has no code on this chain, so the wrappers cannot be deployed from here.';
  if (state.settlementDecimals !== undefined && state.settlementDecimals > 18)
    return `${launch.collateral.symbol} reports ${state.settlementDecimals} decimals; the factory accepts at most 18.`;
  const fee = state.deploymentFee;
  if (fee && fee.balance < fee.amount)
    return `The factory charges a deployment fee of ${fee.amount} base units of the token at ${fee.token}, more than this account holds.`;
  if (next.id === 'pool' && state.simulation && !state.simulation.ok)
    return `The factory would refuse ${poolName}: ${state.simulation.message}`;
  return undefined;
}

/** The pool's address: the factory's own answer once both wrappers exist, the prediction before that. */
export function poolAddressOf(state: LaunchState): { address: Address; confirmed: boolean } {
  const simulated = state.simulation?.ok ? state.simulation.pool : undefined;
  return {
    address: simulated ?? state.addresses.pool,
    confirmed: simulated !== undefined || state.poolExists,
  };
}
