/**
 * The history indexer (indexer/, Ponder) as a child process: `ponder start` on embedded PGlite or on a
 * PostgreSQL given by URL, or `ponder serve` (a read-only replica of a schema another process writes). Used by
 * `npm start`, the tests and the benchmarks. Ponder's "ready" means its backfill reached the chain's head
 * minus a few blocks, not the head: `waitForBlock` asks `/status` for the block that matters.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { stopProcessGroup } from './node.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const PONDER = resolve(ROOT, 'node_modules/.bin/ponder');
const STOP_GRACE_MS = 5_000;
/** Where `npm start` serves the indexer (`INDEXER_PORT` moves it). */
export const DEFAULT_INDEXER_PORT = 42069;

export interface IndexerOptions {
  /** The devnet deployment file the indexer reads its chain from. */
  deploymentFile: string;
  port: number;
  /** The RPC the indexer reads; the deployment's own if absent. */
  rpcUrl?: string;
  /** A PostgreSQL URL; embedded PGlite in `pgliteDir` if absent. */
  databaseUrl?: string;
  /** PGlite's directory, wiped first: a devnet's chain is new at each start. */
  pgliteDir?: string;
  /** The database schema the indexer writes (Postgres: one per deployment of the indexer). */
  schema?: string;
  /** `serve`: answer from a schema written by another `start`, without indexing. */
  mode?: 'start' | 'serve';
  log?: (line: string) => void;
}

export interface RunningIndexer {
  url: string;
  /** The last block indexed, from `/status`; undefined while it has none or does not answer. */
  indexedBlock(): Promise<bigint | undefined>;
  /** Resolves once `/status` reaches `block`; rejects after `timeoutMs` or if the process ends. */
  waitForBlock(block: bigint, timeoutMs?: number): Promise<void>;
  /** Resolves once the HTTP server answers `/health`. */
  waitForHealth(timeoutMs?: number): Promise<void>;
  readonly process: ChildProcess;
  /** `performance.now()` when the process was spawned. */
  readonly startedAt: number;
  /** Resident memory of the process tree now and at its peak, in MiB (undefined once it has exited). */
  memory(): { rssMiB: number; peakMiB: number } | undefined;
  stop(): Promise<void>;
}

/** Pids of a process and all its descendants, from /proc (Linux only; empty elsewhere). */
function processTree(pid: number): number[] {
  const out = [pid];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      for (const child of children ? children.split(/\s+/) : []) out.push(...processTree(Number(child)));
    }
  } catch {
    // gone, or no /proc
  }
  return out;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    return Number(line?.match(/(\d+)/)?.[1] ?? 0);
  } catch {
    return 0;
  }
}

export function startIndexer({
  deploymentFile,
  port,
  rpcUrl,
  databaseUrl,
  pgliteDir,
  schema = 'devnet',
  mode = 'start',
  log,
}: IndexerOptions): RunningIndexer {
  if (!databaseUrl && pgliteDir) rmSync(pgliteDir, { recursive: true, force: true });
  const startedAt = performance.now();
  const child = spawn(
    PONDER,
    [
      mode,
      '--root',
      'indexer',
      '--schema',
      schema,
      '--port',
      String(port),
      '--log-level',
      log ? 'info' : 'warn',
    ],
    {
      cwd: ROOT,
      detached: true,
      stdio: ['ignore', log ? 'pipe' : 'ignore', 'pipe'],
      env: {
        ...process.env,
        PONDER_TELEMETRY_DISABLED: '1',
        INDEXER_DEPLOYMENT_FILE: deploymentFile,
        ...(rpcUrl ? { INDEXER_RPC_URL: rpcUrl } : {}),
        ...(pgliteDir ? { INDEXER_PGLITE_DIR: pgliteDir } : {}),
        ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
      },
    },
  );
  let stderr = '';
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4_000);
    log?.(b.toString().trimEnd());
  });
  if (log) child.stdout?.on('data', (b: Buffer) => log(b.toString().trimEnd()));
  const url = `http://127.0.0.1:${port}`;

  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const exitedWith = () =>
    new Error(`the indexer exited (${child.exitCode ?? child.signalCode}): ${stderr.trim()}`);

  async function indexedBlock(): Promise<bigint | undefined> {
    try {
      const res = await fetch(`${url}/status`, { signal: AbortSignal.timeout(2_000) });
      if (!res.ok) return undefined;
      const status = (await res.json()) as Record<string, { block?: { number?: number } }>;
      const numbers = Object.values(status).flatMap((chain) => chain.block?.number ?? []);
      return numbers.length ? BigInt(Math.min(...numbers)) : undefined;
    } catch {
      return undefined;
    }
  }

  async function until(check: () => Promise<boolean>, timeoutMs: number, what: string) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (gone()) throw exitedWith();
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the indexer did not ${what} within ${timeoutMs} ms`);
  }

  return {
    url,
    process: child,
    startedAt,
    memory() {
      if (child.pid === undefined || gone()) return undefined;
      const tree = processTree(child.pid);
      const mib = (field: 'VmRSS' | 'VmHWM') => tree.reduce((sum, p) => sum + statusKb(p, field), 0) / 1024;
      return { rssMiB: mib('VmRSS'), peakMiB: mib('VmHWM') };
    },
    indexedBlock,
    waitForBlock: (block, timeoutMs = 180_000) =>
      until(async () => ((await indexedBlock()) ?? -1n) >= block, timeoutMs, `reach block ${block}`),
    waitForHealth: (timeoutMs = 120_000) =>
      until(
        async () => {
          try {
            return (await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) })).ok;
          } catch {
            return false;
          }
        },
        timeoutMs,
        'answer /health',
      ),
    stop: () => stopProcessGroup(child, STOP_GRACE_MS),
  };
}
