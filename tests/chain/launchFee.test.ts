/**
 * A factory that charges a deployment fee (docs/treasury.md §2): the launch gains an approval step before
 * `deployPool`, refuses to go on while the account cannot pay, and the fee reaches its receiver.
 */
import { getAddress, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, poolFactoryAbi, testTokenAbi } from '../../contracts-abi/generated/index.ts';
import { write } from '../../devnet/lib/clients.ts';
import { readFactoryTerms } from '../../src/chain/launch/launchReads.ts';
import {
  approveDeploymentFeeRequest,
  deployPoolRequest,
  wrapperDeployRequest,
} from '../../src/chain/launch/launchWrites.ts';
import { type LaunchDevnet, launchBy, sendCall, startLaunchDevnet, stateOf } from './launchDevnet.ts';

let net: LaunchDevnet;

beforeAll(async () => {
  net = await startLaunchDevnet();
});

afterAll(async () => {
  await net?.node.stop();
});

describe('a launch under a deployment fee', () => {
  it('adds the fee’s approval as a step, waits until the account can pay, and pays the receiver', async () => {
    const { clients, chain } = net;
    const { governance, treasury, feeReceiver } = net.deployment.roles;
    const gohm = getAddress(chain.collaterals.find((c) => c.symbol === 'gOHM')!.address);
    const fee = parseUnits('0.1', 18);
    await write(clients, governance, {
      address: chain.factory,
      abi: poolFactoryAbi,
      functionName: 'setDeploymentFee',
      args: [gohm, fee, feeReceiver],
    });
    net.terms = await readFactoryTerms(clients.public, chain);
    expect(net.terms.deploymentFee).toEqual({ token: gohm, amount: fee, receiver: feeReceiver });

    const launch = launchBy(net, treasury);
    const first = await stateOf(net, launch);
    expect(first.steps.map((s) => s.id)).toEqual([
      'marketWrapper',
      'settlementWrapper',
      'deploymentFee',
      'pool',
    ]);
    expect(first.blocker).toMatch(/^The factory charges a deployment fee of 100000000000000000 base units/);
    await write(clients, governance, {
      address: gohm,
      abi: testTokenAbi,
      functionName: 'mint',
      args: [treasury, fee],
    });
    expect((await stateOf(net, launch)).blocker).toBeUndefined();

    await sendCall(net, treasury, wrapperDeployRequest(chain.chainId, first.wrappers.market));
    await sendCall(net, treasury, wrapperDeployRequest(chain.chainId, first.wrappers.settlementEth));
    const unapproved = await stateOf(net, launch);
    expect(unapproved.next?.id).toBe('deploymentFee');
    const { chainId: _, ...approve } = approveDeploymentFeeRequest(launch, gohm, fee);
    await write(clients, treasury, approve);
    const approved = await stateOf(net, launch);
    expect(approved.steps.map((s) => s.done)).toEqual([true, true, true, false]);
    expect(approved.state.simulation).toEqual({ ok: true, pool: approved.state.addresses.pool });

    const balance = () =>
      clients.public.readContract({
        address: gohm,
        abi: erc20Abi,
        functionName: 'balanceOf',
        args: [feeReceiver],
      });
    const before = await balance();
    const { chainId: __, ...request } = deployPoolRequest(launch, {
      market: first.wrappers.market.address,
      settlementEth: first.wrappers.settlementEth.address,
    });
    await write(clients, treasury, request);
    expect((await balance()) - before).toBe(fee);
    const done = await stateOf(net, launch);
    // Once the pool exists its fee was paid: the approval is no longer shown as a step.
    expect(done.steps.map((s) => s.id)).toEqual(['marketWrapper', 'settlementWrapper', 'pool']);
    expect(done.next).toBeUndefined();
  });
});
