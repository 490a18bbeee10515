/**
 * The treasury page's view model: the launch's settings from the link, the feeds and the factory's terms
 * read from the chain, every field checked (launchForm.ts), and, for a valid launch, the wrappers planned
 * from their creation code and the steps the chain says are left (launchSteps.ts).
 *
 * The wrapper's creation code is imported here and nowhere else, so it travels in this page's chunk only
 * (docs/treasury.md §2).
 */
import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { chainlinkOracleWrapperBytecode } from '../../../contracts-abi/generated/bytecode/ChainlinkOracleWrapper.ts';
import { isAddressEqual } from '../../chain/config/addressText.ts';
import {
  factoryPoolName,
  type PlannedWrapper,
  type PoolLaunch,
  planWrappers,
} from '../../chain/launch/launchPlan.ts';
import type { FeedReading, LaunchState } from '../../chain/launch/launchReads.ts';
import { errorReason } from '../../chain/pools/freshness.ts';
import { useDevnet } from '../../chain/react/DeploymentContext.tsx';
import {
  isKnownFeed,
  knownFeedsOf,
  useFactoryTerms,
  useFeedReading,
  useLaunchState,
} from '../../chain/react/useLaunchReads.ts';
import { useActiveChain, usePoolRegistry } from '../../chain/react/usePools.ts';
import { userOn, useWallet } from '../../chain/wallet/wallet.ts';
import { userLocale } from '../../ui/numberConventions.ts';
import { type FeedCheck, resolveFeeds } from './launchFeeds.ts';
import { readLeverage } from './launchFields.ts';
import { checkLaunch, type LaunchInputs, sameNameWarning } from './launchForm.ts';
import { launchBlocker, launchSteps, nextStep, poolAddressOf } from './launchSteps.ts';
import { DEFAULT_INTERVALS, launchParams } from './links.ts';

function feedCheck(query: { data?: FeedReading; error: unknown; isPending: boolean }): FeedCheck {
  if (query.data) return { status: 'read', reading: query.data };
  // The app's sentence for the failure, never the endpoint's words: it follows "The feed could not be read:".
  if (query.error) {
    const reason = errorReason(query.error) ?? 'no answer.';
    return { status: 'failed', message: reason.charAt(0).toLowerCase() + reason.slice(1) };
  }
  return { status: 'loading' };
}

/** The steps of a launch whose state has been read, what blocks the next one, and the pool's address. */
function planOf(
  launch: PoolLaunch,
  poolName: string,
  wrappers: { market: PlannedWrapper; settlementEth: PlannedWrapper },
  state: LaunchState,
) {
  const addresses = { market: wrappers.market.address, settlementEth: wrappers.settlementEth.address };
  const steps = launchSteps(launch, poolName, addresses, state);
  return {
    launch,
    wrappers,
    state,
    steps,
    next: nextStep(steps),
    blocker: launchBlocker(launch, poolName, state, steps),
    pool: poolAddressOf(state),
  };
}

export type LaunchPlan = ReturnType<typeof planOf>;

export function useLaunchForm() {
  const active = useActiveChain();
  const devnet = useDevnet();
  const wallet = useWallet();
  const { chainId, deployment } = active;
  const account = userOn(wallet, chainId);
  const onDevnet = devnet !== undefined && devnet.chainId === chainId;
  const update = onDevnet ? String(devnet.updateIntervalSeconds) : DEFAULT_INTERVALS.update;
  const frontRunning = onDevnet ? String(devnet.frontRunningIntervalSeconds) : DEFAULT_INTERVALS.frontRunning;
  const locale = userLocale();
  const params = useMemo(
    () => launchParams({ update, frontRunning }, locale),
    [update, frontRunning, locale],
  );
  const [inputs, setInputs] = useQueryStates(params);
  const known = useMemo(() => knownFeedsOf(deployment, devnet), [deployment, devnet]);

  const reader = { chainId, deployment, client: active.clients.read };
  const addresses = resolveFeeds(inputs, known);
  const marketQuery = useFeedReading(reader, addresses.market.ok ? addresses.market.value : undefined);
  const ethQuery = useFeedReading(
    reader,
    addresses.settlementEth.ok ? addresses.settlementEth.value : undefined,
  );
  const terms = useFactoryTerms(reader);
  // The Olympus pools the list shows: a launch under one of their names is warned about before it is sent.
  const registry = usePoolRegistry();
  const check = checkLaunch(inputs, {
    chainId,
    factory: deployment.factory,
    account,
    locale,
    collaterals: deployment.collaterals,
    known,
    marketFeed: addresses.market.ok ? feedCheck(marketQuery) : undefined,
    settlementEthFeed: addresses.settlementEth.ok ? feedCheck(ethQuery) : undefined,
    annualFee: terms.data?.annualFee,
  });
  const { launch } = check;
  // Planned once per (account, feeds): hashing the creation code on every render would be wasted work.
  const [wrapperAccount, marketFeed, settlementEthFeed] = [
    launch?.account,
    launch?.marketFeed,
    launch?.settlementEthFeed,
  ];
  const wrappers = useMemo(
    () =>
      wrapperAccount && marketFeed && settlementEthFeed
        ? planWrappers(
            { account: wrapperAccount, marketFeed, settlementEthFeed },
            chainlinkOracleWrapperBytecode,
          )
        : undefined,
    [wrapperAccount, marketFeed, settlementEthFeed],
  );
  const state = useLaunchState(reader, launch, wrappers, terms.data);

  // Named as soon as the market and a valid leverage are known, before the rest of the form is.
  const leverage = readLeverage(inputs.leverage, locale);
  const poolName =
    check.market && leverage.ok
      ? factoryPoolName(leverage.value, check.market, inputs.collateral)
      : undefined;
  const plan =
    launch && wrappers && state.data && poolName ? planOf(launch, poolName, wrappers, state.data) : undefined;

  const olympus = deployment.olympus;
  const listed = registry.data?.pools.filter((p) => p.verification.verified) ?? [];
  const sameName = sameNameWarning(poolName, listed, plan?.pool.address);
  const unknownFeeds = [check.feeds.market, check.feeds.settlementEth].filter(
    (feed): feed is `0x${string}` => feed !== undefined && !isKnownFeed(known, feed),
  );
  return {
    chainId,
    deployment,
    wallet,
    account,
    walletOnOtherChain: active.walletOnOtherChain,
    inputs,
    setInputs: (patch: Partial<LaunchInputs>) => void setInputs(patch),
    known,
    check,
    feeds: { market: marketQuery, settlementEth: ethQuery },
    terms,
    state,
    poolName,
    plan,
    warnings: {
      notTreasury: account !== undefined && (!olympus || !isAddressEqual(olympus.treasury, account)),
      unknownFeeds,
      foreignGovernance:
        terms.data !== undefined && (!olympus || !isAddressEqual(olympus.governance, terms.data.governance)),
      sameName,
    },
  };
}

export type LaunchFormModel = ReturnType<typeof useLaunchForm>;
