import { useQueryStates } from 'nuqs';
import { Suspense } from 'react';
import { useAppConfig } from '../../chain/DeploymentContext.tsx';
import { FreshnessBadge, LivePageHeader } from '../../ui/Freshness.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMediaQuery, WIDE_SCREEN } from '../../ui/useMediaQuery.ts';
import { AddPoolForm } from './AddPoolForm.tsx';
import { applyFilters } from './filterRows.ts';
import { PoolCards } from './PoolCards.tsx';
import { PoolFilters } from './PoolFilters.tsx';
import { PoolTable, PoolTableSkeleton } from './PoolTable.tsx';
import type { PoolListProps } from './poolColumns.tsx';
import { poolFilterParams } from './routes.ts';
import { usePoolRows } from './usePoolRows.ts';

/** The table on wide screens, cards on phones (where the table would scroll sideways). */
function PoolList(props: PoolListProps) {
  return useMediaQuery(WIDE_SCREEN) ? <PoolTable {...props} /> : <PoolCards {...props} />;
}

const TITLE = 'Pools';
const SUBTITLE =
  "Every Olympus pool: each side's balance, the skew and rebalancing rate, effective leverage, token prices now and after the next rebalance at today's price.";

/**
 * The page's head draws at once, while the chain's clients (viem) are still loading: on a phone that is most
 * of the wait, and the head is what the user reads first.
 */
export function PoolsPage() {
  return (
    <Suspense
      fallback={
        <>
          <PageHeader
            title={TITLE}
            subtitle={SUBTITLE}
            actions={<FreshnessBadge state={{ kind: 'loading' }} />}
          />
          <PoolTableSkeleton />
        </>
      }
    >
      <PoolsContent />
    </Suspense>
  );
}

function PoolsContent() {
  const app = useAppConfig();
  const { rows, registry, registryError, chainId, chainNow, freshness, malformed, requested } = usePoolRows();
  // The filters live in the link: a filtered list can be shared, and survives reload and back/forward.
  const [filters, setFilters] = useQueryStates(poolFilterParams);
  const chainName = app.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId}`;
  const usdAvailable = rows.some((r) => r.usdPerCollateral !== undefined);
  const visible = applyFilters(rows, usdAvailable ? filters : { ...filters, unit: 'collateral' });
  const loading = freshness.kind === 'loading';
  const stale = freshness.kind === 'stale';

  return (
    <>
      <LivePageHeader
        title={TITLE}
        subtitle={SUBTITLE}
        problem={{
          state: freshness,
          figures: 'pool figures',
          listError: registryError,
          list: 'the pools',
          onRetry: () => void registry.refetch(),
        }}
      />
      {malformed.length > 0 ? (
        <div className="mb-4">
          <Notice tone="error">Not an address, ignored: {malformed.join(', ')}</Notice>
        </div>
      ) : null}
      {registry.data && registry.data.rejected.length > 0 ? (
        <div className="mb-4">
          <Notice tone="error">
            Not a pool of the Tracer factory on {chainName}, so not shown: {registry.data.rejected.join(', ')}
          </Notice>
        </div>
      ) : null}
      {loading ? (
        <>
          <PoolFilters
            rows={[]}
            filters={filters}
            onChange={(next) => void setFilters(next)}
            usdAvailable={false}
          />
          <PoolTableSkeleton />
        </>
      ) : null}
      {registry.data && registry.data.unverifiedCount > 0 ? (
        <div className="mb-4">
          <Notice>
            {registry.data.unverifiedCount === 1
              ? 'One pool on this factory settles in OHM or gOHM but is not an Olympus pool'
              : `${registry.data.unverifiedCount} pools on this factory settle in OHM or gOHM but are not Olympus pools`}{' '}
            (not deployed by the Olympus treasury, not under Olympus governance, or priced by an unknown
            feed), so they are hidden. Add one by address below to see what it fails.
          </Notice>
        </div>
      ) : null}
      {registry.data && registry.data.pools.length === 0 ? (
        <Notice>
          No Olympus pool (OHM or gOHM collateral) exists on {chainName} yet
          {registry.data.otherCollateralCount > 0
            ? `; the factory lists ${registry.data.otherCollateralCount} pools in other collateral, not shown here.`
            : '.'}
        </Notice>
      ) : null}
      {rows.length > 0 && chainNow !== undefined ? (
        <>
          <PoolFilters
            rows={rows}
            filters={filters}
            onChange={(next) => void setFilters(next)}
            usdAvailable={usdAvailable}
          />
          {visible.length === 0 ? (
            <Notice>
              No pool matches these filters.{' '}
              <button type="button" className="underline" onClick={() => void setFilters(null)}>
                Clear filters
              </button>
            </Notice>
          ) : (
            <PoolList
              rows={visible}
              unit={usdAvailable ? filters.unit : 'collateral'}
              chainNow={chainNow}
              stale={stale}
            />
          )}
        </>
      ) : null}
      <AddPoolForm requested={requested} />
    </>
  );
}
