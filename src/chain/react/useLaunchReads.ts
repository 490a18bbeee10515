/**
 * The treasury page's reads as queries (launchReads.ts), and the price feeds a chain knows by name: on the
 * devnet the deployment's feeds with their pairs, elsewhere the Olympus authority's list (poolVerification.ts).
 */
import { useQuery } from '@tanstack/react-query';
import { type Address, isAddressEqual, type PublicClient } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { DevnetDeployment } from '../config/devnet.ts';
import type { PlannedWrapper, PoolLaunch } from '../launch/launchPlan.ts';
import {
  type FactoryTerms,
  type FeedReading,
  type LaunchState,
  readFactoryTerms,
  readFeed,
  readLaunchState,
} from '../launch/launchReads.ts';
import { chainKeys } from './queryKeys.ts';

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

interface ActiveChain {
  chainId: number;
  deployment: ChainDeployment;
  client: PublicClient;
}

export function useFeedReading({ chainId, deployment, client }: ActiveChain, feed: Address | undefined) {
  return useQuery<FeedReading>({
    queryKey: chainKeys.feed(chainId, feed ?? '0x'),
    enabled: feed !== undefined,
    queryFn: () => {
      if (!feed) throw new Error('no feed');
      return readFeed(client, deployment, feed);
    },
    staleTime: deployment.pollIntervalMs,
    retry: false,
  });
}

export function useFactoryTerms({ chainId, deployment, client }: ActiveChain) {
  return useQuery<FactoryTerms>({
    queryKey: chainKeys.launch(chainId, 'factory-terms'),
    queryFn: () => readFactoryTerms(client, deployment),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** A launch's settings as one key: every field that changes an address or a step. */
function planKey(launch: PoolLaunch): string {
  return JSON.stringify(launch, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
}

export function useLaunchState(
  { chainId, deployment, client }: ActiveChain,
  launch: PoolLaunch | undefined,
  wrappers: { market: PlannedWrapper; settlementEth: PlannedWrapper } | undefined,
  terms: FactoryTerms | undefined,
) {
  return useQuery<LaunchState>({
    queryKey: chainKeys.launch(chainId, launch ? planKey(launch) : ''),
    enabled: launch !== undefined && wrappers !== undefined && terms !== undefined,
    queryFn: () => {
      if (!launch || !wrappers || !terms) throw new Error('no launch');
      return readLaunchState(client, deployment, launch, wrappers, terms);
    },
    // Read again after each step (refreshAfter.launchStep) and whenever the page regains focus.
    staleTime: deployment.pollIntervalMs,
    retry: false,
  });
}
