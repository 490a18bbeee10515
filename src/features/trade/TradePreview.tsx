import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import type { CommitPreview } from '../../engine/commitPreview.ts';
import { quad } from '../../engine/index.ts';
import { keeperTiming } from '../../engine/keeperTiming.ts';
import { annualFeeFromPerInterval } from '../../engine/metrics.ts';
import type { Side } from '../../engine/types.ts';
import { formatApproximate, formatDuration } from '../../ui/Countdown.tsx';
import { formatLeverage, formatNumber, formatWadPercent } from '../../ui/format.ts';
import { intervalCount } from '../../ui/keeperWords.ts';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import type { Action } from './tradeModel.ts';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <>
      <dt className="text-ink-400">{label}</dt>
      <dd className="text-right font-mono">{children}</dd>
    </>
  );
}

/**
 * When a commit executes: at its rebalance on a keeper that keeps time; after the keeper's next upkeep, no
 * sooner than its rebalance, when the keeper is late (`lateIntervals`, as the block read says:
 * engine/keeperTiming.ts); only approximately on stale figures; not at all while the pool is paused.
 */
export function executionText(
  waitSeconds: number,
  lateIntervals: number,
  stale: boolean,
  paused = false,
): string {
  // No upkeep runs on a paused pool (docs/protocol.md §9), so no countdown means anything there.
  if (paused) return 'once the pool is unpaused (it is paused now)';
  const at = stale ? formatApproximate : formatDuration;
  if (lateIntervals >= 1) {
    const late = `it is ${intervalCount(lateIntervals)} late`;
    return waitSeconds > 0
      ? `after the keeper's next upkeep, in ${at(waitSeconds)} at the soonest (${late})`
      : `after the keeper's next upkeep (${late})`;
  }
  if (waitSeconds > 0) return `at the rebalance in ${at(waitSeconds)}`;
  return stale ? 'due (figures stale)' : 'at the rebalance now due';
}

/** The engine's preview of one commit, in the words of the trade. */
export function TradePreview({
  pool,
  preview,
  side,
  action,
  chainNow,
  blockTimestamp,
  stale = false,
  notes = [],
}: {
  pool: PoolSnapshot;
  preview: CommitPreview;
  /** When and why the figures may differ from what the chain will do (tradePreviewing.ts's previewNotes). */
  notes?: readonly string[];
  side: Side;
  action: Action;
  chainNow: number;
  /** Timestamp of the block `pool` was read at: only it may say the keeper is late. */
  blockTimestamp: bigint;
  /** The figures are stale: the wait is approximate. */
  stale?: boolean;
}) {
  const { state, info } = pool;
  const d = state.decimals;
  const c = info.collateral.symbol;
  const out = action === 'burn' ? 'settlement' : 'tokens';
  const receivedSide: Side = action === 'flip' ? (side === 'long' ? 'short' : 'long') : side;
  const price = quad.quadToNumber(
    receivedSide === 'long' ? preview.prices.longPrice : preview.prices.shortPrice,
  );
  const burnPrice = quad.quadToNumber(side === 'long' ? preview.prices.longPrice : preview.prices.shortPrice);
  const waitSeconds = Number(preview.executesAt) - chainNow;
  // Upkeeps the keeper has missed at the block read (the count the pools list gives): nothing executes until
  // it runs again, whatever the schedule says.
  const keeper = keeperTiming({
    lastPriceTimestamp: state.lastPriceTimestamp,
    updateInterval: state.updateInterval,
    blockTimestamp,
    chainNow,
  });
  const lateIntervals = keeper.kind === 'late' ? keeper.intervals : 0;
  // An upkeep runs before the commit's own: it came inside the coming rebalance's front-running window. (A late
  // keeper's commit waits for its interval instead, which the preview's notes explain.)
  const pushed = preview.keeper.schedule !== 'late' && preview.keeper.upkeepsBefore > 0;
  const lev = preview.after.leverage;
  const gain = receivedSide === 'long' ? lev.longGain : lev.shortGain;
  const loss = receivedSide === 'long' ? lev.longLoss : lev.shortLoss;
  const annualFee = annualFeeFromPerInterval(state.feePerIntervalWad, state.updateInterval);
  return (
    <div>
      <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-2 text-sm">
        {action === 'mint' ? (
          <>
            <Row label={`Mint fee (${formatWadPercent(state.mintingFeeWad)}), now`}>
              <TokenAmount value={preview.mintFeeAtCommit} decimals={d} unit={c} />
            </Row>
            <Row label={`Expected ${receivedSide === 'long' ? 'L' : 'S'} tokens`}>
              <TokenAmount value={preview.tokensOut} decimals={d} />
            </Row>
            <Row label="at a token price of">
              {formatNumber(price, 6)} {c}
            </Row>
          </>
        ) : null}
        {action === 'burn' ? (
          <>
            <Row label="Token price">
              {formatNumber(burnPrice, 6)} {c}
            </Row>
            <Row label={`Burn fee (${formatWadPercent(state.burningFeeWad)})`}>
              <TokenAmount value={preview.burnFee} decimals={d} unit={c} />
            </Row>
            <Row label="Expected to receive">
              <TokenAmount value={preview.settlementOut} decimals={d} unit={c} />
            </Row>
          </>
        ) : null}
        {action === 'flip' ? (
          <>
            <Row label={`Burn fee (${formatWadPercent(state.burningFeeWad)})`}>
              <TokenAmount value={preview.burnFee} decimals={d} unit={c} />
            </Row>
            <Row label={`Mint fee (${formatWadPercent(state.mintingFeeWad)})`}>
              <TokenAmount value={preview.flipMintFee} decimals={d} unit={c} />
            </Row>
            <Row label={`Expected ${receivedSide === 'long' ? 'L' : 'S'} tokens`}>
              <TokenAmount value={preview.tokensOut} decimals={d} />
            </Row>
          </>
        ) : null}
        <Row label="Executes">{executionText(waitSeconds, lateIntervals, stale, pool.paused)}</Row>
        <Row label="Management fee">{formatNumber(annualFee * 100, 2)}% a year</Row>
        <Row label="Skew after this trade">
          {preview.after.skew === undefined ? '—' : formatNumber(preview.after.skew, 4)}
        </Row>
        <Row label="Rebalancing rate after">
          {preview.after.rebalancingRate === undefined
            ? '—'
            : `${formatNumber(preview.after.rebalancingRate * 100, 2)}%`}
        </Row>
        <Row label={`${receivedSide === 'long' ? 'Long' : 'Short'} leverage after (gain / loss)`}>
          {formatLeverage(gain)} / {formatLeverage(loss)}
        </Row>
      </dl>
      {notes.map((note) => (
        <p key={note} className="mt-3 text-xs text-warn">
          {note}
        </p>
      ))}
      <p className="mt-3 text-xs text-ink-400">
        {pushed
          ? 'The front-running window of the coming rebalance has started, so this commit waits for the one after. '
          : ''}
        Figures assume the index price stays where it is until then and nobody else trades; the {out} land in
        escrow, to claim after the rebalance.
      </p>
    </div>
  );
}
