import { describe, expect, it } from 'vitest';
import { applyFilters } from '../../../src/features/pools/filterRows.ts';
import { DEFAULT_FILTERS } from '../../../src/features/pools/links.ts';
import { poolRowView } from '../../../src/features/pools/poolView.ts';
import { NOW, poolsSnapshot, samplePools } from '../../fixtures/pools.ts';

const { btc, eth, paused } = samplePools();
const snapshot = poolsSnapshot([btc, eth, paused]);
const rows = snapshot.pools.map((p) => poolRowView(p, snapshot, NOW, 120));

describe('pool filters', () => {
  it('filters by collateral, market and search, and sorts by TVL', () => {
    expect(applyFilters(rows, { ...DEFAULT_FILTERS, collateral: 'OHM' }).map((r) => r.name)).toEqual([
      '1-ETH/USD+OHM',
      '3-ETH/USD+OHM',
    ]);
    expect(applyFilters(rows, { ...DEFAULT_FILTERS, market: 'BTC/USD' }).map((r) => r.name)).toEqual([
      '3-BTC/USD+gOHM',
    ]);
    expect(applyFilters(rows, { ...DEFAULT_FILTERS, search: '1-eth' }).map((r) => r.name)).toEqual([
      '1-ETH/USD+OHM',
    ]);
    expect(applyFilters(rows, { ...DEFAULT_FILTERS, sort: 'tvl' })[0]?.name).toBe('3-BTC/USD+gOHM');
  });
});
