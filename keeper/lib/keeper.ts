/**
 * The keeper put together (docs/keeper.md): find the Olympus pools (discovery.ts), upkeep the due ones
 * (upkeep.ts), then claim the paid claims those upkeeps made ready (claims.ts), once per tick. A failure in one
 * pass is logged as an `error` line and the tick goes on; the loop waits longer after failing ticks (doubling up
 * to a minute) so that a struggling endpoint is not hammered. Passes never overlap, even when the devnet asks
 * for an upkeep while the loop runs, so two sends never take the same nonce.
 */
import type { Address } from 'viem';
import { poolFactoryAbi } from '../../contracts-abi/generated/index.ts';
import { type ClaimsOutcome, type PaidClaims, paidClaims } from './claims.ts';
import { addressOf, type KeeperContext, readAll } from './context.ts';
import { type KeptPool, type PoolDiscovery, poolDiscovery } from './discovery.ts';
import { errorText } from './log.ts';
import { pausedPools } from './paused.ts';
import { TransactionFailedError } from './send.ts';
import { type UpkeepOutcome, upkeepDuePools } from './upkeep.ts';

export interface KeeperSetup {
  factory: Address;
  /** Deploys the Olympus pools (their secondary fee address). */
  treasury: Address;
  /** Price feeds an Olympus pool may read. */
  feeds: readonly Address[];
  /** Default: the factory's `governance()`. */
  governance?: Address | undefined;
  /** Default: the factory's `autoClaim()`. */
  autoClaim?: Address | undefined;
  /** First block to read paid-claim requests from; default: a lookback from the head (claims.ts). */
  claimsFromBlock?: bigint | undefined;
  /** How long a pool seen paused is left alone before it is asked about again; default a minute (paused.ts). */
  pausedRecheckMs?: number | undefined;
}

export interface KeeperInfo {
  account: Address;
  factory: Address;
  poolKeeper: Address;
  governance: Address;
  autoClaim: Address;
}

export interface TickOutcome {
  pools: readonly KeptPool[];
  upkeep?: UpkeepOutcome;
  claims?: ClaimsOutcome;
  /** Passes that failed (each logged as an `error` line). */
  errors: number;
}

export interface Keeper {
  readonly info: KeeperInfo;
  readonly pools: readonly KeptPool[];
  /** Discovery, upkeep, claims; never throws. */
  tick(): Promise<TickOutcome>;
  /** Discovery and the upkeep pass only; throws on failure (the devnet's `upkeepDuePools`). */
  upkeep(): Promise<UpkeepOutcome>;
  /** Discovery and the claim pass only; throws on failure. */
  claims(): Promise<ClaimsOutcome>;
}

/** Reads what the setup leaves to the factory, and prepares the passes. */
export async function createKeeper(ctx: KeeperContext, setup: KeeperSetup): Promise<Keeper> {
  const { factory } = setup;
  const [governance, autoClaim, poolKeeper] = await readAll(ctx, [
    { address: factory, abi: poolFactoryAbi, functionName: 'governance' },
    { address: factory, abi: poolFactoryAbi, functionName: 'autoClaim' },
    { address: factory, abi: poolFactoryAbi, functionName: 'getPoolKeeper' },
  ] as const);
  const info: KeeperInfo = {
    account: addressOf(ctx.account),
    factory,
    poolKeeper,
    governance: setup.governance ?? governance,
    autoClaim: setup.autoClaim ?? autoClaim,
  };
  const discovery: PoolDiscovery = poolDiscovery(ctx, {
    factory,
    poolKeeper,
    authority: { treasury: setup.treasury, governance: info.governance, priceFeeds: setup.feeds },
  });
  const claims: PaidClaims = paidClaims(ctx, { autoClaim: info.autoClaim, fromBlock: setup.claimsFromBlock });
  // Kept from tick to tick: a paused pool is left out of both passes until its re-check comes.
  const paused = pausedPools({ recheckMs: setup.pausedRecheckMs });
  const unpaused = (pools: readonly KeptPool[]) => pools.filter((p) => !paused.isPaused(p.address));

  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => {});
    return next;
  };
  const fail = (about: string, error: unknown) =>
    ctx.log({
      action: 'error',
      about,
      reason: errorText(error),
      ...(error instanceof TransactionFailedError ? { tx: error.hash } : {}),
    });

  return {
    info,
    get pools() {
      return discovery.pools;
    },
    tick: () =>
      serially(async () => {
        const outcome: TickOutcome = { pools: discovery.pools, errors: 0 };
        try {
          outcome.pools = await discovery.refresh();
        } catch (error) {
          outcome.errors++;
          fail('discovery', error);
        }
        try {
          outcome.upkeep = await upkeepDuePools(ctx, poolKeeper, outcome.pools, paused);
        } catch (error) {
          outcome.errors++;
          fail('upkeep', error);
        }
        try {
          outcome.claims = await claims.run(unpaused(outcome.pools));
        } catch (error) {
          outcome.errors++;
          fail('claim', error);
        }
        return outcome;
      }),
    upkeep: () => serially(async () => upkeepDuePools(ctx, poolKeeper, await discovery.refresh(), paused)),
    claims: () => serially(async () => claims.run(unpaused(await discovery.refresh()))),
  };
}

/** Resolves after `ms`, or at once when `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** The longest wait between ticks after failures. */
const MAX_BACKOFF_MS = 60_000;

/**
 * Ticks every `intervalMs` until `signal` aborts; the tick under way when it does is finished, not cut. After
 * a tick with failures the wait doubles, up to a minute (or `intervalMs`, if that is longer).
 */
export async function runLoop(
  keeper: Pick<Keeper, 'tick'>,
  { intervalMs, signal }: { intervalMs: number; signal: AbortSignal },
): Promise<void> {
  let failing = 0;
  while (!signal.aborted) {
    const { errors } = await keeper.tick();
    failing = errors > 0 ? failing + 1 : 0;
    const cap = Math.max(intervalMs, MAX_BACKOFF_MS);
    await pause(failing === 0 ? intervalMs : Math.min(intervalMs * 2 ** failing, cap), signal);
  }
}
