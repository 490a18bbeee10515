/**
 * The local JSON-RPC node: anvil, from the `@foundry-rs/anvil` npm package (the real binary, no download).
 * Chosen over a Hardhat 2 node because it starts in ~0.1 s instead of ~5 s, which keeps every chain test
 * and the e2e suite starting a fresh node of its own; it has the same dev accounts and `evm_*` methods.
 *
 * The binary is spawned directly (not through `npx`) in its own process group, so stopping it kills the
 * real node and never leaves a stale chain on the port.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { DEV_MNEMONIC, DEVNET_CHAIN_ID, NODE } from '../config.ts';

/** How long a starting anvil may take to answer, and how often it is asked meanwhile. */
const START_TIMEOUT_MS = 15_000;
const START_PROBE_MS = 50;
/** How long a stopping anvil gets after SIGTERM before SIGKILL. */
const STOP_GRACE_MS = 2000;

export interface RunningNode {
  rpcUrl: string;
  port: number;
  stop(): Promise<void>;
}

const require = createRequire(import.meta.url);

/** The binary of the platform's anvil package, found where that package's `bin` field says it is. */
export function anvilBinary(): string {
  const platform = `${process.platform === 'win32' ? 'win32' : process.platform}-${process.arch === 'x64' ? 'amd64' : process.arch}`;
  const pkg = require.resolve(`@foundry-rs/anvil-${platform}/package.json`);
  const declared = (require(pkg) as { bin?: { anvil?: string } }).bin?.anvil;
  if (!declared) throw new Error(`@foundry-rs/anvil-${platform} declares no anvil binary`);
  const bin = join(dirname(pkg), declared);
  if (!existsSync(bin)) throw new Error(`anvil binary missing at ${bin}: run npm ci`);
  return bin;
}

/** Resolves whether something already listens on 127.0.0.1:port. */
export function isPortTaken(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(true));
    server.once('listening', () => server.close(() => resolve(false)));
    server.listen(port, '127.0.0.1');
  });
}

/** A port the OS says is free right now (for tests that run their own node). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForRpc(rpcUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  while (Date.now() < deadline) {
    if (exited) throw new Error('anvil exited before it answered');
    try {
      const res = await fetch(rpcUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
      });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, START_PROBE_MS));
  }
  throw new Error(`anvil did not answer on ${rpcUrl} within ${timeoutMs} ms`);
}

export interface StartNodeOptions {
  port: number;
  /** Where anvil's own output goes; defaults to ignored. */
  log?: (line: string) => void;
  /** Number of the genesis block: a chain with a long history without mining it (anvil's `--number`). */
  firstBlock?: bigint;
  /** Unix seconds of the genesis block; later blocks follow the wall clock from there. */
  genesisTimestamp?: number;
  /** Mine a block every this many seconds (fractions allowed) instead of one per transaction. */
  blockTimeSeconds?: number;
  /** A state file written by `anvil_dumpState`: the chain, its blocks and receipts, as they were. */
  loadStateFile?: string;
  /**
   * Keep no state of past blocks (anvil's `--prune-history`): with a block every 250 ms, keeping every state
   * grows the node by about 9 MB a second; its numbered form (keep N) did not bound that here.
   */
  pruneHistory?: boolean;
}

export async function startNode({
  port,
  log,
  firstBlock,
  genesisTimestamp,
  blockTimeSeconds,
  loadStateFile,
  pruneHistory = false,
}: StartNodeOptions): Promise<RunningNode> {
  if (await isPortTaken(port)) {
    throw new PortTakenError(port);
  }
  const child = spawn(
    anvilBinary(),
    [
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--chain-id',
      String(DEVNET_CHAIN_ID),
      '--mnemonic',
      DEV_MNEMONIC,
      '--accounts',
      String(NODE.accounts),
      '--balance',
      String(NODE.etherPerAccount),
      '--gas-limit',
      String(NODE.blockGasLimit),
      '--silent',
      ...(firstBlock === undefined ? [] : ['--number', firstBlock.toString()]),
      ...(genesisTimestamp === undefined ? [] : ['--timestamp', String(genesisTimestamp)]),
      ...(blockTimeSeconds === undefined ? [] : ['--block-time', String(blockTimeSeconds)]),
      ...(loadStateFile === undefined ? [] : ['--load-state', loadStateFile]),
      ...(pruneHistory ? ['--prune-history'] : []),
    ],
    { detached: true, stdio: ['ignore', log ? 'pipe' : 'ignore', log ? 'pipe' : 'ignore'] },
  );
  if (log) {
    child.stdout?.on('data', (b: Buffer) => log(b.toString().trimEnd()));
    child.stderr?.on('data', (b: Buffer) => log(b.toString().trimEnd()));
  }
  const rpcUrl = `http://127.0.0.1:${port}`;
  const stop = () => stopProcessGroup(child, STOP_GRACE_MS);
  try {
    await waitForRpc(rpcUrl, child, START_TIMEOUT_MS);
  } catch (error) {
    await stop();
    throw error;
  }
  return { rpcUrl, port, stop };
}

/**
 * Stops a child spawned `detached` (its own process group) and everything it started: SIGTERM to the group,
 * SIGKILL after `graceMs` if it has not exited by then.
 */
export async function stopProcessGroup(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, graceMs);
  await exited;
  clearTimeout(timer);
}

export class PortTakenError extends Error {
  constructor(
    readonly port: number,
    setting = 'DEVNET_PORT',
  ) {
    super(
      `Port ${port} is already in use on 127.0.0.1. Stop whatever listens there (perhaps an earlier devnet), ` +
        `or choose another port with ${setting}=${port + 1} npm start.`,
    );
    this.name = 'PortTakenError';
  }
}
