/**
 * The batch layout of a pools read, without a node: the calls that go into the one multicall, their targets and
 * their order, as a fake Multicall3 receives them (every call answered as failed, so nothing is decoded).
 */
import {
  type AbiFunction,
  createPublicClient,
  custom,
  decodeFunctionData,
  encodeFunctionResult,
  type Hex,
  multicall3Abi,
  type PublicClient,
  toFunctionSelector,
} from 'viem';
import { describe, expect, it } from 'vitest';
import * as abis from '../../contracts-abi/generated/index.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { ReadBatch } from '../../src/chain/pools/batch.ts';
import { commitWindow, layoutPoolsRead } from '../../src/chain/pools/poolReadLayout.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';

const functionNames = new Map<string, string>();
for (const abi of Object.values(abis) as unknown as AbiFunction[][])
  for (const item of abi)
    if (item.type === 'function') functionNames.set(toFunctionSelector(item), item.name);
functionNames.set(toFunctionSelector('function getBlockNumber()'), 'getBlockNumber');
functionNames.set(toFunctionSelector('function getCurrentBlockTimestamp()'), 'getCurrentBlockTimestamp');

/** A client whose Multicall3 records each call as `name@target` and answers it as failed. */
function recordingClient(calls: string[]): PublicClient {
  return createPublicClient({
    transport: custom({
      async request({ method, params }) {
        if (method === 'eth_chainId') return '0x1';
        const { args } = decodeFunctionData({
          abi: multicall3Abi,
          data: (params as [{ data: Hex }])[0].data,
        });
        for (const { target, callData } of args[0] as readonly { target: string; callData: Hex }[])
          calls.push(`${functionNames.get(callData.slice(0, 10))}@${target.toLowerCase()}`);
        return encodeFunctionResult({
          abi: multicall3Abi,
          functionName: 'aggregate3',
          result: (args[0] as readonly unknown[]).map(() => ({ success: false, returnData: '0x' as Hex })),
        });
      },
    }),
  }) as unknown as PublicClient;
}

const at = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as const;
const info = {
  address: at(1),
  committer: at(2),
  longToken: at(3),
  shortToken: at(4),
  collateral: { address: at(5) },
  keeper: at(6),
  settlementEthOracle: at(7),
  trust: { marketFeed: at(9) },
  updateIntervalSeconds: 60,
  frontRunningIntervalSeconds: 10,
} as PoolInfo;
const deployment = {
  multicall3: at(10),
  factory: at(11),
  usdOracles: { gOHM: at(12) },
} as unknown as ChainDeployment;

describe('pools read layout', () => {
  it('puts the clock, the pool count and the USD feeds first, then per pool the user’s calls and the pool’s', async () => {
    const user = at(20);
    const batch = new ReadBatch();
    layoutPoolsRead(batch, deployment, [info], {
      user,
      hints: new Map([[info.committer, 7n]]),
      extraIntervals: 1,
    });
    const calls: string[] = [];
    await batch.run(recordingClient(calls), { multicall3: deployment.multicall3 });

    const ids = commitWindow(info) + 1; // ceil(10 / 60) + 2, and one extra
    expect(ids).toBe(4);
    const on = (address: string, ...names: string[]) => names.map((name) => `${name}@${address}`);
    expect(calls).toEqual([
      ...on(at(10), 'getBlockNumber', 'getCurrentBlockTimestamp'),
      ...on(at(11), 'numPools'),
      ...on(at(12), 'getPrice'),
      ...on(at(3), 'balanceOf'),
      ...on(at(4), 'balanceOf'),
      ...on(at(5), 'balanceOf', 'allowance'),
      ...on(at(2), 'getAggregateBalance', ...Array(ids).fill('userCommitments')),
      ...on(
        at(1),
        'longBalance',
        'shortBalance',
        'getFee',
        'lastPriceTimestamp',
        'getOraclePrice',
        'paused',
        'primaryFees',
        'secondaryFees',
        'secondaryFeeSplitPercent',
        'feeAddress',
        'secondaryFeeAddress',
      ),
      ...on(at(3), 'totalSupply', 'balanceOf'),
      ...on(at(4), 'balanceOf', 'totalSupply'),
      ...on(
        at(2),
        'updateIntervalId',
        'pendingLongBurnPoolTokens',
        'pendingShortBurnPoolTokens',
        'getMintingFee',
        'getBurningFee',
        'changeInterval',
        ...Array(ids).fill('totalPoolCommitments'),
      ),
      ...on(at(6), 'executionPrice', 'isUpkeepRequiredSinglePool'),
      // The pool's health (docs/protocol.md, "Pool health"): its feed, the settlement/ETH price, and the invariant's inputs.
      ...on(at(9), 'latestRoundData'),
      ...on(at(7), 'getPrice'),
      ...on(at(5), 'balanceOf'),
      ...on(at(2), 'pendingMintSettlementAmount'),
      // Once per keeper, after every pool.
      ...on(at(6), 'gasPrice'),
    ]);
    expect(batch.size).toBe(calls.length);
  });

  it('leaves the user’s calls out without a user, reads the deployment’s keeper’s price, and the pool’s keeper once', async () => {
    const batch = new ReadBatch();
    const keeper = at(30);
    layoutPoolsRead(batch, { ...deployment, usdOracles: {}, keeper }, [info, { ...info, committer: at(8) }], {
      user: undefined,
      hints: new Map(),
      extraIntervals: 0,
    });
    const calls: string[] = [];
    await batch.run(recordingClient(calls), { multicall3: deployment.multicall3 });
    expect(calls.slice(0, 3)).toEqual([
      `getBlockNumber@${at(10)}`,
      `getCurrentBlockTimestamp@${at(10)}`,
      `numPools@${at(11)}`,
    ]);
    const perPool = 27 + commitWindow(info); // 27 calls, and one per interval id read
    expect(calls).toHaveLength(3 + 2 * perPool + 1);
    expect(calls.filter((c) => c.startsWith('executionPrice'))).toEqual([
      `executionPrice@${keeper}`,
      `executionPrice@${keeper}`,
    ]);
    expect(calls.some((c) => /^(allowance|getAggregateBalance|userCommitments)@/.test(c))).toBe(false);
    // Whether an upkeep is due, and its gas price, come from the pool's own keeper: the one that can upkeep it.
    expect(calls.filter((c) => /^(isUpkeepRequiredSinglePool|gasPrice)@/.test(c))).toEqual([
      `isUpkeepRequiredSinglePool@${at(6)}`,
      `isUpkeepRequiredSinglePool@${at(6)}`,
      `gasPrice@${at(6)}`,
    ]);
  });
});
