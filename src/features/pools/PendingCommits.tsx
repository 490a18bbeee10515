import { expectedExecutionTime } from '../../engine/commits.ts';
import { PAUSED_COMMIT } from '../../ui/keeperWords.ts';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import type { PoolRowView } from './poolView.ts';

const LABELS = [
  ['longMintSettlement', 'Long mints', 'settlement'],
  ['shortMintSettlement', 'Short mints', 'settlement'],
  ['longBurnPoolTokens', 'Long burns', 'L tokens'],
  ['shortBurnPoolTokens', 'Short burns', 'S tokens'],
  ['longBurnShortMintPoolTokens', 'Flips long → short', 'L tokens'],
  ['shortBurnLongMintPoolTokens', 'Flips short → long', 'S tokens'],
] as const;

/**
 * Every queued interval's totals, with the time it is expected to execute; in a paused pool, that nothing
 * executes until it is unpaused (no upkeep runs there), never a time.
 */
export function PendingCommits({ row }: { row: PoolRowView }) {
  const { state } = row.snapshot;
  if (state.commits.length === 0)
    return <p className="text-sm text-ink-400">Nothing is queued for the coming rebalances.</p>;
  return (
    <ul className="space-y-3 text-sm">
      {state.commits.map((interval) => {
        const at = expectedExecutionTime(
          interval.intervalId,
          state.lastPriceTimestamp,
          BigInt(state.updateInterval),
          state.updateIntervalId,
        );
        return (
          <li key={interval.intervalId.toString()}>
            <p className="font-semibold">
              Interval {interval.intervalId.toString()}{' '}
              {row.paused ? (
                <span className="font-normal text-short">{PAUSED_COMMIT}</span>
              ) : (
                <span className="font-normal text-ink-400">
                  executes at about {new Date(Number(at) * 1000).toLocaleTimeString()} (chain time)
                </span>
              )}
            </p>
            <ul className="mt-1 grid grid-cols-2 gap-x-4 font-mono text-xs">
              {LABELS.filter(([key]) => interval.totals[key] > 0n).map(([key, label, unit]) => (
                <li key={key}>
                  {label}: <TokenAmount value={interval.totals[key]} decimals={state.decimals} />{' '}
                  {unit === 'settlement' ? `${row.collateral}, after mint fees` : unit}
                </li>
              ))}
            </ul>
          </li>
        );
      })}
    </ul>
  );
}
