/**
 * The treasury page's reads as queries (launchReads.ts), and the price feeds a chain knows by name: on the
 * devnet the deployment's feeds with their pairs, elsewhere the Olympus authority's list (poolVerification.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { type Address, isAddressEqual } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { DevnetDeployment } from '../config/devnet.ts';
import type { PlannedWrapper, PoolLaunch } from '../launch/launchPlan.ts';
import type { FactoryTerms } from '../launch/launchReads.ts';
import { factoryTermsOptions, feedOptions, type LaunchChain, launchStateOptions } from './launchQueries.ts';

export interface KnownFeed {
  /** "ETH/USD", "ETH/gOHM" (settlement per ETH); undefined when the chain's list names none. */
  pair: string | undefined;
  feed: Address;
}

export function knownFeedsOf(deployment: ChainDeployment, devnet: DevnetDeployment | undefined): KnownFeed[] {
  if (devnet && devnet.chainId === deployment.chainId)
    return devnet.feeds.map((f) => ({ pair: f.pair, feed: f.feed }));
  return (deployment.olympus?.priceFeeds ?? []).map((feed) => ({ pair: undefined, feed }));
}

/** The known feed pricing one ETH in `collateral`, which keeper rewards of its pools use. */
export function settlementEthFeedOf(known: readonly KnownFeed[], collateral: string): KnownFeed | undefined {
  return known.find((f) => f.pair === `ETH/${collateral}`);
}

export function isKnownFeed(known: readonly KnownFeed[], feed: Address): boolean {
  return known.some((f) => isAddressEqual(f.feed, feed));
}

export function useFeedReading(chain: LaunchChain, feed: Address | undefined) {
  return useQuery(feedOptions(chain, feed));
}

export function useFactoryTerms(chain: LaunchChain) {
  return useQuery(factoryTermsOptions(chain));
}

export function useLaunchState(
  chain: LaunchChain,
  launch: PoolLaunch | undefined,
  wrappers: { market: PlannedWrapper; settlementEth: PlannedWrapper } | undefined,
  terms: FactoryTerms | undefined,
) {
  return useQuery(launchStateOptions(chain, launch, wrappers, terms));
}
