/**
 * React hooks over the pool registry and reader. The state of every pool is one `eth_call` per poll
 * interval, however fast blocks come (Arbitrum mines four a second), and none while the tab is hidden; the
 * block number and time come inside that call. The query key never changes with the block, so a new block
 * never swaps the figures for a placeholder: each snapshot carries its own block time and the wall-clock time
 * it was read, and the clock a view uses is derived from the snapshot it shows (freshness.ts).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Address } from 'viem';
import { chainDeployments } from '../config/chainDeployments.ts';
import { chainNowOf, type FreshnessState, freshnessOf } from '../pools/freshness.ts';
import type { PoolsSnapshot } from '../pools/poolReader.ts';
import { userOn, useWallet } from '../wallet/wallet.ts';
import { useAppConfig, useDevnet } from './DeploymentContext.tsx';
import {
  type ChainReads,
  poolsSnapshotOptions,
  registryOptions,
  type SnapshotMemory,
} from './poolQueries.ts';
import { chainKeys } from './queryKeys.ts';

/** The chain whose pools are shown: the wallet's if the app serves it, otherwise the default chain. */
export function useActiveChain(): ChainReads & { walletOnOtherChain: boolean } {
  const app = useAppConfig();
  const devnet = useDevnet();
  const wallet = useWallet();
  const walletChainId = wallet.status === 'connected' ? wallet.chainId : undefined;
  const deployments = useMemo(() => chainDeployments(devnet), [devnet]);
  const served = walletChainId !== undefined && deployments.has(walletChainId);
  const chainId = served ? walletChainId : app.defaultChain.id;
  const deployment = deployments.get(chainId);
  const clients = app.clients.get(chainId);
  if (!deployment || !clients) throw new Error(`no deployment for chain ${chainId}`);
  return { chainId, deployment, clients, walletOnOtherChain: walletChainId !== undefined && !served };
}

export function usePoolRegistry(requested: readonly Address[] = []) {
  return useQuery(registryOptions(useActiveChain(), requested));
}

/** Wall-clock ms, ticking every second: what ages figures and moves countdowns between reads. */
export function useNow(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

export function usePoolsSnapshot(requested: readonly Address[] = []) {
  const active = useActiveChain();
  const { chainId, deployment, clients } = active;
  const user = userOn(useWallet(), chainId);
  const registry = usePoolRegistry(requested);
  const queryClient = useQueryClient();
  // What each read leaves for the next (poolQueries.ts): kept for the life of the component.
  const memory = useRef<SnapshotMemory>({ hints: new Map(), extraIntervals: 0 });
  const snapshot = useQuery(poolsSnapshotOptions(active, user, registry.data?.pools, memory.current));

  const factoryPoolCount = snapshot.data?.factoryPoolCount;
  const registryPoolCount = registry.data?.factoryPoolCount;
  useEffect(() => {
    if (
      factoryPoolCount !== undefined &&
      registryPoolCount !== undefined &&
      factoryPoolCount !== registryPoolCount
    )
      void queryClient.invalidateQueries({ queryKey: chainKeys.registries(chainId) });
  }, [factoryPoolCount, registryPoolCount, queryClient, chainId]);

  const { chainNow, freshness } = useSnapshotClock(snapshot.data, {
    pollIntervalMs: deployment.pollIntervalMs,
    error: snapshot.error ?? registry.error,
    endpoint: clients.endpoint,
  });
  // A failed pool list with nothing to stand in for it; a failing snapshot is told by the freshness.
  const registryError = registry.error && !registry.data ? registry.error : undefined;
  return { registry, registryError, snapshot, chainId, deployment, chainNow, freshness };
}

/**
 * What a view needs to show the snapshot truthfully: the chain's clock from the same snapshot as the figures,
 * and how fresh they are. Ticks every second.
 */
export function useSnapshotClock(
  data: PoolsSnapshot | undefined,
  { pollIntervalMs, error, endpoint }: { pollIntervalMs: number; error: unknown; endpoint: string },
): { chainNow: number | undefined; freshness: FreshnessState } {
  const now = useNow();
  return {
    chainNow: data ? chainNowOf(data, now) : undefined,
    freshness: freshnessOf({
      receivedAt: data?.receivedAt,
      blockNumber: data?.blockNumber,
      pollIntervalMs,
      nowMs: now,
      error,
      endpoint,
    }),
  };
}
