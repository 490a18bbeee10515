/**
 * React hooks over the pool registry and reader: the registry once per chain (refreshed each minute), the
 * state of every pool once per new block, as one `eth_call`. The read is of the latest state, not pinned to the
 * block that triggered it, so a refresh after a transaction (query invalidation) sees that transaction even
 * before the block watcher has. The previous result stays on screen until the new one lands.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useRef } from 'react';
import type { Address, PublicClient } from 'viem';
import { useAccount, useBlockNumber, usePublicClient } from 'wagmi';
import { MAX_ITERATIONS } from '../engine/constants.ts';
import { chainDeployments } from './chainDeployments.ts';
import type { ChainDeployment } from './config.ts';
import { useDeployment } from './DeploymentContext.tsx';
import { type PoolsSnapshot, readPools } from './poolReader.ts';
import { discoverPools, type PoolRegistry } from './poolRegistry.ts';

/** The chain whose pools are shown: the wallet's if the app serves it, otherwise the default chain. */
export function useActiveChain(): {
  chainId: number;
  deployment: ChainDeployment;
  walletOnOtherChain: boolean;
} {
  const { app, devnet } = useDeployment();
  const { chainId: walletChainId, isConnected } = useAccount();
  const deployments = useMemo(() => chainDeployments(devnet), [devnet]);
  const served = walletChainId !== undefined && deployments.has(walletChainId);
  const chainId = served ? walletChainId : app.defaultChain.id;
  const deployment = deployments.get(chainId);
  if (!deployment) throw new Error(`no deployment for chain ${chainId}`);
  return { chainId, deployment, walletOnOtherChain: isConnected && !served };
}

export function usePoolRegistry(requested: readonly Address[] = []) {
  const { chainId, deployment } = useActiveChain();
  const client = usePublicClient({ chainId }) as PublicClient | undefined;
  return useQuery<PoolRegistry>({
    queryKey: ['pool-registry', chainId, requested.map((a) => a.toLowerCase()).sort()],
    queryFn: () => {
      if (!client) throw new Error('no RPC client for this chain');
      return discoverPools(client, deployment, requested);
    },
    enabled: Boolean(client),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
}

export function usePoolsSnapshot(requested: readonly Address[] = []) {
  const { chainId, deployment } = useActiveChain();
  const { address, chainId: walletChainId } = useAccount();
  const user = walletChainId === chainId ? address : undefined;
  const client = usePublicClient({ chainId }) as PublicClient | undefined;
  const registry = usePoolRegistry(requested);
  const block = useBlockNumber({ chainId, watch: true });
  const hints = useRef(new Map<Address, bigint>());
  // After a read that could not see every queued interval (a late keeper), read further ahead.
  const extraIntervals = useRef(0);

  const snapshot = useQuery<PoolsSnapshot>({
    queryKey: ['pools-state', chainId, user ?? null, registry.dataUpdatedAt, block.data?.toString() ?? null],
    queryFn: async () => {
      if (!client || !registry.data) throw new Error('pools not loaded');
      const result = await readPools(client, deployment, registry.data.pools, {
        ...(user ? { user } : {}),
        intervalHints: hints.current,
        extraIntervals: extraIntervals.current,
      });
      for (const pool of result.pools) hints.current.set(pool.info.committer, pool.state.updateIntervalId);
      extraIntervals.current = result.commitsComplete ? 0 : MAX_ITERATIONS + 1;
      return result;
    },
    enabled: Boolean(client && registry.data && block.data !== undefined),
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 10_000,
    retry: 2,
  });

  return { registry, snapshot, block, chainId, deployment };
}
