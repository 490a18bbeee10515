import { useState } from 'react';
import { isAddress } from 'viem';
import { hrefOf } from '../../app/routes.ts';
import { useDeployment } from '../../chain/DeploymentContext.tsx';
import { Button } from '../../ui/Button.tsx';
import { FreshnessBadge, ReadProblem } from '../../ui/Freshness.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { applyFilters, DEFAULT_FILTERS, type PoolFilterState, PoolFilters } from './PoolFilters.tsx';
import { PoolTable, PoolTableSkeleton } from './PoolTable.tsx';
import { usePoolRows } from './usePoolRows.ts';

function AddPoolForm({ requested }: { requested: string[] }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();
  return (
    <form
      className="mt-6 flex flex-wrap items-start gap-2"
      onSubmit={(e) => {
        e.preventDefault();
        const address = value.trim();
        if (!isAddress(address, { strict: false })) {
          setError('That is not an address: 0x followed by 40 hexadecimal characters.');
          return;
        }
        setError(undefined);
        window.location.hash = hrefOf('pools', { add: [...new Set([...requested, address])].join(',') });
        setValue('');
      }}
    >
      <label className="flex min-w-80 flex-col gap-1 text-xs text-ink-400">
        Show a pool that is not listed (checked with the factory)
        <input
          className="rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 font-mono text-sm text-ink-50"
          placeholder="0x… pool address"
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'add-pool-error' : undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {error ? (
          <span id="add-pool-error" className="text-short">
            {error}
          </span>
        ) : null}
      </label>
      <Button type="submit" variant="secondary" className="mt-5">
        Add pool
      </Button>
    </form>
  );
}

export function PoolsPage() {
  const { app } = useDeployment();
  const { rows, registry, registryError, chainId, chainNow, freshness, malformed, requested } = usePoolRows();
  const [filters, setFilters] = useState<PoolFilterState>(DEFAULT_FILTERS);
  const chainName = app.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId}`;
  const usdAvailable = rows.some((r) => r.usdPerCollateral !== undefined);
  const visible = applyFilters(rows, usdAvailable ? filters : { ...filters, unit: 'collateral' });
  const loading = freshness.kind === 'loading';
  const stale = freshness.kind === 'stale';

  return (
    <>
      <PageHeader
        title="Pools"
        subtitle={
          <>
            Every Olympus pool on {chainName}: each side's balance, the skew and rebalancing rate, effective
            leverage, token prices now and after the next rebalance at today's price.
          </>
        }
        actions={<FreshnessBadge state={freshness} />}
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
      <ReadProblem
        state={freshness}
        figures="pool figures"
        listError={registryError}
        list="the pools"
        onRetry={() => void registry.refetch()}
      />
      {loading ? (
        <>
          <PoolFilters rows={[]} filters={filters} onChange={setFilters} usdAvailable={false} />
          <PoolTableSkeleton />
        </>
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
          <PoolFilters rows={rows} filters={filters} onChange={setFilters} usdAvailable={usdAvailable} />
          {visible.length === 0 ? (
            <Notice>
              No pool matches these filters.{' '}
              <button type="button" className="underline" onClick={() => setFilters(DEFAULT_FILTERS)}>
                Clear filters
              </button>
            </Notice>
          ) : (
            <PoolTable
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
