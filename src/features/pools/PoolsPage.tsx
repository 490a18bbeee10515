import { useQueryStates } from 'nuqs';
import { Suspense, useId } from 'react';
import { poolReadProblem } from '../../chain/pools/poolReadProblem.ts';
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import { FreshnessBadge, LivePageHeader } from '../../ui/Freshness.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { useMediaQuery, WIDE_SCREEN } from '../../ui/useMediaQuery.ts';
import { AddPoolForm } from './AddPoolForm.tsx';
import { applyFilters } from './filterRows.ts';
import { poolFilterParams } from './links.ts';
import { PoolCards } from './PoolCards.tsx';
import { PoolFilters } from './PoolFilters.tsx';
import { PoolTable, PoolTableSkeleton } from './PoolTable.tsx';
import type { PoolListProps } from './poolColumns.tsx';
import { splitByVerification } from './poolView.ts';
import { usePoolRows, useRequestedPools } from './usePoolRows.ts';

/** The table on wide screens, cards on phones (where the table would scroll sideways). */
function PoolList(props: PoolListProps) {
  return useMediaQuery(WIDE_SCREEN) ? <PoolTable {...props} /> : <PoolCards {...props} />;
}

/**
 * Pools added by address that fail verification (docs/protocol.md §8), apart from the Olympus list and under
 * a heading that says what they are: a look-alike drawn among Olympus pools would borrow their trust.
 */
function UnverifiedPools(props: Omit<PoolListProps, 'unverified'>) {
  const heading = useId();
  return (
    <section aria-labelledby={heading} className="mt-8 space-y-3">
      <div className="rounded-xl border border-short/50 bg-short/10 px-4 py-3 text-sm text-ink-100">
        <h2 id={heading} className="font-semibold text-short">
          Not Olympus pools
        </h2>
        <p className="mt-1">
          You added these by address, and they fail the Olympus checks: the Olympus treasury did not deploy
          them, Olympus governance does not govern them, or unknown feeds price them. Whoever controls them
          can move their price, drain them through keeper rewards, or pause them and withdraw their
          collateral, so what you put in them can be taken. Open one to see what it fails.
        </p>
      </div>
      <PoolList {...props} unverified />
    </section>
  );
}

const TITLE = 'Pools';
const SUBTITLE =
  "Every Olympus pool: each side's balance, the skew and rebalancing rate, effective leverage, token prices now and after the next rebalance at today's price.";

/**
 * The page's head draws at once, while the chain's clients (viem) are still loading: on a phone that is most
 * of the wait, and the head is what the user reads first. It is also the page's prerendered first screen
 * (docs/first-paint.md).
 */
export function PoolsPage() {
  return (
    <Suspense fallback={<PoolsWaiting />}>
      <PoolsContent />
    </Suspense>
  );
}

/**
 * The page before the chain's clients have loaded, block for block the list's own loading state below (the
 * filters above the table's placeholder, the add-a-pool form under it): when the clients arrive nothing moves.
 */
function PoolsWaiting() {
  const [filters, setFilters] = useQueryStates(poolFilterParams);
  const { requested } = useRequestedPools();
  return (
    <>
      <PageHeader
        title={TITLE}
        subtitle={SUBTITLE}
        actions={<FreshnessBadge state={{ kind: 'loading' }} />}
      />
      <LoadingList filters={filters} onChange={(next) => void setFilters(next)} />
      <AddPoolForm requested={requested} />
    </>
  );
}

function LoadingList(props: Pick<Parameters<typeof PoolFilters>[0], 'filters' | 'onChange'>) {
  return (
    <>
      <PoolFilters rows={[]} usdAvailable={false} {...props} />
      <PoolTableSkeleton />
    </>
  );
}

function PoolsContent() {
  const app = useAppConfig();
  const pools = usePoolRows();
  const { rows, registry, chainId, chainNow, freshness, malformed, checksumFailed, requested } = pools;
  // The filters live in the link: a filtered list can be shared, and survives reload and back/forward.
  const [filters, setFilters] = useQueryStates(poolFilterParams);
  const chainName = app.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId}`;
  const usdAvailable = rows.some((r) => r.usdPerCollateral !== undefined);
  const unit = usdAvailable ? filters.unit : 'collateral';
  // Pools added by address that fail verification are listed apart, and the filters leave them alone: they
  // were asked for one by one.
  const { olympus, unverified } = splitByVerification(rows);
  const visible = applyFilters(olympus, { ...filters, unit });
  const olympusCount = registry.data?.pools.filter((p) => p.verification.verified).length;
  const loading = freshness.kind === 'loading';
  const stale = freshness.kind === 'stale';

  return (
    <>
      <LivePageHeader
        title={TITLE}
        subtitle={SUBTITLE}
        problem={{ ...poolReadProblem(pools), figures: 'pool figures', list: 'the pools' }}
      />
      {malformed.length > 0 ? (
        <div className="mb-4">
          <Notice tone="error">Not an address, ignored: {malformed.join(', ')}</Notice>
        </div>
      ) : null}
      {checksumFailed.length > 0 ? (
        <div className="mb-4">
          <Notice tone="error">
            Failing its checksum (a character was changed or mistyped, so it may name another pool), not
            shown: {checksumFailed.join(', ')}
          </Notice>
        </div>
      ) : null}
      {registry.data && registry.data.rejected.length > 0 ? (
        <div className="mb-4">
          <Notice tone="error">
            Not a pool of the Tracer factory on {chainName}, so not shown: {registry.data.rejected.join(', ')}
          </Notice>
        </div>
      ) : null}
      {loading ? <LoadingList filters={filters} onChange={(next) => void setFilters(next)} /> : null}
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
      {registry.data && olympusCount === 0 ? (
        <Notice>
          No Olympus pool (OHM or gOHM collateral) exists on {chainName} yet
          {registry.data.otherCollateralCount > 0
            ? `; the factory lists ${registry.data.otherCollateralCount} pools in other collateral, not shown here.`
            : '.'}
        </Notice>
      ) : null}
      {olympus.length > 0 && chainNow !== undefined ? (
        <>
          <PoolFilters
            rows={olympus}
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
            <PoolList rows={visible} unit={unit} chainNow={chainNow} stale={stale} />
          )}
        </>
      ) : null}
      {unverified.length > 0 && chainNow !== undefined ? (
        <UnverifiedPools rows={unverified} unit={unit} chainNow={chainNow} stale={stale} />
      ) : null}
      <AddPoolForm requested={requested} />
    </>
  );
}
