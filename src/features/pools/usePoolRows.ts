import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import { type Address, isAddress } from 'viem';
import { usePoolsSnapshot } from '../../chain/usePools.ts';
import { type PoolRowView, poolRowView } from './poolView.ts';
import { addedPoolsParam } from './routes.ts';

/** Pools asked for in the link (`?add=0x…,0x…`); malformed entries are returned apart, never read. */
export function useRequestedPools(): { requested: Address[]; malformed: string[] } {
  const [{ add }] = useQueryStates(addedPoolsParam);
  return useMemo(() => {
    const entries = add.map((s) => s.trim()).filter(Boolean);
    return {
      requested: entries.filter((e): e is Address => isAddress(e, { strict: false })),
      malformed: entries.filter((e) => !isAddress(e, { strict: false })),
    };
  }, [add]);
}

export function usePoolRows(extra: readonly Address[] = []) {
  const fromUrl = useRequestedPools();
  const requested = useMemo(() => [...new Set([...fromUrl.requested, ...extra])], [fromUrl.requested, extra]);
  const malformed = fromUrl.malformed;
  const { registry, registryError, snapshot, chainId, deployment, chainNow, freshness } =
    usePoolsSnapshot(requested);
  const data = snapshot.data;
  const maxFeedAge = deployment.priceFeedMaxAgeSeconds;
  const rows: PoolRowView[] = useMemo(
    () =>
      data && chainNow !== undefined ? data.pools.map((p) => poolRowView(p, data, chainNow, maxFeedAge)) : [],
    // Re-derived each clock tick too: an overdue pool's preview depends on when the keeper will come.
    [data, chainNow, maxFeedAge],
  );
  return {
    rows,
    registry,
    registryError,
    snapshot,
    chainId,
    deployment,
    chainNow,
    freshness,
    malformed,
    requested,
  };
}
