/**
 * The protocol page's view model: the indexer's days grouped per pool and put in order, with totals that are
 * exact bigint sums (never floats), per collateral, and the treasury's share of the fees claimed.
 */
import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PoolDayFigures } from '../../../src/chain/history/indexerApi.ts';
import { dayDate, protocolView, shareText } from '../../../src/features/protocol/protocolView.ts';
import { poolDay } from '../../fixtures/protocolDays.ts';

const BTC = '0x00000000000000000000000000000000000000B1' as Address;
const ETH = '0x00000000000000000000000000000000000000e2' as Address;
const OTHER = '0x00000000000000000000000000000000000000f3' as Address;
const DAY = 86_400;
const D0 = 20_000 * DAY;

const pools = [
  { address: BTC, name: '3-BTC/USD+gOHM', collateral: { symbol: 'gOHM', decimals: 18 } },
  { address: ETH, name: '1-ETH/USD+OHM', collateral: { symbol: 'OHM', decimals: 9 } },
];

function day(pool: Address, n: number, figures: Partial<PoolDayFigures> = {}): PoolDayFigures {
  return poolDay(pool.toLowerCase() as Address, D0 + n * DAY, figures);
}

// Amounts past 2^53: a float sum would lose the last wei.
const BIG = 9_007_199_254_740_993n;

describe('protocol view', () => {
  it('groups days per pool, puts them in order and sums them exactly', () => {
    const view = protocolView(
      [
        day(BTC, 2, {
          longBalance: BIG,
          shortBalance: 1n,
          mintVolume: BIG,
          feesCharged: 3n,
          primaryFees: 9n,
        }),
        day(ETH, 0, {
          longBalance: 5n,
          shortBalance: 6n,
          mintVolume: 7n,
          secondaryFees: 1n,
          primaryFees: 9n,
        }),
        day(BTC, 0, {
          longBalance: 1n,
          shortBalance: 1n,
          mintVolume: BIG,
          feesCharged: 2n,
          secondaryFees: 1n,
        }),
        day(OTHER, 0, { mintVolume: 100n }),
      ],
      pools,
    );
    expect(view.pools.map((p) => p.name)).toEqual(['1-ETH/USD+OHM', '3-BTC/USD+gOHM']);
    const btc = view.pools[1]!;
    expect(btc.days.map((d) => d.date)).toEqual([dayDate(D0), dayDate(D0 + 2 * DAY)]);
    expect(btc.days[0]!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(btc.days.map((d) => d.tvl)).toEqual([2n, BIG + 1n]);
    expect(btc.latestTvl).toBe(BIG + 1n);
    expect(btc.totals).toEqual({ mintVolume: 2n * BIG, feesCharged: 5n, primaryFees: 9n, secondaryFees: 1n });
    expect(btc.decimals).toBe(18);
    // A pool the registry does not list is counted, not shown in units it cannot name.
    expect(view.unlisted).toBe(1);
    // Totals per collateral: OHM and gOHM are never added together.
    expect(view.totals.map((t) => [t.symbol, t.tvl, t.mintVolume])).toEqual([
      ['gOHM', BIG + 1n, 2n * BIG],
      ['OHM', 11n, 7n],
    ]);
  });

  it("gives the treasury's share of the fees claimed", () => {
    const view = protocolView(
      [
        day(BTC, 0, { primaryFees: 900n, secondaryFees: 100n }),
        day(BTC, 1, { primaryFees: 1_800n, secondaryFees: 200n }),
        day(ETH, 0, { feesCharged: 50n }),
      ],
      pools,
    );
    expect(view.pools.find((p) => p.name === '3-BTC/USD+gOHM')?.treasuryShare).toBe('10.00%');
    expect(view.totals.find((t) => t.symbol === 'gOHM')?.secondaryFees).toBe(300n);
    // Nothing claimed yet: no share to speak of, not 0%.
    expect(view.pools.find((p) => p.name === '1-ETH/USD+OHM')?.treasuryShare).toBeUndefined();
  });

  it('writes a share in bigint arithmetic, rounded down', () => {
    expect(shareText(1n, 3n)).toBe('33.33%');
    expect(shareText(2n, 3n)).toBe('66.66%');
    expect(shareText(BIG, BIG)).toBe('100.00%');
    expect(shareText(0n, 0n)).toBeUndefined();
  });

  it('is empty for no days', () => {
    expect(protocolView([], pools)).toEqual({ pools: [], totals: [], unlisted: 0 });
  });
});
