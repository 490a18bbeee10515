/**
 * `npm run keeper` as an operator meets it: `npx tsx keeper/cli.ts` in a child process. What it refuses to start
 * with (no key, a key on the command line, a URL it cannot use, an endpoint that never answers, a malformed
 * address, a missing flag) is one sentence on stderr and a non-zero exit. Started properly against a devnet, it
 * upkeeps the pools (checked on the chain), writes one JSON line per action, and on SIGINT logs `stop` and
 * exits 0.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../devnet/lib/node.ts';
import {
  KEEPER_KEY,
  lastPriceTimestamps,
  passIntervals,
  startSeededChain,
  type TestChain,
  until,
} from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let chain: TestChain;
const children: ChildProcess[] = [];

beforeAll(async () => {
  chain = await startSeededChain();
});
afterAll(async () => {
  // Each CLI runs in its own process group (npx, tsx and node): a run left over is ended whole.
  for (const child of children)
    if (child.exitCode === null && child.pid)
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
  await chain?.node.stop();
});

interface Run {
  child: ChildProcess;
  lines: Record<string, unknown>[];
  stderr: () => string;
  exit: Promise<number | null>;
}

function keeper(args: readonly string[], key: string | undefined = KEEPER_KEY): Run {
  const env = { ...process.env };
  delete env.KEEPER_PRIVATE_KEY;
  if (key !== undefined) env.KEEPER_PRIVATE_KEY = key;
  const child = spawn('npx', ['tsx', 'keeper/cli.ts', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
    const complete = stdout.split('\n');
    stdout = complete.pop() ?? '';
    for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, lines, stderr: () => stderr.trim(), exit };
}

const flags = () => [
  '--rpc',
  chain.node.rpcUrl,
  '--factory',
  chain.deployment.contracts.factory,
  '--treasury',
  chain.deployment.roles.treasury,
  ...chain.deployment.feeds.flatMap((f) => ['--feed', f.feed]),
];

/** Runs the CLI to its exit; expects a non-zero code and one sentence on stderr matching `sentence`. */
async function refuses(args: readonly string[], sentence: RegExp, key?: string | undefined, code = 2) {
  const run = keeper(args, key);
  expect(await run.exit).toBe(code);
  expect(run.stderr()).toMatch(sentence);
  expect(run.stderr().split('\n')).toHaveLength(1);
  expect(run.lines).toEqual([]);
}

describe('npm run keeper', () => {
  it('refuses to start without KEEPER_PRIVATE_KEY', async () => {
    await refuses(flags(), /^KEEPER_PRIVATE_KEY is not set: /, '');
  });

  it('refuses a key given on the command line, saying why', async () => {
    await refuses([...flags(), '--private-key', KEEPER_KEY], /no key on the command line.*process list/);
  });

  it('refuses an RPC URL that is not http(s) or ws(s)', async () => {
    await refuses(
      ['--rpc', 'ftp://127.0.0.1:8545', ...flags().slice(2)],
      /^--rpc "ftp:\/\/127\.0\.0\.1:8545" is not/,
    );
  });

  it('refuses a malformed address and a missing flag', async () => {
    await refuses(
      [...flags().slice(0, 2), '--factory', '0x1234', ...flags().slice(4)],
      /^--factory must be an address/,
    );
    await refuses(flags().slice(0, 6), /^--feed is required/);
  });

  it('gives up when no endpoint answers eth_chainId', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    await refuses(
      ['--rpc', closed, ...flags().slice(2)],
      /^No RPC endpoint answered eth_chainId/,
      KEEPER_KEY,
      1,
    );
  });

  it('upkeeps the pools, logs one JSON line per action, and stops cleanly on SIGINT', async () => {
    const run = keeper([...flags(), '--always', '--interval-ms', '200']);
    await until(async () => run.lines.some((l) => l.action === 'start'), 60_000, 'the start line');
    const start = run.lines.find((l) => l.action === 'start')!;
    expect(String(start.factory).toLowerCase()).toBe(chain.deployment.contracts.factory.toLowerCase());
    expect(String(start.account).toLowerCase()).toBe(chain.deployment.roles.keeper.toLowerCase());

    const before = await lastPriceTimestamps(chain);
    await passIntervals(chain);
    await until(
      async () => (await lastPriceTimestamps(chain)).every((t, i) => t > before[i]!),
      30_000,
      'an upkeep',
    );
    await until(async () => run.lines.some((l) => l.action === 'upkeep'), 10_000, 'the upkeep line');
    const upkeep = run.lines.find((l) => l.action === 'upkeep')!;
    const receipt = await chain.clients.public.getTransactionReceipt({ hash: upkeep.tx as `0x${string}` });
    expect(receipt.status).toBe('success');
    expect(receipt.from.toLowerCase()).toBe(chain.deployment.roles.keeper.toLowerCase());
    expect(upkeep.gasUsed).toBe(receipt.gasUsed.toString());

    // The keeper's own process, not npx's, as a process manager or Ctrl-C would reach it.
    process.kill(start.pid as number, 'SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.lines.at(-1)?.action).toBe('stop');
    for (const line of run.lines) expect(typeof line.time).toBe('string');
    expect(run.stderr()).toBe('');
  });
});
