import { useQueryStates } from 'nuqs';
import { useMemo } from 'react';
import type { Address } from 'viem';
import { parseAddressText } from '../../chain/config/addressText.ts';
import { usePoolsSnapshot } from '../../chain/react/usePools.ts';
import { addedPoolsParam } from './links.ts';
import { type PoolRowView, poolRowView } from './poolView.ts';

/**
 * Pools asked for in the link (`?add=0x…,0x…`); entries that are not addresses, or whose mixed case fails its
 * checksum, are returned apart and never read.
 */
export function useRequestedPools(): { requested: Address[]; malformed: string[]; checksumFailed: string[] } {
  const [{ add }] = useQueryStates(addedPoolsParam);
  return useMemo(() => {
    const requested: Address[] = [];
    const malformed: string[] = [];
    const checksumFailed: string[] = [];
    for (const entry of add.map((s) => s.trim()).filter(Boolean)) {
      const read = parseAddressText(entry);
      if (read.ok) requested.push(read.address);
      else (read.problem === 'format' ? malformed : checksumFailed).push(entry);
    }
    return { requested, malformed, checksumFailed };
  }, [add]);
}

export function usePoolRows(extra: readonly Address[] = []) {
  const fromUrl = useRequestedPools();
  const requested = useMemo(() => [...new Set([...fromUrl.requested, ...extra])], [fromUrl.requested, extra]);
  const { malformed, checksumFailed } = fromUrl;
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
    checksumFailed,
    requested,
  };
}
