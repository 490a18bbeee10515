/**
 * The keeper's pure parts, without a chain: the command line and the key, the profitability arithmetic, the
 * packing of AutoClaim's multi-claim arguments, the JSON line, and the send path's nonce rules (a 429 is sent
 * again with the same nonce; any other failure makes the keeper read its nonce again).
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Address, HttpRequestError, type PublicClient, parseEther, type WalletClient } from 'viem';
import { describe, expect, it } from 'vitest';
import { poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import { keyFromEnv, parseKeeperArgs, UsageError } from '../../keeper/lib/args.ts';
import { packAddresses } from '../../keeper/lib/claims.ts';
import type { KeeperContext } from '../../keeper/lib/context.ts';
import { toJsonLine } from '../../keeper/lib/log.ts';
import { nonceManager } from '../../keeper/lib/nonce.ts';
import { covers, predictUpkeepReward, settlementToWei, splitGas } from '../../keeper/lib/profit.ts';
import { rpcUrlProblem } from '../../keeper/lib/rpc.ts';
import { contractCall, sendAndWait } from '../../keeper/lib/send.ts';

const A = '0x00000000000000000000000000000000000000a1';
const B = '0x00000000000000000000000000000000000000b2';
const base = ['--rpc', 'https://arb1.example.org', '--factory', A, '--treasury', B, '--feed', A];

describe('the command line', () => {
  it('reads every flag, repeated ones included, and checksums addresses', () => {
    const args = parseKeeperArgs([
      ...base,
      '--rpc',
      'wss://ws.example.org',
      '--feed',
      B,
      '--always',
      '--interval-ms',
      '500',
    ]);
    expect(args.rpcUrls).toEqual(['https://arb1.example.org', 'wss://ws.example.org']);
    expect(args.feeds).toHaveLength(2);
    expect(args.factory).toBe('0x00000000000000000000000000000000000000A1');
    expect(args.always).toBe(true);
    expect(args.intervalMs).toBe(500);
    expect(args.governance).toBeUndefined();
  });

  it.each([
    [['--key', '0xabc', ...base], /no key on the command line/],
    [['--private-key=0xabc', ...base], /no key on the command line/],
    [base.slice(2), /^--rpc is required/],
    [['--rpc', 'localhost:8545', ...base.slice(2)], /is not an http\(s\):\/\/ or ws\(s\):\/\/ URL/],
    [['--rpc', 'not a url', ...base.slice(2)], /is not a URL/],
    [[...base.slice(0, 2), ...base.slice(4)], /^--factory is required/],
    [[...base, '--governance', '0xnope'], /^--governance must be an address/],
    [[...base, '--interval-ms', '5'], /^--interval-ms must be/],
    [[...base, '--frobnicate'], /Unknown option '--frobnicate'.*--help/],
  ])('refuses %j in one sentence', (argv, sentence) => {
    expect(() => parseKeeperArgs(argv)).toThrow(UsageError);
    expect(() => parseKeeperArgs(argv)).toThrow(sentence);
  });

  it('takes the key from KEEPER_PRIVATE_KEY only, with or without 0x, and never repeats it', () => {
    const key = 'ab'.repeat(32);
    expect(keyFromEnv({ KEEPER_PRIVATE_KEY: key })).toBe(`0x${key}`);
    expect(keyFromEnv({ KEEPER_PRIVATE_KEY: ` 0x${key}\n` })).toBe(`0x${key}`);
    expect(() => keyFromEnv({})).toThrow(/KEEPER_PRIVATE_KEY is not set/);
    expect(() => keyFromEnv({ KEEPER_PRIVATE_KEY: 'secret-but-wrong' })).toThrow(
      /^KEEPER_PRIVATE_KEY is not a private key/,
    );
    expect(() => keyFromEnv({ KEEPER_PRIVATE_KEY: 'secret-but-wrong' })).not.toThrow(/secret/);
  });

  it('accepts http, https, ws and wss endpoints only', () => {
    for (const url of ['http://127.0.0.1:8545', 'https://x.org/v2/key', 'ws://a:1', 'wss://b.org'])
      expect(rpcUrlProblem(url)).toBeUndefined();
    expect(rpcUrlProblem('ipc:///tmp/geth.ipc')).toMatch(/is not an http/);
  });
});

describe('profitability (docs/protocol.md §2.4)', () => {
  it('values a settlement amount in wei at the settlement/ETH price', () => {
    // 151.7857 OHM per ETH: 151.7857 OHM (9 decimals) is one ether.
    expect(settlementToWei(151_785_700_000n, 9, 151_785_700_000_000_000_000n)).toBe(parseEther('1'));
    expect(settlementToWei(1n, 18, 0n)).toBe(0n);
    expect(settlementToWei(1n, 18, -5n)).toBe(0n);
  });

  it('predicts TV11 from the gas share: the share less the fixed overhead is the gas PoolKeeper measures', () => {
    // TV11: 2 gwei, 250,000 gas spent, 1500 USDC per ETH, 26 s late: 1,139,172 units (6 decimals).
    const prediction = predictUpkeepReward({
      keeperGasPrice: 2_000_000_000n,
      gasShare: 250_000n + 80_195n,
      settlementPerEthWad: 1500n * 10n ** 18n,
      lastPriceTimestamp: 1000n,
      updateInterval: 3600n,
      now: 1000n + 3600n + 26n,
      decimals: 6,
      longBalance: 1200n * 10n ** 6n,
      shortBalance: 800n * 10n ** 6n,
    });
    expect(prediction.reward).toBe(1_139_172n);
    expect(prediction.tipPercent).toBe(15n);
  });

  it('predicts nothing when the pool cannot pay or the price is negative', () => {
    const input = {
      keeperGasPrice: 2_000_000_000n,
      gasShare: 330_195n,
      settlementPerEthWad: 1500n * 10n ** 18n,
      lastPriceTimestamp: 0n,
      updateInterval: 60n,
      now: 61n,
      decimals: 6,
      longBalance: 1n,
      shortBalance: 1n,
    };
    expect(predictUpkeepReward(input).rewardWei).toBe(0n);
    expect(predictUpkeepReward({ ...input, longBalance: 10n ** 12n, settlementPerEthWad: -1n }).reward).toBe(
      0n,
    );
  });

  it('splits the gas by what each part costs alone, and compares reward with cost', () => {
    expect(splitGas(1000n, [100n, 300n])).toEqual([250n, 750n]);
    expect(splitGas(1001n, [1n, 1n, 1n])).toEqual([335n, 333n, 333n]);
    expect(splitGas(10n, [0n, 0n])).toEqual([5n, 5n]);
    expect(covers(100n, 10n, 10n)).toBe(true);
    expect(covers(99n, 10n, 10n)).toBe(false);
  });
});

describe('claims and the log', () => {
  it('packs addresses 20 bytes each, as L2Encoder does', () => {
    expect(packAddresses([A, B])).toBe(`0x${A.slice(2)}${B.slice(2)}`);
  });

  it('writes one JSON line with bigints as decimal strings', () => {
    const line = toJsonLine({ action: 'upkeep', gasUsed: 2n ** 70n }, new Date(0));
    expect(line).toBe(
      '{"time":"1970-01-01T00:00:00.000Z","action":"upkeep","gasUsed":"1180591620717411303424"}',
    );
  });
});

describe('sending', () => {
  const account: Address = A;
  const call = contractCall({
    address: B,
    abi: poolKeeperAbi,
    functionName: 'performUpkeepSinglePool',
    args: [A],
  });

  /** A context whose wallet answers with `answers` in turn and whose chain's pending nonce is 7. */
  function fake(answers: Array<'429' | 'fail' | 'ok'>) {
    const sent: number[] = [];
    const client = {
      getTransactionCount: async () => 7,
      getTransactionReceipt: async () => ({ status: 'success', transactionHash: '0x01', gasUsed: 1n }),
    } as unknown as PublicClient;
    const wallet = {
      writeContract: async ({ nonce }: { nonce: number }) => {
        sent.push(nonce);
        const answer = answers.shift();
        if (answer === '429')
          throw new HttpRequestError({
            url: 'https://x',
            status: 429,
            headers: new Headers({ 'retry-after': '0' }),
          });
        if (answer === 'fail') throw new Error('nonce too low');
        return '0x01';
      },
    } as unknown as WalletClient;
    const ctx = {
      client,
      wallet,
      account,
      nonces: nonceManager(client, account),
      receiptTimeoutMs: 1000,
    } as unknown as KeeperContext;
    return { ctx, sent };
  }

  it('sends a rate-limited transaction again with the same nonce, then counts up', async () => {
    const { ctx, sent } = fake(['429', '429', 'ok', 'ok']);
    await sendAndWait(ctx, call, 100_000n);
    await sendAndWait(ctx, call, 100_000n);
    expect(sent).toEqual([7, 7, 7, 8]);
  });

  it('forgets its nonce after any other failure, so the next send reads it from the chain', async () => {
    const { ctx, sent } = fake(['ok', 'fail', 'ok']);
    await sendAndWait(ctx, call, 100_000n);
    expect(ctx.nonces.current).toBe(8);
    await expect(sendAndWait(ctx, call, 100_000n)).rejects.toThrow(/nonce too low/);
    expect(ctx.nonces.current).toBeUndefined();
    await sendAndWait(ctx, call, 100_000n);
    expect(sent).toEqual([7, 8, 7]);
  });
});

describe('what the keeper loads', () => {
  it('never reaches a browser-only module (one that reads import.meta.env)', () => {
    const seen = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Value imports only: a type import is erased and loads nothing.
      for (const [, from] of text.matchAll(/^(?:import|export)\s+(?!type\b)[^'"]*?from\s+'(\.[^']+)'/gm))
        visit(resolve(dirname(file), from!.endsWith('.ts') ? from! : `${from}.ts`));
    };
    visit(resolve(import.meta.dirname, '../../keeper/cli.ts'));
    expect(seen.size).toBeGreaterThan(10);
    const browserOnly = [...seen].filter((file) => readFileSync(file, 'utf8').includes('import.meta.env'));
    expect(browserOnly).toEqual([]);
  });
});
