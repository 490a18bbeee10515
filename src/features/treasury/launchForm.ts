/**
 * The launch form as a whole (docs/treasury.md §3): its fields as typed, what the feeds answered (checked in
 * launchFeeds.ts), and the launch they make when every check passes. Pure, so each refusal is tested in the
 * node environment.
 */
import type { Address } from 'viem';
import { isAddressEqual } from '../../chain/config/addressText.ts';
import type { CollateralSymbol, CollateralToken } from '../../chain/config/config.ts';
import type { PoolLaunch } from '../../chain/launch/launchPlan.ts';
import type { KnownFeed } from '../../chain/react/useLaunchReads.ts';
import { readFees } from './feeFields.ts';
import { derivedMarket, type FeedCheck, feedProblem, resolveFeeds } from './launchFeeds.ts';
import { type Field, MAX_DECIMALS, readIntervals, readLeverage, readMarket } from './launchFields.ts';

/** The form's fields as text, as the link keeps them (links.ts). */
export interface LaunchInputs {
  feed: string;
  /** The market's name; empty takes it from the known feed or the feed's description. */
  market: string;
  leverage: string;
  collateral: string;
  /** The settlement/ETH feed; empty takes the chain's known ETH/<collateral> feed. */
  ethFeed: string;
  update: string;
  frontRunning: string;
  mintFee: string;
  burnFee: string;
  change: string;
}

export type LaunchField = keyof LaunchInputs;

const OLYMPUS_COLLATERALS: readonly CollateralSymbol[] = ['OHM', 'gOHM'];

export function readCollateral(
  text: string,
  collaterals: readonly CollateralToken[],
): Field<CollateralToken> {
  if (!OLYMPUS_COLLATERALS.some((s) => s === text))
    return { ok: false, message: `“${text}” is not an Olympus collateral: choose OHM or gOHM.` };
  const token = collaterals.find((c) => c.symbol === text);
  if (!token) return { ok: false, message: `${text} is not configured on this chain.` };
  return { ok: true, value: token };
}

export interface LaunchContext {
  chainId: number;
  factory: Address;
  /** The connected account on this chain; without one, no launch is formed (nothing could send it). */
  account: Address | undefined;
  locale: string;
  collaterals: readonly CollateralToken[];
  known: readonly KnownFeed[];
  marketFeed: FeedCheck | undefined;
  settlementEthFeed: FeedCheck | undefined;
  /** The factory's annual fee, once read: it bounds the update interval. */
  annualFee: bigint | undefined;
}

export interface LaunchCheck {
  /** One sentence per field that cannot be sent as it is. */
  errors: Partial<Record<LaunchField, string>>;
  /** One sentence per field that can be sent but puts the pool's holders at a risk worth naming. */
  warnings: Partial<Record<LaunchField, string>>;
  feeds: { market: Address | undefined; settlementEth: Address | undefined };
  market: string | undefined;
  /** A feed is still being read: nothing is refused for it yet, and nothing can be sent. */
  reading: boolean;
  /** Every field passed and an account is connected. */
  launch: PoolLaunch | undefined;
}

