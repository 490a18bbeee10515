/**
 * What a failed write tells the user (src/chain/errors/errors.ts), from errors as viem builds them: whether anything
 * was sent, in the app's own words, never the endpoint's. And how a sent transaction's wait meets faults
 * (src/chain/tx/receipts.ts) with a stand-in receipt source: only a receipt or a taken nonce ends it.
 */
import {
  ContractFunctionRevertedError,
  type Hash,
  HttpRequestError,
  NonceTooLowError,
  RpcRequestError,
  TransactionExecutionError,
  type TransactionReceipt,
  UserRejectedRequestError,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import { WrongChainEndpointError } from '../../src/chain/config/endpointChain.ts';
import { describeError, describeSendError, describeWatchTrouble } from '../../src/chain/errors/errors.ts';
import { type ReceiptSource, watchTransaction } from '../../src/chain/tx/receipts.ts';

const URL_ = 'http://rpc.example:8545/';
const HTML_500 = `<html><body>${'URGENT: withdraw at https://evil.example '.repeat(150)}</body></html>`;
const down = () => new HttpRequestError({ url: URL_, details: 'Failed to fetch', body: {} });
const html500 = () => new HttpRequestError({ url: URL_, status: 500, details: HTML_500, body: {} });
const limited = () =>
  new RpcRequestError({
    url: URL_,
    status: 429,
    body: {},
    error: { code: -32005, message: 'Too Many Requests' },
  });

describe('a failed write, told by when it failed', () => {
  it('before the wallet was asked: "not sent", naming the endpoint, never its words', () => {
    for (const error of [down(), html500(), limited()]) {
      const { kind, message } = describeSendError(error, 'prepare');
      expect(kind).toBe('unreachable');
      expect(message).toMatch(/^Not sent: the RPC endpoint rpc\.example:8545 .*Your wallet was not asked/);
      // One sentence per clause: no doubled period where the endpoint's own sentence used to end.
      expect(message).not.toMatch(/\.\./);
      expect(message).not.toMatch(/URGENT|evil|html/i);
      expect(message.length).toBeLessThan(200);
    }
    const wrong = new WrongChainEndpointError('rpc.example:8545', 42161, {
      id: 31337,
      name: 'Olympus devnet',
    });
    expect(describeSendError(wrong, 'prepare').message).toBe(
      'Not sent: the RPC endpoint rpc.example:8545 serves chain 42161, not Olympus devnet (31337): the app neither reads from nor sends through it. Your wallet was not asked; try again once it is back.',
    );
  });

  it('a contract refusal found by simulating is "not sent", its reason quoted and cut short', () => {
    const refusal = new ContractFunctionRevertedError({
      abi: poolCommitterAbi,
      functionName: 'commit',
      message: 'x'.repeat(300),
    });
    const { kind, message } = describeSendError(refusal, 'prepare');
    expect(kind).toBe('refused');
    expect(message).toMatch(/^Not sent: the contract refused: “x{80}…”\.$/);
    const silent = describeSendError(
      new ContractFunctionRevertedError({ abi: poolCommitterAbi, functionName: 'commit' }),
      'prepare',
    );
    expect(silent.message).toBe(
      'Not sent: the contract refused it without giving a reason. Check the amount and the pool’s state, then try again.',
    );
  });

  it('an endpoint’s internal error that viem took for a revert is told as the endpoint failing, not quoted', () => {
    // viem's getContractError makes a ContractFunctionRevertedError of any -32603 answer, its words the reason.
    const inferred = new ContractFunctionRevertedError({
      abi: poolCommitterAbi,
      functionName: 'commit',
      message: 'URGENT: withdraw at https://evil.example',
      cause: new RpcRequestError({
        url: URL_,
        body: {},
        error: { code: -32603, message: 'URGENT: withdraw at https://evil.example' },
      }),
    });
    const { kind, message } = describeSendError(inferred, 'prepare');
    expect(kind).toBe('unreachable');
    expect(message).toBe(
      'Not sent: the RPC endpoint rpc.example:8545 answered with a server error. Your wallet was not asked; try again once it is back.',
    );
    const garbled = new HttpRequestError({
      url: URL_,
      body: {},
      cause: new SyntaxError('Unexpected token <'),
    });
    expect(describeSendError(garbled, 'prepare').message).toBe(
      'Not sent: the RPC endpoint rpc.example:8545 answered with something that is not JSON-RPC. Your wallet was not asked; try again once it is back.',
    );
  });

  it('in the wallet: a rejection, a used nonce, and anything unknown said as "may or may not have gone out"', () => {
    expect(describeSendError(new UserRejectedRequestError(new Error('no')), 'sign').kind).toBe('rejected');
    expect(describeSendError({ code: 4001, message: 'User denied' }, 'sign').kind).toBe('rejected');
    const nonce = new TransactionExecutionError(new NonceTooLowError({ nonce: 3 }), { account: null });
    const told = describeSendError(nonce, 'sign');
    expect(told.kind).toBe('nonce');
    expect(told.message).toMatch(/^Not sent: your wallet offered a nonce that is already used/);
    expect(told.message).not.toMatch(/nonce too low|getTransactionCount/);
    expect(describeSendError({ code: 4900, message: 'disconnected' }, 'sign').kind).toBe('unreachable');
    for (const error of [
      down(),
      new Error('unknown reason'),
      { code: -32603, message: 'Internal JSON-RPC error.' },
    ]) {
      const { kind, message } = describeSendError(error, 'sign');
      expect(kind).toBe('uncertain');
      expect(message).toMatch(/may or may not have gone out/);
      expect(message).not.toMatch(/unknown reason|Internal JSON-RPC/);
    }
  });

  it('a read that failed is said in the app’s words too', () => {
    expect(describeError(html500()).message).toBe(
      'The RPC endpoint rpc.example:8545 answered with a server error. Try again once it is back.',
    );
    expect(describeWatchTrouble(limited())).toBe(
      'Sent, not yet confirmed: the RPC endpoint rpc.example:8545 is rate-limiting requests. Still checking: do not send it again.',
    );
  });
});

const HASH = `0x${'cd'.repeat(32)}` as Hash;
const FROM = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;
const receipt = (status: 'success' | 'reverted') => ({ status, transactionHash: HASH }) as TransactionReceipt;

describe('waiting for a sent transaction', () => {
  it('goes on through any number of failed reads and ends only with the receipt', async () => {
    const script: Array<Error | null | TransactionReceipt> = [
      down(),
      html500(),
      null,
      limited(),
      down(),
      receipt('reverted'),
    ];
    const troubles: unknown[] = [];
    const source: ReceiptSource = {
      async receipt() {
        const next = script.shift();
        if (next instanceof Error) throw next;
        return next ?? null;
      },
    };
    const fate = await watchTransaction(source, HASH, { pollMs: 1, onTrouble: (e) => troubles.push(e) });
    expect(fate).toEqual({ kind: 'mined', receipt: receipt('reverted') });
    // Told of each failure, and that reads answered again in between.
    expect(troubles.map((e) => (e === undefined ? 'back' : 'trouble'))).toEqual([
      'trouble',
      'trouble',
      'back',
      'trouble',
      'trouble',
    ]);
  });

  it('calls a transaction replaced once its nonce is mined with no receipt of its own', async () => {
    let mined = 7;
    const source: ReceiptSource = {
      receipt: async () => null,
      nonces: {
        sent: async () => ({ from: FROM, nonce: 7 }),
        mined: async () => {
          mined += 0.5;
          return Math.floor(mined);
        },
      },
    };
    expect(await watchTransaction(source, HASH, { pollMs: 1 })).toEqual({ kind: 'replaced' });
  });

  it('stops when told to, without a verdict', async () => {
    const controller = new AbortController();
    const source: ReceiptSource = { receipt: async () => null };
    const waiting = watchTransaction(source, HASH, { pollMs: 5, signal: controller.signal });
    controller.abort(new Error('page closed'));
    await expect(waiting).rejects.toThrow('page closed');
  });
});
