/**
 * The treasury page's reads as queries (launchReads.ts): each read's key, function and staleness in one
 * factory, which the hooks in useLaunchReads.ts pass to `useQuery` as they are.
 */
import { queryOptions } from '@tanstack/react-query';
import type { Address, PublicClient } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { PlannedWrapper, PoolLaunch } from '../launch/launchPlan.ts';
import { type FactoryTerms, readFactoryTerms, readFeed, readLaunchState } from '../launch/launchReads.ts';
import { chainKeys } from './queryKeys.ts';

/** The chain a launch is planned on, and the client its reads go through. */
export interface LaunchChain {
  chainId: number;
  deployment: ChainDeployment;
  client: PublicClient;
}

export function feedOptions({ chainId, deployment, client }: LaunchChain, feed: Address | undefined) {
  return queryOptions({
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

export function factoryTermsOptions({ chainId, deployment, client }: LaunchChain) {
  return queryOptions({
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

export function launchStateOptions(
  { chainId, deployment, client }: LaunchChain,
  launch: PoolLaunch | undefined,
  wrappers: { market: PlannedWrapper; settlementEth: PlannedWrapper } | undefined,
  terms: FactoryTerms | undefined,
) {
  return queryOptions({
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
