import { readFileSync } from 'node:fs';
import { type AbiFunction, type AbiParameter, createPublicClient, http, multicall3Abi, parseAbi } from 'viem';
import { multicall } from 'viem/actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLE_INDEX } from '../../devnet/config.ts';
import { devAccount } from '../../devnet/lib/accounts.ts';
import { type DevnetClients, devnetChain, devnetClients } from '../../devnet/lib/clients.ts';
import { installMulticall3, MULTICALL3_ADDRESS } from '../../devnet/lib/multicall3.ts';
import { freePort, type RunningNode, startNode } from '../../devnet/lib/node.ts';
import {
  ARTIFACT_FILE,
  type CompiledMulticall,
  compileMulticall,
  renderArtifact,
} from '../../devnet/multicall/compile.ts';

/**
 * What the app and viem call on Multicall3: viem's own ABI of it (multicall, batched eth_calls, balances) and
 * the two clock reads src/chain/pools/poolReader.ts adds to its batch.
 */
const CALLED_ABI = [
  ...multicall3Abi,
  ...parseAbi([
    'function getBlockNumber() view returns (uint256 blockNumber)',
    'function getCurrentBlockTimestamp() view returns (uint256 timestamp)',
  ]),
];
const batcher = { address: MULTICALL3_ADDRESS, abi: CALLED_ABI } as const;
// No such function on the batcher: a call that reverts.
const missing = { address: MULTICALL3_ADDRESS, abi: parseAbi(['function missing() view returns (uint256)']) };
const USER = devAccount(ROLE_INDEX.firstUser).address;

/** A function as the ABI encoding sees it: name, input types and output types, parameter names left out. */
const typeOf = (p: AbiParameter): string =>
  'components' in p && p.components ? `(${p.components.map(typeOf).join(',')})${p.type.slice(5)}` : p.type;
const shapeOf = (f: AbiFunction) =>
  `${f.name}(${f.inputs.map(typeOf).join(',')}) returns (${f.outputs.map(typeOf).join(',')})`;

describe('devnet multicall', () => {
  let compiled: CompiledMulticall;
  beforeAll(() => {
    compiled = compileMulticall();
  });

  it('is committed as solc compiles it from the source today (run `npx tsx devnet/multicall/compile.ts`)', () => {
    expect(readFileSync(ARTIFACT_FILE, 'utf8')).toBe(renderArtifact(compiled));
  });

  it('has exactly the Multicall3 functions the app and viem call, with their signatures', () => {
    const ours = compiled.abi.filter((item) => item.type === 'function').map(shapeOf);
    const called = new Set(CALLED_ABI.filter((item) => item.type === 'function').map(shapeOf));
    expect(ours.sort()).toEqual([...called].sort());
  });

  describe('on the node', () => {
    let node: RunningNode;
    let clients: DevnetClients;

    beforeAll(async () => {
      node = await startNode({ port: await freePort() });
      clients = devnetClients(node.rpcUrl);
      await installMulticall3(clients);
      // anvil runs calls at the genesis block with a timestamp of 1: read at a mined block, as the app does.
      await clients.test.mine({ blocks: 1 });
    });

    afterAll(async () => {
      await node?.stop();
    });

    it('reads block, clock and balance in one batch, and reports a reverted call without failing the rest', async () => {
      const block = await clients.public.getBlock();
      const [number, timestamp, balance, reverted] = await multicall(clients.public, {
        contracts: [
          { ...batcher, functionName: 'getBlockNumber' },
          { ...batcher, functionName: 'getCurrentBlockTimestamp' },
          { ...batcher, functionName: 'getEthBalance', args: [USER] },
          { ...missing, functionName: 'missing' },
        ],
        allowFailure: true,
        multicallAddress: MULTICALL3_ADDRESS,
        blockNumber: block.number,
      });
      expect(number).toEqual({ status: 'success', result: block.number });
      expect(timestamp).toEqual({ status: 'success', result: block.timestamp });
      expect(balance).toEqual({
        status: 'success',
        result: await clients.public.getBalance({ address: USER }),
      });
      expect(reverted?.status).toBe('failure');
    });

    it('fails the whole batch when a call that may not fail reverts', async () => {
      const read = multicall(clients.public, {
        contracts: [
          { ...batcher, functionName: 'getBlockNumber' },
          { ...missing, functionName: 'missing' },
        ],
        allowFailure: false,
        multicallAddress: MULTICALL3_ADDRESS,
      });
      await expect(read).rejects.toThrow();
    });

    it("serves viem's own batching: eth_calls and balances of a multicall client go through it", async () => {
      const batching = createPublicClient({
        chain: devnetChain(node.rpcUrl, MULTICALL3_ADDRESS),
        transport: http(node.rpcUrl),
        batch: { multicall: true },
      });
      const [number, balance] = await Promise.all([
        batching.readContract({ ...batcher, functionName: 'getBlockNumber' }),
        batching.getBalance({ address: USER }),
      ]);
      expect(number).toBe(await clients.public.getBlockNumber({ cacheTime: 0 }));
      expect(balance).toBe(await clients.public.getBalance({ address: USER }));
    });
  });
});
