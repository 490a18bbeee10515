/**
 * Feeds the alerts from the pools snapshots the pages already read (src/chain/react/usePools.ts), by listening to
 * the query cache rather than reading anything: the alerts add no RPC request, and while the tab is hidden
 * (when the snapshot is not polled) they see nothing new. What happened meanwhile is told once, from the first
 * read after the tab returns, compared with the last one seen before it was hidden (docs/alerts.md).
 */
import { type Query, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { useNavigate } from 'react-router';
import type { Address } from 'viem';
import { chainDeployments } from '../../chain/config/chainDeployments.ts';
import type { PoolsSnapshot } from '../../chain/pools/poolSnapshot.ts';
import { useDevnet } from '../../chain/react/DeploymentContext.tsx';
import { snapshotKeyParts } from '../../chain/react/queryKeys.ts';
import type { SnapshotRead } from './alertEvents.ts';
import { observeSnapshot } from './alertsStore.ts';
import { notifyBrowser } from './browserNotify.ts';

/** A snapshot query's chain, user and data, or undefined for any other query (or one without data yet). */
function snapshotOf(query: Query): { user: Address | undefined; snapshot: PoolsSnapshot } | undefined {
  const key = snapshotKeyParts(query.queryKey);
  const data = query.state.data;
  if (!key || data === undefined) return undefined;
  // The key says what the data is: usePoolsSnapshot stores a PoolsSnapshot under it.
  const snapshot = data as PoolsSnapshot;
  if (snapshot.chainId !== key.chainId || !Array.isArray(snapshot.pools)) return undefined;
  return { user: key.user, snapshot };
}

export function useAlertWatcher(): void {
  const queryClient = useQueryClient();
  const devnet = useDevnet();
  const navigate = useNavigate();
  // Declarative routing gives a new `navigate` on each page: the listener keeps one subscription and follows it.
  const navigateRef = useRef(navigate);
  useEffect(() => {
    navigateRef.current = navigate;
  }, [navigate]);
  const deployments = useMemo(() => chainDeployments(devnet), [devnet]);

  useEffect(() => {
    const cache = queryClient.getQueryCache();
    const take = (query: Query) => {
      const found = snapshotOf(query);
      const pollIntervalMs = found && deployments.get(found.snapshot.chainId)?.pollIntervalMs;
      if (!found || !pollIntervalMs) return;
      const read: SnapshotRead = { ...found, pollIntervalMs, nowMs: Date.now() };
      notifyBrowser(observeSnapshot(read), (to) => navigateRef.current(to));
    };
    // What was read before the alerts' code arrived (a stale one tells nothing: alertEvents.ts).
    for (const query of cache.getAll()) take(query);
    // Each successful read; a failed one changes no data and tells nothing.
    return cache.subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') take(event.query);
    });
  }, [queryClient, deployments]);
}