export function checkLaunch(inputs: LaunchInputs, ctx: LaunchContext): LaunchCheck {
  const errors: Partial<Record<LaunchField, string>> = {};
  const take = <T>(field: LaunchField, read: Field<T>): T | undefined => {
    if (read.ok) return read.value;
    errors[field] ??= read.message;
    return undefined;
  };
  const feeds = resolveFeeds(inputs, ctx.known);
  const marketFeed = take('feed', feeds.market);
  const settlementEthFeed = take('ethFeed', feeds.settlementEth);
  const marketProblem = marketFeed ? feedProblem(ctx.marketFeed) : undefined;
  if (marketProblem) errors.feed = marketProblem;
  const ethProblem = settlementEthFeed ? feedProblem(ctx.settlementEthFeed) : undefined;
  if (ethProblem) errors.ethFeed = ethProblem;
  // An empty market name follows the feed: it is only missing once a valid feed has been read.
  const derived = derivedMarket(marketFeed, ctx.known, ctx.marketFeed);
  const named =
    inputs.market.trim() !== '' ||
    derived !== undefined ||
    (marketFeed !== undefined && ctx.marketFeed !== undefined && ctx.marketFeed.status !== 'loading');
  const market = named ? take('market', readMarket(inputs.market, derived)) : undefined;
  const leverage = take('leverage', readLeverage(inputs.leverage, ctx.locale));
  const collateral = take('collateral', readCollateral(inputs.collateral, ctx.collaterals));
  if (collateral && collateral.decimals > MAX_DECIMALS)
    errors.collateral = `${collateral.symbol} has ${collateral.decimals} decimals; the factory accepts at most ${MAX_DECIMALS}.`;
  const intervals = readIntervals(inputs.update, inputs.frontRunning, ctx.annualFee, ctx.locale);
  const update = take('update', intervals.update);
  const frontRunning = take('frontRunning', intervals.frontRunning);
  const fees = readFees(
    { mintingFee: inputs.mintFee, burningFee: inputs.burnFee, changeInterval: inputs.change },
    ctx.locale,
  );
  const mintingFee = take('mintFee', fees.mintingFee);
  const burningFee = take('burnFee', fees.burningFee);
  const changeInterval = take('change', fees.changeInterval);

  const reading =
    (marketFeed !== undefined && ctx.marketFeed?.status !== 'read' && ctx.marketFeed?.status !== 'failed') ||
    (settlementEthFeed !== undefined &&
      ctx.settlementEthFeed?.status !== 'read' &&
      ctx.settlementEthFeed?.status !== 'failed');
  const valid =
    Object.keys(errors).length === 0 &&
    !reading &&
    marketFeed &&
    settlementEthFeed &&
    market &&
    leverage !== undefined &&
    collateral &&
    update !== undefined &&
    frontRunning !== undefined &&
    mintingFee !== undefined &&
    burningFee !== undefined &&
    changeInterval !== undefined;
  const launch: PoolLaunch | undefined =
    valid && ctx.account
      ? {
          chainId: ctx.chainId,
          factory: ctx.factory,
          account: ctx.account,
          market,
          marketFeed,
          settlementEthFeed,
          collateral,
          leverage,
          updateIntervalSeconds: update,
          frontRunningIntervalSeconds: frontRunning,
          mintingFee,
          burningFee,
          changeInterval,
        }
      : undefined;
  const warnings: Partial<Record<LaunchField, string>> = {};
  const frontRunningNote = frontRunningWarning(frontRunning);
  if (frontRunningNote) warnings.frontRunning = frontRunningNote;
  return {
    errors,
    warnings,
    feeds: { market: marketFeed, settlementEth: settlementEthFeed },
    market,
    reading,
    launch,
  };
}

/**
 * A front-running interval of 0 (docs/treasury.md §3, docs/protocol.md §3.2): the contracts accept it, so it
 * is a warning rather than a refusal (a test pool, or a feed that only the upkeep itself moves, may want it),
 * but on a public feed it lets a commit sent once the new price is visible execute at that very price.
 */
export function frontRunningWarning(seconds: number | undefined): string | undefined {
  if (seconds !== 0) return undefined;
  return 'With no front-running interval, a commit sent just before an upkeep executes at that upkeep, at a price the committer may already see in the feed, so they can trade on a known price at the expense of the other holders.';
}

/** A pool the list already shows, as far as a launch's name is concerned. */
export interface NamedPool {
  name: string;
  address: Address;
}

/**
 * A second pool under a name the pools list already shows (the factory's `<leverage>-<market>+<collateral>`,
 * launchPlan.ts `factoryPoolName`). The factory accepts it whenever the market wrapper differs (another feed
 * or another launching account), but holders then see two pools they cannot tell apart by name. The pool this
 * launch would create is not its own duplicate (a launch resumed after its last step).
 */
export function sameNameWarning(
  poolName: string | undefined,
  existing: readonly NamedPool[],
  planned: Address | undefined,
): string | undefined {
  if (!poolName) return undefined;
  const twin = existing.find(
    (pool) =>
      pool.name.toLowerCase() === poolName.toLowerCase() &&
      (planned === undefined || !isAddressEqual(pool.address, planned)),
  );
  if (!twin) return undefined;
  return `A pool named ${twin.name} already exists at ${twin.address}: a second one would appear under the same name in the pools list, and holders could not tell them apart by name.`;
}
