/**
 * The devnet keeper is the real chains' keeper (keeper/, docs/keeper.md) run in-process: the same discovery,
 * upkeep and paid-claim passes, on the devnet's clients, for the Olympus pools of its deployment (treasury,
 * governance and feeds as deployed), signing as the keeper role's account, which anvil holds unlocked. Two
 * things differ from `npm run keeper`: it sends whatever the reward (the devnet's keeper gas price is tiny on
 * purpose, docs/protocol.md §2.4, so no upkeep would ever pay), and it asks the chain at the pending block,
 * since the devnet mines only on transactions and its latest block can lag the clock the seeding moved ahead.
 * Its JSON events are turned into readable lines for `npm start`.
 */
import { type Address, formatEther, formatUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import type { KeeperContext } from '../../keeper/lib/context.ts';
import { createKeeper, type Keeper } from '../../keeper/lib/keeper.ts';
import type { KeeperEvent } from '../../keeper/lib/log.ts';
import { nonceManager } from '../../keeper/lib/nonce.ts';
import { CLIENTS, KEEPER_INTERVAL_MS } from '../config.ts';
import type { DevnetClients } from './clients.ts';
import { repeat } from './repeat.ts';

const WAD_DECIMALS = 18;
/** A receipt that has not come in this long will not come: anvil mines at once or every 250 ms. */
const RECEIPT_TIMEOUT_MS = 30_000;

type Log = (line: string) => void;

interface DevnetKeeper {
  keeper: Promise<Keeper>;
  /** Where the keeper's events go during the call under way. */
  sink: { log: Log };
  queue: Promise<unknown>;
}

/** One keeper per set of clients and factory, so that its nonce and claim scan carry over from call to call. */
const keepers = new WeakMap<DevnetClients, Map<string, DevnetKeeper>>();

const short = (address: Address) => `${address.slice(0, 6)}…${address.slice(-4)}`;

/** What a skip or error line is about: the pass, and the pools or claims it names. */
function what(event: KeeperEvent): string {
  const pools = (event.pools ?? []).map((p) => p.name);
  const claims = event.claims
    ? [`${event.claims.length} paid claim${event.claims.length === 1 ? '' : 's'}`]
    : [];
  return [event.about ?? 'tick', ...pools, ...claims].join(' ');
}

/** One readable line per event, as `npm start` prints them. */
export function describeKeeperEvent(event: KeeperEvent, deployment: Deployment): string[] {
  const poolOf = (committer: Address) =>
    deployment.pools.find((p) => p.committer.toLowerCase() === committer.toLowerCase())?.name ??
    short(committer);
  const price = (value: bigint | undefined) => (value === undefined ? '?' : formatUnits(value, WAD_DECIMALS));
  switch (event.action) {
    case 'upkeep':
      return (event.pools ?? []).map((p) =>
        p.upkept === false
          ? `keeper: upkeep of ${p.name} failed: ${p.failure}`
          : `keeper: upkept ${p.name} ${price(p.startPrice)} → ${price(p.endPrice)}${p.paid === 0n ? ' (no reward: the pool could not pay it)' : ''}`,
      );
    case 'claim':
      return (event.claims ?? []).map(
        (c) =>
          `keeper: claimed for ${short(c.user)} on ${poolOf(c.committer)} (prepaid ${formatEther(c.reward)} ETH)`,
      );
    case 'skip':
      return [`keeper: skipped ${what(event)}: ${event.reason}`];
    case 'error':
      return [`keeper: ${what(event)} failed: ${event.reason}`];
    default:
      return [];
  }
}

function devnetKeeper(clients: DevnetClients, deployment: Deployment): DevnetKeeper {
  const byFactory = keepers.get(clients) ?? new Map<string, DevnetKeeper>();
  keepers.set(clients, byFactory);
  const key = deployment.contracts.factory.toLowerCase();
  const existing = byFactory.get(key);
  if (existing) return existing;
  const sink: { log: Log } = { log: () => {} };
  const ctx: KeeperContext = {
    client: clients.public,
    wallet: clients.wallet,
    chain: clients.chain,
    account: deployment.roles.keeper,
    multicall: deployment.contracts.multicall3,
    blockTag: 'pending',
    always: true,
    log: (event) => {
      for (const line of describeKeeperEvent(event, deployment)) sink.log(line);
    },
    nonces: nonceManager(clients.public, deployment.roles.keeper),
    receiptTimeoutMs: RECEIPT_TIMEOUT_MS,
    receiptPollingMs: CLIENTS.receiptPollingMs,
  };
  const keeper = createKeeper(ctx, {
    factory: deployment.contracts.factory,
    treasury: deployment.roles.treasury,
    feeds: deployment.feeds.map((f) => f.feed),
    governance: deployment.roles.governance,
    autoClaim: deployment.contracts.autoClaim,
    claimsFromBlock: BigInt(deployment.startBlock),
  });
  const entry: DevnetKeeper = { keeper, sink, queue: Promise.resolve() };
  // A keeper that failed to start is not kept: the next call tries again.
  keeper.catch(() => byFactory.delete(key));
  byFactory.set(key, entry);
  return entry;
}

/** Runs `work` on the devnet's keeper after any call under way, with its events going to `log`. */
function withKeeper<T>(
  clients: DevnetClients,
  deployment: Deployment,
  log: Log,
  work: (keeper: Keeper) => Promise<T>,
): Promise<T> {
  const entry = devnetKeeper(clients, deployment);
  const next = entry.queue.then(async () => {
    entry.sink.log = log;
    return work(await entry.keeper);
  });
  entry.queue = next.catch(() => {});
  return next;
}

/** Upkeeps every due pool (one transaction); returns how many were upkept. Throws when that fails. */
export async function upkeepDuePools(
  clients: DevnetClients,
  deployment: Deployment,
  log: Log = () => {},
): Promise<number> {
  const outcome = await withKeeper(clients, deployment, log, (keeper) => keeper.upkeep());
  return outcome.upkept.length;
}

/** Executes every ready paid claim (one transaction); returns how many were claimed. Throws when that fails. */
export async function executePaidClaims(
  clients: DevnetClients,
  deployment: Deployment,
  log: Log = () => {},
): Promise<number> {
  const outcome = await withKeeper(clients, deployment, log, (keeper) => keeper.claims());
  return outcome.executed.length;
}

/** Runs the keeper (upkeeps, then paid claims) until stopped; a failing pass is logged and tried next tick. */
export function runKeeper(
  clients: DevnetClients,
  deployment: Deployment,
  { intervalMs = KEEPER_INTERVAL_MS, log = console.log }: { intervalMs?: number; log?: Log } = {},
): () => void {
  return repeat(
    'keeper',
    async () => {
      await withKeeper(clients, deployment, log, (keeper) => keeper.tick());
    },
    { everyMs: intervalMs, firstAfterMs: 0, log },
  );
}
