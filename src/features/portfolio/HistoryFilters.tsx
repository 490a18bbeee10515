/**
 * The history card's filters: pool, side and type, each a native select with its label (a keyboard and a
 * screen reader use them as any form), wrapping onto more lines on a phone; and "Clear filters" once any is
 * set. What they hold lives in the link (portfolioParams.ts).
 */

import { getAddress } from 'viem';
import type { LedgerOrder } from '../../chain/history/ledger.ts';
import {
  HISTORY_SIDES,
  HISTORY_TYPES,
  type HistoryFilter,
  type HistorySide,
  type HistoryType,
} from '../../chain/history/ledgerFilter.ts';
import { Button } from '../../ui/Button.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import { parsePoolAddress } from './historyFilter.ts';
import type { LedgerPool } from './ledgerCsv.ts';

const SIDE_LABELS: Record<HistorySide, string> = { long: 'Long', short: 'Short' };
const TYPE_LABELS: Record<HistoryType, string> = {
  mint: 'Mint',
  burn: 'Burn',
  flip: 'Flip',
  transfer_in: 'Transfer in',
  transfer_out: 'Transfer out',
  claim: 'Claims',
};

const ALL = '';

/** A select whose first option, "All", reads as no filter (null). */
function FilterSelect({
  value,
  onChange,
  ...field
}: {
  label: string;
  value: string | null;
  options: ReadonlyArray<readonly [string, string]>;
  onChange: (value: string | null) => void;
}) {
  return (
    <SelectField
      {...field}
      className="min-w-32 flex-1 sm:max-w-xs sm:flex-none"
      value={value ?? ALL}
      onChange={(v) => onChange(v === ALL ? null : v)}
    />
  );
}

export function ClearFilters({ onClear }: { onClear: () => void }) {
  return (
    <Button variant="secondary" onClick={onClear}>
      Clear filters
    </Button>
  );
}

export function HistoryFilters({
  pools,
  filter,
  order,
  onChange,
  showClear,
}: {
  /** The pools the account has events in. */
  pools: readonly LedgerPool[];
  /** What the selects show: the link's filter, with a pool the account has no event in already dropped. */
  filter: HistoryFilter;
  order: LedgerOrder;
  /** An order of `null` is the default, newest first. */
  onChange: (patch: Partial<HistoryFilter> & { order?: LedgerOrder | null }) => void;
  showClear: boolean;
}) {
  return (
    <div className="flex min-w-0 flex-1 flex-wrap items-end gap-3">
      <FilterSelect
        label="Pool"
        value={filter.pool}
        options={[[ALL, 'All pools'], ...pools.map((p) => [getAddress(p.address), p.name] as const)]}
        onChange={(pool) => onChange({ pool: pool === null ? null : parsePoolAddress(pool) })}
      />
      <FilterSelect
        label="Side"
        value={filter.side}
        options={[[ALL, 'All sides'], ...HISTORY_SIDES.map((s) => [s, SIDE_LABELS[s]] as const)]}
        onChange={(side) => onChange({ side: HISTORY_SIDES.find((s) => s === side) ?? null })}
      />
      <FilterSelect
        label="Type"
        value={filter.type}
        options={[[ALL, 'All types'], ...HISTORY_TYPES.map((t) => [t, TYPE_LABELS[t]] as const)]}
        onChange={(type) => onChange({ type: HISTORY_TYPES.find((t) => t === type) ?? null })}
      />
      <SelectField
        label="Order"
        className="min-w-32 flex-1 sm:max-w-xs sm:flex-none"
        value={order}
        options={[
          ['newest', 'Newest first'],
          ['oldest', 'Oldest first'],
        ]}
        onChange={(v) => onChange({ order: v === 'oldest' ? 'oldest' : null })}
      />
      {showClear && <ClearFilters onClear={() => onChange({ pool: null, side: null, type: null })} />}
    </div>
  );
}
