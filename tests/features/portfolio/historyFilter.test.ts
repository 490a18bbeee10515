/**
 * The history card's filters (docs/ledger.md, "Filters"): by pool, side and type, alone and together; a flip
 * under both its sides, a transfer under its token's; a link's values read back as the filter, with anything
 * unknown or malformed read as "All"; and a linked pool the account has no event in dropped, said, not thrown.
 */
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { type HistoryFilter, matchesFilter, NO_FILTER } from '../../../src/chain/history/ledgerFilter.ts';
import type { CommitType } from '../../../src/engine/commits.ts';
import { poolsByName, resolveFilter } from '../../../src/features/portfolio/historyFilter.ts';
import type { LedgerHistory } from '../../../src/features/portfolio/ledgerCsv.ts';
import { ledgerCsvOf } from '../../../src/features/portfolio/ledgerCsv.ts';
import { loadHistoryFilter } from '../../../src/features/portfolio/portfolioParams.ts';
import { ACTIVITY } from './activityFixture.ts';
import { HISTORY, QUOTED_NAME, tx } from './ledgerFixture.ts';

const BTC = '0x00000000000000000000000000000000000000b1';
const ETH = '0x00000000000000000000000000000000000000b2';

/** The fixture's events by the number of their transaction: 1 long mint, 4 L sent, 5 flip long → short
 * (BTC pool); 2 short burn, 3 short mint, 6 S received (ETH pool). */
const TXS = [1, 2, 3, 4, 5, 6] as const;

/** The histories with only the events the filter keeps (the chain layer's one predicate); empty pools dropped. */
function filterHistories(histories: readonly LedgerHistory[], filter: HistoryFilter) {
  return histories
    .map((h) => ({ ...h, events: h.events.filter((e) => matchesFilter(h.pool.address, e, filter)) }))
    .filter((h) => h.events.length > 0);
}

function kept(filter: Partial<HistoryFilter>, history: readonly LedgerHistory[] = HISTORY): number[] {
  const hashes = filterHistories(history, { ...NO_FILTER, ...filter }).flatMap((h) =>
    h.events.map((e) => e.transactionHash),
  );
  return TXS.filter((n) => hashes.includes(tx(n)));
}

