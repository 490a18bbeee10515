/**
 * How a contract write is handed to wagmi (src/chain/react/submissions.ts): the request as the caller typed
 * it is simulated, priced with headroom from the calldata it encodes, and what the simulation returned is
 * what the wallet is asked to send. wagmi's actions are replaced here: this is the handover, not the chain.
 */
import { encodeFunctionData, erc20Abi } from 'viem';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Config } from 'wagmi';
import { contractSubmission, type WriteRequest } from '../../src/chain/react/submissions.ts';

const actions = vi.hoisted(() => ({
  simulateContract: vi.fn(),
  estimateGas: vi.fn(),
  writeContract: vi.fn(),
}));
vi.mock('wagmi/actions', () => actions);

const ACCOUNT = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;
const TOKEN = '0x0000000000000000000000000000000000000a1a' as const;
const SPENDER = '0x0000000000000000000000000000000000000002' as const;
const config = {} as Config;

afterEach(() => {
  vi.clearAllMocks();
});

describe('a contract write handed to wagmi', () => {
  it('sends what the simulation returned, with the gas estimate and its headroom', async () => {
    const request: WriteRequest<typeof erc20Abi, 'approve'> = {
      address: TOKEN,
      abi: erc20Abi,
      functionName: 'approve',
      args: [SPENDER, 5n],
      chainId: 31337,
    };
    const simulated = { ...request, account: ACCOUNT };
    actions.simulateContract.mockResolvedValue({ request: simulated, result: true });
    actions.estimateGas.mockResolvedValue(40_000n);
    actions.writeContract.mockResolvedValue(`0x${'ab'.repeat(32)}`);

    const submission = contractSubmission(request);
    const prepared = await submission.prepare(config, ACCOUNT);
    expect(actions.simulateContract).toHaveBeenCalledWith(config, request);
    expect(actions.estimateGas).toHaveBeenCalledWith(config, {
      to: TOKEN,
      data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [SPENDER, 5n] }),
      chainId: 31337,
      account: ACCOUNT,
    });
    expect(prepared).toEqual({ ...simulated, gas: 50_000n });

    expect(await submission.sign(config, prepared)).toBe(`0x${'ab'.repeat(32)}`);
    expect(actions.writeContract).toHaveBeenCalledWith(config, { ...simulated, gas: 50_000n });
  });

  it("still checks a caller's function name and arguments against the ABI", () => {
    expectTypeOf<WriteRequest<typeof erc20Abi, 'approve'>['args']>().toEqualTypeOf<
      readonly [`0x${string}`, bigint]
    >();
    // @ts-expect-error: erc20Abi has no `mint`.
    const wrong: WriteRequest<typeof erc20Abi, 'mint'> | undefined = undefined;
    expect(wrong).toBeUndefined();
  });
});
