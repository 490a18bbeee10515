/** The pools list's filters and sort, as a plain function of the rows and the link's filter state. */

import type { PoolFilterState, SortKey } from './links.ts';
import type { PoolRowView } from './poolView.ts';

export function applyFilters(rows: PoolRowView[], filters: PoolFilterState): PoolRowView[] {
  const query = filters.search.trim().toLowerCase();
  const kept = rows.filter(
    (row) =>
      (filters.market === 'all' || row.market === filters.market) &&
      (filters.collateral === 'all' || row.collateral === filters.collateral) &&
      (filters.leverage === 'all' || String(row.leverage) === filters.leverage) &&
      (query === '' ||
        [row.name, row.market, row.collateral, row.address, `${row.leverage}x`].some((v) =>
          v.toLowerCase().includes(query),
        )),
  );
  const by: Record<SortKey, (row: PoolRowView) => number | string> = {
    name: (r) => r.name,
    tvl: (r) => -(r.tvlUsd ?? r.tvl),
    skew: (r) => -(r.skew ?? 0),
    longGain: (r) => -(r.long.gainLeverage ?? 0),
    shortGain: (r) => -(r.short.gainLeverage ?? 0),
    holdings: (r) => -(r.holdingsValue ?? 0),
    nextRebalance: (r) => r.nextRebalanceAt,
  };
  const key = by[filters.sort];
  return [...kept].sort((a, b) => {
    const x = key(a);
    const y = key(b);
    if (typeof x === 'string' || typeof y === 'string') return String(x).localeCompare(String(y));
    // Infinity − Infinity is NaN: compare rather than subtract.
    return x === y ? 0 : x < y ? -1 : 1;
  });
}
