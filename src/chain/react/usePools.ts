/**
 * React hooks over the pool registry and reader. The state of every pool is one `eth_call` per poll
 * interval, however fast blocks come (Arbitrum mines four a second), and none while the tab is hidden; the
 * block number and time come inside that call. The query key never changes with the block, so a new block
 * never swaps the figures for a placeholder: each snapshot carries its own block time and the wall-clock time
 * it was read, and the clock a view uses is derived from the snapshot it shows (freshness.ts).
 */
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Address } from 'viem';
import { MAX_ITERATIONS } from '../../engine/constants.ts';
import { chainDeployments } from '../config/chainDeployments.ts';
import type { ChainClients } from '../config/clients.ts';
import type { ChainDeployment } from '../config/config.ts';
import { chainNowOf, type FreshnessState, freshnessOf } from '../pools/freshness.ts';
import { type PoolsSnapshot, readPools } from '../pools/poolReader.ts';
import { discoverPools, type PoolRegistry } from '../pools/poolRegistry.ts';
import { userOn, useWallet } from '../wallet/wallet.ts';
import { useAppConfig, useDevnet } from './DeploymentContext.tsx';
import { chainKeys } from './queryKeys.ts';

/** The chain whose pools are shown: the wallet's if the app serves it, otherwise the default chain. */
export function useActiveChain(): {
  chainId: number;
  deployment: ChainDeployment;
  clients: ChainClients;
  walletOnOtherChain: boolean;
} {
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
  const { chainId, deployment, clients } = useActiveChain();
  return useQuery<PoolRegistry>({
    queryKey: chainKeys.registry(chainId, requested),
    queryFn: () => discoverPools(clients.read, deployment, requested),
    // Read again when the snapshot sees the factory's pool count move, and while it keeps failing.
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => (query.state.status === 'error' ? deployment.pollIntervalMs : false),
    retry: false,
  });
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
  const { chainId, deployment, clients } = useActiveChain();
  const user = userOn(useWallet(), chainId);
  const registry = usePoolRegistry(requested);
  const queryClient = useQueryClient();
  const hints = useRef(new Map<Address, bigint>());
  // After a read that could not see every queued interval (a late keeper), read further ahead.
  const extraIntervals = useRef(0);
  const pools = registry.data?.pools;
  // The registry's addresses are checksummed: the key names each pool one way.
  const poolsKey = pools?.map((p) => p.address).join(',') ?? null;

  const snapshot = useQuery<PoolsSnapshot>({
    queryKey: [...chainKeys.snapshot(chainId, user), poolsKey],
    queryFn: async () => {
      if (!pools) throw new Error('pools not loaded');
      const result = await readPools(clients.read, deployment, pools, {
        ...(user ? { user } : {}),
        intervalHints: hints.current,
        extraIntervals: extraIntervals.current,
      });
      for (const pool of result.pools) hints.current.set(pool.info.committer, pool.state.updateIntervalId);
      extraIntervals.current = result.commitsComplete ? 0 : MAX_ITERATIONS + 1;
      return result;
    },
    enabled: Boolean(pools),
    // The figures on screen stay until the next read replaces them; their own timestamps say how old they are.
    placeholderData: keepPreviousData,
    refetchInterval: deployment.pollIntervalMs,
    // Stale by the next poll, so returning to a hidden tab reads at once.
    staleTime: deployment.pollIntervalMs - 1,
    // The transport already retried; the next poll is the next try.
    retry: false,
  });

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
