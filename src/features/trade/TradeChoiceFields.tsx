/** The trade form's pool, side and action pickers: choices kept in the link, so each change goes to `onChoice`. */
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import type { Side } from '../../engine/types.ts';
import { Segmented } from '../../ui/Segmented.tsx';
import type { TradeChoice } from './links.ts';
import type { Action } from './tradeModel.ts';

// The pickers' options as [value, label]: fixed lists, so they live here rather than in each render.
const SIDE_OPTIONS: ReadonlyArray<readonly [Side, string]> = [
  ['long', 'Long'],
  ['short', 'Short'],
];
const ACTION_OPTIONS: ReadonlyArray<readonly [Action, string]> = [
  ['mint', 'Mint'],
  ['burn', 'Burn'],
  ['flip', 'Flip'],
];

export function TradeChoiceFields({
  pools,
  pool,
  choice,
  onChoice,
}: {
  pools: PoolSnapshot[];
  /** The pool shown, which the link may name in other letters or not at all. */
  pool: PoolSnapshot;
  choice: TradeChoice;
  onChoice: (patch: Partial<TradeChoice>) => void;
}) {
  return (
    <>
      <label className="flex flex-col gap-1 text-xs text-ink-400">
        Pool
        <select
          className="rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 text-sm text-ink-50"
          value={pool.info.address}
          onChange={(e) => onChoice({ pool: e.target.value })}
        >
          {pools.map((p) => (
            <option key={p.info.address} value={p.info.address}>
              {p.info.name}
              {p.paused ? ' (paused)' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <Segmented<Side>
          legend="Side"
          value={choice.side}
          options={SIDE_OPTIONS}
          onChange={(side) => onChoice({ side })}
        />
        <Segmented<Action>
          legend="Action"
          value={choice.action}
          options={ACTION_OPTIONS}
          onChange={(action) => onChoice({ action })}
        />
      </div>
    </>
  );
}
