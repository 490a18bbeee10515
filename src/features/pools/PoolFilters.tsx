import { Segmented } from '../../ui/Segmented.tsx';
import { SelectField } from '../../ui/SelectField.tsx';
import type { PoolFilterState, SortKey, ValueUnit } from './links.ts';
import type { PoolRowView } from './poolView.ts';

const SORT_LABELS: Record<SortKey, string> = {
  name: 'Name',
  tvl: 'TVL',
  skew: 'Skew',
  longGain: 'Long gain leverage',
  shortGain: 'Short gain leverage',
  holdings: 'My holdings',
  nextRebalance: 'Next rebalance',
};

const UNIT_LABELS: ReadonlyArray<readonly [ValueUnit, string]> = [
  ['collateral', 'OHM / gOHM'],
  ['usd', 'USD'],
];

export function PoolFilters({
  rows,
  filters,
  onChange,
  usdAvailable,
}: {
  rows: PoolRowView[];
  filters: PoolFilterState;
  onChange: (next: PoolFilterState) => void;
  usdAvailable: boolean;
}) {
  const distinct = (values: string[]) => [...new Set(values)].sort();
  const markets = distinct(rows.map((r) => r.market));
  const collaterals = distinct(rows.map((r) => r.collateral));
  const leverages = [...new Set(rows.map((r) => r.leverage))].sort((a, b) => a - b);
  const set = (patch: Partial<PoolFilterState>) => onChange({ ...filters, ...patch });
  return (
    <div className="mb-4 flex flex-wrap items-end gap-3">
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs text-ink-400">
        Search
        <input
          type="search"
          placeholder="Market, pool name, collateral or address"
          className="rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 text-sm text-ink-50 placeholder:text-ink-600"
          value={filters.search}
          onChange={(e) => set({ search: e.target.value })}
        />
      </label>
      <SelectField
        label="Market"
        value={filters.market}
        options={[['all', 'All markets'], ...markets.map((m): [string, string] => [m, m])]}
        onChange={(market) => set({ market })}
      />
      <SelectField
        label="Collateral"
        value={filters.collateral}
        options={[['all', 'OHM and gOHM'], ...collaterals.map((c): [string, string] => [c, c])]}
        onChange={(collateral) => set({ collateral })}
      />
      <SelectField
        label="Leverage"
        value={filters.leverage}
        options={[['all', 'Any'], ...leverages.map((l): [string, string] => [String(l), `${l}x`])]}
        onChange={(leverage) => set({ leverage })}
      />
      <SelectField
        label="Sort by"
        value={filters.sort}
        options={Object.entries(SORT_LABELS) as Array<[SortKey, string]>}
        onChange={(sort) => set({ sort: sort as SortKey })}
      />
      <Segmented
        size="compact"
        legend="Values in"
        value={filters.unit}
        options={UNIT_LABELS}
        disabled={usdAvailable ? [] : ['usd']}
        onChange={(unit) => set({ unit })}
      />
    </div>
  );
}
