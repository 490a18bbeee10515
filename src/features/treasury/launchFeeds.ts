/**
 * The launch form's two feeds (docs/treasury.md §3): the addresses it names, typed or the chain's known ones,
 * whether a feed once read can price a pool, and the market name a feed gives when none is typed.
 */
import type { Address } from 'viem';
import { isAddressEqual } from '../../chain/config/addressText.ts';
import type { FeedReading } from '../../chain/launch/launchReads.ts';
import { type KnownFeed, settlementEthFeedOf } from '../../chain/react/useLaunchReads.ts';
import { type Field, MAX_DECIMALS, marketFromDescription, readAddress } from './launchFields.ts';

/** A feed's read, as the form sees it while it loads. */
export type FeedCheck =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'read'; reading: FeedReading };

/** The feed addresses the form names, before they are read: typed, or the chain's known ones. */
export function resolveFeeds(
  inputs: { feed: string; ethFeed: string; collateral: string },
  known: readonly KnownFeed[],
): { market: Field<Address>; settlementEth: Field<Address> } {
  const market = readAddress(inputs.feed, 'market price feed');
  const fallback = settlementEthFeedOf(known, inputs.collateral);
  const typed = inputs.ethFeed.trim() !== '';
  const settlementEth: Field<Address> = typed
    ? readAddress(inputs.ethFeed, 'settlement/ETH feed')
    : fallback
      ? { ok: true, value: fallback.feed }
      : {
          ok: false,
          message: `Enter a settlement/ETH feed: no ETH/${inputs.collateral} feed is known on this chain.`,
        };
  if (!settlementEth.ok) return { market, settlementEth };
  const refuse = (message: string) => ({ market, settlementEth: { ok: false, message } as const });
  if (market.ok && isAddressEqual(market.value, settlementEth.value))
    return refuse('The settlement/ETH feed must be another feed than the market’s.');
  // A known feed says what it prices: one for another collateral would misprice every keeper reward.
  const pair = known.find((f) => isAddressEqual(f.feed, settlementEth.value))?.pair;
  if (pair && pair !== `ETH/${inputs.collateral}`)
    return refuse(
      `That is the ${pair} feed: keeper rewards paid in ${inputs.collateral} need the ETH/${inputs.collateral} feed.`,
    );
  return { market, settlementEth };
}

/** One sentence when a feed cannot price a pool; undefined while it loads or when it can. */
export function feedProblem(check: FeedCheck | undefined): string | undefined {
  if (!check || check.status === 'loading') return undefined;
  if (check.status === 'failed') return `The feed could not be read: ${check.message}`;
  const { reading } = check;
  if (reading.kind === 'not-a-feed')
    return `${reading.address} is not a price feed: it does not answer decimals() and latestRoundData().`;
  if (reading.decimals > MAX_DECIMALS)
    return `This feed has ${reading.decimals} decimals; the oracle wrapper accepts at most ${MAX_DECIMALS}.`;
  if (reading.answer <= 0n)
    return `This feed’s latest answer is ${reading.answer}: a pool needs a price above zero.`;
  return undefined;
}

/** The market's name when none is typed: the known feed's pair, else the feed's own description. */
export function derivedMarket(
  feed: Address | undefined,
  known: readonly KnownFeed[],
  check: FeedCheck | undefined,
): string | undefined {
  const pair = feed ? known.find((f) => isAddressEqual(f.feed, feed))?.pair : undefined;
  if (pair) return pair;
  return check?.status === 'read' && check.reading.kind === 'feed'
    ? marketFromDescription(check.reading.description)
    : undefined;
}
