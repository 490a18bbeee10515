/**
 * The protocol page, `#/protocol`: per Olympus pool, TVL over time, mint volume, fees, and what the Olympus
 * treasury earned, as the history indexer sums them (docs/indexer.md, "Protocol view"). Without an indexer
 * nothing here is computed: the page says so rather than show figures it cannot stand behind.
 */
import { lazy, type ReactNode, Suspense } from 'react';
import { describeReadFailure } from '../../chain/errors/endpointFailure.ts';
import type { ProtocolDaysOutcome } from '../../chain/history/protocolDays.ts';
import { usePoolRegistry } from '../../chain/react/usePools.ts';
import { useProtocolDays } from '../../chain/react/useProtocolDays.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { exactAmount } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { Stat } from '../../ui/Stat.tsx';
import { type CollateralTotals, type ProtocolPoolView, protocolView } from './protocolView.ts';

const ProtocolCharts = lazy(() =>
  import('./ProtocolCharts.tsx').then((m) => ({ default: m.ProtocolCharts })),
);

export const NO_INDEXER_TEXT =
  "These figures need the history indexer, and this deployment has none. TVL over time, volume, fees and the treasury's earnings are summed by the indexer from every pool's events; they are not computed from the browser, so none is shown here.";

const UNAVAILABLE_TEXT: Record<Extract<ProtocolDaysOutcome, { kind: 'unavailable' }>['why'], string> = {
  unreachable: 'The history indexer is not answering, so these figures cannot be shown now.',
  'not-ready': 'The history indexer is still starting: it has not indexed a block yet.',
  'other-chain':
    'The history indexer answers for another chain (or an earlier run of this one), so its figures are not used.',
};

const TVL_NOTE =
  "A day's TVL is the pool's last recorded balances that day, long plus short. Pools record their balances at commits and claims, not at rebalances, so fees taken and value moved at a rebalance show only once the next commit or claim records the balances: a day without either keeps an older figure.";

const amount = (value: bigint, decimals: number, unit: string) => `${exactAmount(value, decimals)} ${unit}`;

function TotalsTable({ totals }: { totals: CollateralTotals[] }) {
  const head = [
    'Collateral',
    'TVL',
    'Minted',
    'Fees charged',
    'Protocol claimed',
    'Treasury claimed',
    'Treasury share',
  ];
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left font-mono text-xs">
        <caption className="sr-only">Totals of every Olympus pool, per collateral</caption>
        <thead className="text-ink-400">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-2 py-1 font-normal">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {totals.map((t) => (
            <tr key={t.symbol} className="border-t border-ink-800">
              <th scope="row" className="px-2 py-1 font-normal">
                {t.symbol}
              </th>
              {[t.tvl, t.mintVolume, t.feesCharged, t.primaryFees].map((v, i) => (
                <td key={head[i + 1]} className="px-2 py-1">
                  {amount(v, t.decimals, t.symbol)}
                </td>
              ))}
              <td className="px-2 py-1" data-testid={`treasury-total-${t.symbol}`}>
                {amount(t.secondaryFees, t.decimals, t.symbol)}
              </td>
              <td className="px-2 py-1">{t.treasuryShare ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PoolCard({ pool }: { pool: ProtocolPoolView }) {
  const { decimals, symbol, totals } = pool;
  return (
    <Card title={pool.name} className="mb-6">
      <dl className="mb-4 grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-6">
        <Stat label="TVL, last day" value={amount(pool.latestTvl, decimals, symbol)} />
        <Stat label="Minted" value={amount(totals.mintVolume, decimals, symbol)} />
        <Stat label="Fees charged" value={amount(totals.feesCharged, decimals, symbol)} />
        <Stat label="Protocol claimed" value={amount(totals.primaryFees, decimals, symbol)} />
        <Stat label="Treasury claimed" value={amount(totals.secondaryFees, decimals, symbol)} />
        <Stat label="Treasury share" value={pool.treasuryShare ?? '—'} hint="of the fees claimed" />
      </dl>
      <Suspense fallback={<Skeleton className="h-56 w-full" />}>
        <ProtocolCharts pool={pool} />
      </Suspense>
    </Card>
  );
}

function Figures({ outcome }: { outcome: Extract<ProtocolDaysOutcome, { kind: 'figures' }> }) {
  const registry = usePoolRegistry();
  const pools = (registry.data?.pools ?? []).map((p) => ({
    address: p.address,
    name: p.name,
    collateral: p.collateral,
  }));
  if (outcome.days.length === 0) return <Notice>No Olympus pool has recorded a day yet.</Notice>;
  if (!registry.data && registry.error)
    return (
      <ErrorState
        what="the pool list"
        problem={describeReadFailure(registry.error)}
        onRetry={() => void registry.refetch()}
      />
    );
  if (!registry.data) return <Skeleton className="h-32 w-full" />;
  const view = protocolView(outcome.days, pools);
  return (
    <>
      <Card title="All Olympus pools" className="mb-6">
        <TotalsTable totals={view.totals} />
        <p className="mt-3 text-xs text-ink-400">
          Fees are claimed out of a pool now and then, not at each rebalance: the protocol's and the
          treasury's claims follow the fees charged with a lag. {TVL_NOTE}
        </p>
        {view.unlisted > 0 ? (
          <p className="mt-2 text-xs text-ink-400">
            {view.unlisted} pool{view.unlisted === 1 ? '' : 's'} the indexer serves{' '}
            {view.unlisted === 1 ? 'is' : 'are'} not in this app's pool list, so{' '}
            {view.unlisted === 1 ? 'it is' : 'they are'} left out.
          </p>
        ) : null}
      </Card>
      {view.pools.map((pool) => (
        <PoolCard key={pool.address} pool={pool} />
      ))}
      <p className="text-xs text-ink-400" data-testid="protocol-source">
        From the history indexer, indexed to block {outcome.indexedTo.toString()} (
        {new Date(outcome.indexedAt * 1000).toISOString().replace('.000Z', 'Z')}).
      </p>
    </>
  );
}

export function ProtocolPage() {
  const days = useProtocolDays();
  const header = (
    <PageHeader
      title="Protocol"
      subtitle="Per Olympus pool: TVL over time, mint volume, fees, and what the Olympus treasury earned. Amounts are exact, in each pool's collateral."
    />
  );
  let body: ReactNode;
  if (days.data?.kind === 'figures') body = <Figures outcome={days.data} />;
  else if (days.data?.kind === 'no-indexer') body = <Notice>{NO_INDEXER_TEXT}</Notice>;
  else if (days.data?.kind === 'unavailable')
    body = (
      <Notice
        tone="warn"
        action={
          <Button variant="secondary" onClick={() => void days.refetch()}>
            Retry
          </Button>
        }
      >
        {UNAVAILABLE_TEXT[days.data.why]} They are not computed from the browser.
      </Notice>
    );
  else if (days.error)
    body = (
      <ErrorState
        what="the protocol's figures"
        problem={describeReadFailure(days.error)}
        onRetry={() => void days.refetch()}
      />
    );
  else
    body = (
      <div role="status" aria-label="Loading the protocol's figures" className="space-y-4">
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  return (
    <>
      {header}
      {body}
    </>
  );
}