describe('matchesFilter', () => {
  it('keeps everything with no filter', () => {
    expect(kept({})).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('filters by pool, whatever the case of the address', () => {
    expect(kept({ pool: BTC })).toEqual([1, 4, 5]);
    expect(kept({ pool: ETH })).toEqual([2, 3, 6]);
    const upper = HISTORY.map((h) => ({
      ...h,
      pool: { ...h.pool, address: `0x${h.pool.address.slice(2).toUpperCase()}` as const },
    }));
    expect(kept({ pool: BTC }, upper)).toEqual([1, 4, 5]);
  });

  it('filters by type, in the ledger words', () => {
    expect(kept({ type: 'mint' })).toEqual([1, 3]);
    expect(kept({ type: 'burn' })).toEqual([2]);
    expect(kept({ type: 'flip' })).toEqual([5]);
    expect(kept({ type: 'transfer_in' })).toEqual([6]);
    expect(kept({ type: 'transfer_out' })).toEqual([4]);
  });

  it("puts a transfer under its token's side, and a flip under both the side it leaves and the one it enters", () => {
    expect(kept({ side: 'long' })).toEqual([1, 4, 5]);
    expect(kept({ side: 'short' })).toEqual([2, 3, 5, 6]);
    expect(kept({ side: 'short', type: 'flip' })).toEqual([5]);
    expect(kept({ side: 'long', type: 'transfer_in' })).toEqual([]);
    expect(kept({ side: 'short', type: 'transfer_in' })).toEqual([6]);
  });

  it('combines the filters', () => {
    expect(kept({ pool: ETH, side: 'short', type: 'mint' })).toEqual([3]);
    expect(kept({ pool: BTC, side: 'short' })).toEqual([5]);
    expect(kept({ pool: BTC, type: 'burn' })).toEqual([]);
  });

  it('drops a pool left with no event, and leaves a commit type this app does not know out of any side or type', () => {
    expect(filterHistories(HISTORY, { ...NO_FILTER, type: 'burn' }).map((h) => h.pool.address)).toEqual([
      ETH,
    ]);
    const strange: LedgerHistory[] = [
      {
        pool: HISTORY[0]!.pool,
        events: [{ ...HISTORY[0]!.events[0]!, commitType: 9 as CommitType } as never],
      },
    ];
    expect(filterHistories(strange, NO_FILTER)).toHaveLength(1);
    expect(filterHistories(strange, { ...NO_FILTER, side: 'long' })).toEqual([]);
    expect(filterHistories(strange, { ...NO_FILTER, type: 'mint' })).toEqual([]);
  });

  it("exports what it shows: the CSV of the filtered history has only the filter's rows", () => {
    const shown = filterHistories(HISTORY, { ...NO_FILTER, side: 'short', type: 'mint' });
    const lines = ledgerCsvOf(shown.flatMap((h) => h.events.map((event) => ({ pool: h.pool, event })))).split(
      '\r\n',
    );
    expect(lines.filter((l) => l !== '')).toHaveLength(2);
    expect(lines[1]).toContain(tx(3));
  });
});

describe('claims and AutoClaim in the filter', () => {
  /** The activity fixture's events kept, as `block:logIndex`. */
  const keptActivity = (filter: Partial<HistoryFilter>) =>
    filterHistories([ACTIVITY], { ...NO_FILTER, ...filter }).flatMap((h) =>
      h.events.map((e) => `${e.blockNumber}:${e.logIndex}`),
    );

  it('keeps claims and both AutoClaim records under "claim", and nothing else', () => {
    expect(keptActivity({ type: 'claim' })).toEqual(['200:2', '230:0', '230:3']);
    expect(keptActivity({ type: 'mint' })).toEqual(['200:1']);
  });

  it('puts a claim under no side: a side filter leaves it out', () => {
    expect(keptActivity({ side: 'short' })).toEqual(['200:1', '240:0', '250:0']);
    expect(keptActivity({ side: 'long', type: 'claim' })).toEqual([]);
  });

  it('reads the type from the link', () => {
    expect(loadHistoryFilter('?type=claim')).toEqual({ ...NO_FILTER, type: 'claim' });
  });
});

describe('the filter in the link', () => {
  it('reads pool, side and type', () => {
    // The pool is read checksummed, whatever case the link wrote it in.
    expect(loadHistoryFilter(`?pool=${BTC}&side=long&type=transfer_out`)).toEqual({
      pool: getAddress(BTC),
      side: 'long',
      type: 'transfer_out',
    });
    // A checksummed address reads as the same pool.
    expect(loadHistoryFilter('?pool=0x00000000000000000000000000000000000000B1').pool).toBe(getAddress(BTC));
    expect(loadHistoryFilter('')).toEqual(NO_FILTER);
  });

  it('reads unknown or malformed values as "All"', () => {
    expect(loadHistoryFilter('?pool=0x123&side=sideways&type=swap')).toEqual(NO_FILTER);
    expect(loadHistoryFilter('?pool=nonsense&side=LONG&type=')).toEqual(NO_FILTER);
    // Mixed case that is not the checksum may name another pool than the one meant: read as no pool.
    expect(loadHistoryFilter('?pool=0xdDdDddDdDdddDDddDDddDDDDdDdDDdDDdDDDDDDd')).toEqual(NO_FILTER);
    expect(loadHistoryFilter(`?pool=${BTC}00&side=long`)).toEqual({ ...NO_FILTER, side: 'long' });
    expect(loadHistoryFilter('?type=transfer&side=long%20')).toEqual(NO_FILTER);
  });
});

describe('resolveFilter', () => {
  const POOLS = HISTORY.map((h) => h.pool);
  it('offers the pools by name', () => {
    const named = [...POOLS, { ...POOLS[0]!, address: `0x${'c'.repeat(40)}` as const, name: 'A' }];
    expect(poolsByName(named).map((p) => p.name)).toEqual(['3-ETH/USD+OHM', 'A', QUOTED_NAME]);
  });

  it('keeps a pool the account has events in', () => {
    expect(resolveFilter({ ...NO_FILTER, pool: ETH, side: 'short' }, POOLS)).toEqual({
      filter: { pool: ETH, side: 'short', type: null },
      unknownPool: false,
    });
  });

  it('drops a pool the account has no event in, and says so', () => {
    const other = `0x${'d'.repeat(40)}` as const;
    expect(resolveFilter({ pool: other, side: 'long', type: null }, POOLS)).toEqual({
      filter: { pool: null, side: 'long', type: null },
      unknownPool: true,
    });
  });
});
