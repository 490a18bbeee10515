/**
 * `npm run keeper`: the Olympus pools' keeper on a real chain (docs/keeper.md). It reads its flags and the key
 * from `KEEPER_PRIVATE_KEY`, finds a working endpoint, then upkeeps due pools and executes paid claims every
 * `--interval-ms`, writing one JSON line per action on stdout. A usage or start-up problem is one sentence on
 * stderr and a non-zero exit (2 for the command line or environment, 1 for the network). SIGINT or SIGTERM
 * lets the tick under way finish (or abandons it after a grace period), logs `stop` and exits 0.
 */
import { createPublicClient, createWalletClient } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { keyFromEnv, parseKeeperArgs, USAGE, UsageError, wantsHelp } from './lib/args.ts';
import type { KeeperContext } from './lib/context.ts';
import { createKeeper, runLoop } from './lib/keeper.ts';
import { errorText, jsonLog } from './lib/log.ts';
import { nonceManager } from './lib/nonce.ts';
import { findMulticall, keeperChain, keeperTransport, probeChainId, StartupError } from './lib/rpc.ts';

/** How long a tick under way may take to finish after a stop signal before it is abandoned. */
const STOP_GRACE_MS = 15_000;
/** How long a sent transaction may wait for its receipt, and how often it is asked for. */
const RECEIPT_TIMEOUT_MS = 120_000;
const POLLING_MS = 1000;

const log = jsonLog();
const controller = new AbortController();
let stopped = false;

/** Logs `stop` once and exits 0: the keeper was asked to stop, which is success. */
function stop(reason: string): never {
  if (!stopped) {
    stopped = true;
    log({ action: 'stop', reason });
  }
  process.exit(0);
}

let received: NodeJS.Signals | undefined;

function onSignal(signal: NodeJS.Signals) {
  if (received) stop(`${signal} after ${received}: abandoned the tick under way`);
  received = signal;
  controller.abort();
  // The loop ends after the tick under way; if that takes too long, leave it (it is retried on restart).
  setTimeout(
    () => stop(`${signal}: abandoned the tick under way after ${STOP_GRACE_MS / 1000} s`),
    STOP_GRACE_MS,
  ).unref();
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  if (wantsHelp(argv)) {
    console.log(USAGE);
    return 0;
  }
  const args = parseKeeperArgs(argv);
  const account = privateKeyToAccount(keyFromEnv(process.env));
  const chainId = await probeChainId(args.rpcUrls);
  if (received) stop(`${received} before the start`);

  const transport = keeperTransport(args.rpcUrls);
  const probe = createPublicClient({ transport });
  const multicall = await findMulticall(probe);
  const chain = keeperChain(chainId, args.rpcUrls, multicall);
  const client = createPublicClient({ chain, transport, pollingInterval: POLLING_MS });
  const ctx: KeeperContext = {
    client,
    wallet: createWalletClient({ chain, transport, account }),
    chain,
    account,
    multicall,
    blockTag: 'latest',
    always: args.always,
    log,
    nonces: nonceManager(client, account.address),
    receiptTimeoutMs: RECEIPT_TIMEOUT_MS,
  };
  const keeper = await createKeeper(ctx, {
    factory: args.factory,
    treasury: args.treasury,
    feeds: args.feeds,
    governance: args.governance,
    autoClaim: args.autoClaim,
    claimsFromBlock: args.claimsFromBlock,
  }).catch((error: unknown) => {
    throw new StartupError(
      `Could not read the factory at ${args.factory} (is it a Tracer V2.1 PoolFactory on chain ${chainId}?): ${errorText(error)}.`,
    );
  });
  log({
    action: 'start',
    // The process to signal: under `npx`/`npm run`, the launcher is another process.
    pid: process.pid,
    chainId,
    ...keeper.info,
    rpc: args.rpcUrls.map((url) => new URL(url).origin),
    multicall: multicall ?? null,
    always: args.always,
    intervalMs: args.intervalMs,
  });
  await runLoop(keeper, { intervalMs: args.intervalMs, signal: controller.signal });
  stop(`${received ?? 'signal'}: finished the tick under way`);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(error.message);
      process.exit(2);
    }
    console.error(error instanceof StartupError ? error.message : `The keeper failed: ${errorText(error)}`);
    process.exit(1);
  },
);
