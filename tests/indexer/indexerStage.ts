/**
 * The shared stage of the indexer tests: a devnet under the Arbitrum profile (a long, sparse history, a block
 * every 250 ms, reached only through the provider-like proxy), its deployment written to a file, and helpers
 * that start the history indexer on it: `ponder start` on PGlite or on a PostgreSQL schema, and a
 * `ponder serve` replica of a schema. Every step is timed and printed as `indexer stage: <step> <s> s`.
 * Nothing here depends on the chain's first block number: heads are read from the chain.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type RunningIndexer, startIndexer } from '../../devnet/lib/indexer.ts';
import { type LaunchedChain, launchChain } from '../../devnet/lib/launch.ts';
import { freePort } from '../../devnet/lib/node.ts';
import { ARBITRUM_PROFILE } from '../../devnet/lib/profile.ts';
import { historyFromJson } from '../../src/chain/history/historyJson.ts';

/** Lines of the indexer's own log kept to explain a failure. */
const LOG_TAIL_LINES = 40;

export interface StageIndexer extends RunningIndexer {
  /** What it is, in timing lines and errors. */
  label: string;
  /** GET a route and decode the answer's bigints; throws on a non-2xx status. */
  get<T>(path: string): Promise<T>;
}

/** The endpoint an indexer reads the chain through; the deployment's (the provider-like proxy) if absent. */
export interface Via {
  rpcUrl?: string;
}

export interface IndexerStage {
  chain: LaunchedChain;
  deploymentFile: string;
  /** A scratch folder removed on close. */
  workDir: string;
  /** Seconds each timed step took, by step name. */
  timings: Map<string, number>;
  /** Runs a step, prints `indexer stage: <what> <s> s` and records it. */
  time<T>(what: string, step: () => Promise<T>): Promise<T>;
  head(): Promise<bigint>;
  /** `ponder start` on embedded PGlite, resolved once `/status` reaches the chain's head at its start. */
  startOnPglite(label?: string, via?: Via): Promise<StageIndexer>;
  /** `ponder start` writing `schema` of the PostgreSQL at `databaseUrl`, resolved once caught up likewise. */
  startOnPostgres(databaseUrl: string, schema: string, label?: string, via?: Via): Promise<StageIndexer>;
  /** `ponder serve` of `schema`, written by another process; resolved once it answers `/health`. */
  serve(databaseUrl: string, schema: string, label?: string): Promise<StageIndexer>;
  /** Stops every indexer the stage started, then the chain, and removes the scratch folder. */
  close(): Promise<void>;
}

export async function startIndexerStage(): Promise<IndexerStage> {
  const timings = new Map<string, number>();
  async function time<T>(what: string, step: () => Promise<T>): Promise<T> {
    const started = performance.now();
    const result = await step();
    const seconds = (performance.now() - started) / 1000;
    timings.set(what, seconds);
    console.log(`indexer stage: ${what} ${seconds.toFixed(1)} s`);
    return result;
  }

  const workDir = mkdtempSync(join(tmpdir(), 'olympus-indexer-'));
  let chain: LaunchedChain;
  try {
    chain = await time('Arbitrum-profile devnet launched', async () =>
      launchChain({ port: await freePort(), workDir, profile: ARBITRUM_PROFILE }),
    );
  } catch (error) {
    rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
  const deploymentFile = join(workDir, 'deployment.json');
  writeFileSync(deploymentFile, JSON.stringify(chain.deployment));
  const started: StageIndexer[] = [];
  // Not viem's cached figure: a test that just sent a transaction needs the block it landed in.
  const head = () => chain.clients.public.getBlockNumber({ cacheTime: 0 });

  async function launch(
    label: string,
    options: {
      databaseUrl?: string;
      pgliteDir?: string;
      schema?: string;
      rpcUrl?: string;
      mode: 'start' | 'serve';
    },
  ): Promise<StageIndexer> {
    const tail: string[] = [];
    const running = startIndexer({
      deploymentFile,
      port: await freePort(),
      ...options,
      log: (text) => {
        tail.push(...text.split('\n'));
        tail.splice(0, Math.max(0, tail.length - LOG_TAIL_LINES));
      },
    });
    const indexer: StageIndexer = {
      ...running,
      label,
      async get<T>(path: string): Promise<T> {
        const res = await fetch(`${running.url}${path}`, { signal: AbortSignal.timeout(30_000) });
        const text = await res.text();
        if (!res.ok) throw new Error(`${label} ${path}: HTTP ${res.status} ${text.slice(0, 300)}`);
        return historyFromJson<T>(text);
      },
    };
    started.push(indexer);
    const explain = (error: unknown) =>
      new Error(`${label}: ${(error as Error).message}\nits last log lines:\n${tail.join('\n')}`);
    try {
      if (options.mode === 'serve') {
        await time(`${label}: serve answers /health`, () => running.waitForHealth());
      } else {
        const target = await head();
        await time(`${label}: start to caught up with block ${target}`, () => running.waitForBlock(target));
      }
    } catch (error) {
      throw explain(error);
    }
    const memory = indexer.memory();
    if (memory)
      console.log(
        `indexer stage: ${label} RSS ${memory.rssMiB.toFixed(0)} MiB (peak ${memory.peakMiB.toFixed(0)} MiB)`,
      );
    return indexer;
  }

  return {
    chain,
    deploymentFile,
    workDir,
    timings,
    time,
    head,
    startOnPglite: (label = 'PGlite writer', via = {}) =>
      launch(label, { pgliteDir: join(workDir, `pglite-${started.length}`), mode: 'start', ...via }),
    startOnPostgres: (databaseUrl, schema, label = 'Postgres writer', via = {}) =>
      launch(label, { databaseUrl, schema, mode: 'start', ...via }),
    serve: (databaseUrl, schema, label = 'serve replica') =>
      launch(label, { databaseUrl, schema, mode: 'serve' }),
    async close() {
      await Promise.all(started.map((i) => i.stop()));
      await chain.stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
