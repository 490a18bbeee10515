/**
 * The "Health" section of a pool's page (docs/protocol.md, "Pool health"): whether the keeper is on time,
 * when the next upkeep is due and what it pays, whether the price feed still answers, whether the pool is
 * paused, whether the invariant check's condition holds, and who governs it and receives its fees. Everything
 * is derived in health.ts from the same snapshot and clock as the rest of the page; with stale figures, only
 * what the last read showed is claimed.
 */
import type { ChainDeployment } from '../../chain/config/config.ts';
import { formatAge } from '../../ui/age.ts';
import { Card } from '../../ui/Card.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { Countdown, formatDuration } from '../../ui/Countdown.tsx';
import { intervalCount } from '../../ui/keeperWords.ts';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import { HealthBadge } from './HealthBadge.tsx';
import { feedAgeSeconds, feedIsStale, type HealthAddress, healthAddresses, invariantView } from './health.ts';
import type { PoolRowView } from './poolView.ts';
import { RunUpkeep } from './RunUpkeep.tsx';

export interface PoolHealthProps {
  row: PoolRowView;
  chainNow: number;
  chainId: number;
  chainName: string;
  deployment: ChainDeployment;
  /** How old the figures are when they are stale. */
  staleSeconds: number | undefined;
}

function Term({ children }: { children: string }) {
  // Above its value on a phone, beside it from `sm` up.
  return <dt className="mt-2 text-ink-400 first:mt-0 sm:mt-0">{children}</dt>;
}

function AddressLine({ entry }: { entry: HealthAddress }) {
  return (
    <>
      <Term>{entry.label}</Term>
      <dd className="flex min-w-0 flex-wrap items-center gap-1 font-mono text-xs break-all">
        {entry.href ? (
          <a className="hover:text-sand-400" href={entry.href} target="_blank" rel="noreferrer">
            {entry.address}
          </a>
        ) : (
          entry.address
        )}
        <CopyButton value={entry.address} label={entry.label} />
      </dd>
    </>
  );
}

export function PoolHealth({ row, chainNow, chainId, chainName, deployment, staleSeconds }: PoolHealthProps) {
  const pool = row.snapshot;
  const { state } = pool;
  const stale = staleSeconds !== undefined;
  const maxAge = deployment.priceFeedMaxAgeSeconds;
  // With stale figures, ages and lateness are told as of the read (the chain's clock then), since a keeper
  // or a feed may have come since.
  const at = chainNow - (staleSeconds ?? 0);
  const sinceUpkeep = at - Number(state.lastPriceTimestamp);
  const dueAt = Number(state.lastPriceTimestamp) + state.updateInterval;
  // Late only as the block read says, the same answer the badge and the list give (engine/keeperTiming.ts).
  const { keeper } = row;
  const feedAge = feedAgeSeconds(pool, at);
  const invariant = invariantView(pool);
  const { symbol, decimals } = pool.info.collateral;
  const amount = (value: bigint) => <TokenAmount value={value} decimals={decimals} unit={symbol} />;

  return (
    <Card
      title={
        <span className="flex flex-wrap items-center gap-2">
          Health <HealthBadge row={row} stale={stale} />
        </span>
      }
      className="mb-6"
    >
      <dl
        className="grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-y-2"
        aria-label="Pool health"
      >
        <Term>Last upkeep</Term>
        <dd>
          {formatAge(sinceUpkeep)} ago:{' '}
          {keeper.kind === 'late' ? (
            <span className="text-warn">late {intervalCount(keeper.intervals)}</span>
          ) : keeper.kind === 'due' ? (
            <span>{keeper.confirmed ? 'due now, waiting for a keeper' : 'due now'}</span>
          ) : (
            <span className="text-long">on time</span>
          )}
          {stale ? <span className="text-ink-400"> (as of the last read)</span> : null}
        </dd>
        <Term>Next upkeep due</Term>
        <dd>
          {/* The schedule itself is known; only whether a keeper came since the read is not. */}
          {dueAt > chainNow ? (
            <>
              in <Countdown seconds={dueAt - chainNow} overdueLabel="now" approximate={stale} />
            </>
          ) : (
            <>
              {formatAge(chainNow - dueAt)} ago (one every {state.updateInterval} s)
            </>
          )}
        </dd>
        <Term>Price feed</Term>
        <dd>
          {feedAge === undefined ? (
            <span className="text-warn">not answering</span>
          ) : (
            <>
              updated {formatAge(feedAge)} ago
              {feedIsStale(feedAge, maxAge) ? (
                <span className="text-warn">: stale (older than {formatDuration(maxAge)})</span>
              ) : null}
            </>
          )}
          {stale ? <span className="text-ink-400"> (as of the last read)</span> : null}
        </dd>
        <Term>Paused</Term>
        <dd>
          {pool.paused ? (
            <span className="text-short">Yes: commits and claims revert until governance unpauses it.</span>
          ) : (
            'No'
          )}
        </dd>
        <Term>Invariant check</Term>
        <dd>
          {invariant.holds ? (
            <span className="text-long">Holds</span>
          ) : (
            <span className="text-short">Fails</span>
          )}
          : it holds {amount(invariant.held)},{' '}
          {invariant.holds ? (
            <>
              at least the {amount(invariant.required)} its sides and pending mints need; the rest (
              {amount(invariant.surplus)}) {invariant.coversFees ? 'covers' : 'does not cover'} the fees
              accrued ({amount(invariant.feesAccrued)}).
            </>
          ) : (
            <>less than the {amount(invariant.required)} its sides and pending mints need.</>
          )}
        </dd>
        {healthAddresses(pool, deployment).map((entry) => (
          <AddressLine key={entry.label} entry={entry} />
        ))}
      </dl>
      <RunUpkeep
        pool={pool}
        chainId={chainId}
        chainName={chainName}
        chainNow={chainNow}
        maxFeedAgeSeconds={maxAge}
        staleSeconds={staleSeconds}
      />
    </Card>
  );
}
