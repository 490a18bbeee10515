/**
 * Where a pool stands against its keeper (src/engine/keeperTiming.ts, docs/protocol.md §9): the extrapolated
 * clock counts down and may say "due", but only the block read may say the keeper is late, and how late.
 */
import { describe, expect, it } from 'vitest';
import { intervalsLate, keeperSchedule, keeperTiming } from '../../src/engine/keeperTiming.ts';

const LAST = 1_800_000_000n;
const DUE = Number(LAST) + 60;
const at = (blockTimestamp: number, chainNow: number) =>
  keeperTiming({
    lastPriceTimestamp: LAST,
    updateInterval: 60,
    blockTimestamp: BigInt(blockTimestamp),
    chainNow,
  });

describe('keeperTiming', () => {
  it('counts down on the extrapolated clock while the pool is not due', () => {
    expect(at(DUE - 30, DUE - 12.5)).toEqual({ kind: 'on-time', dueAt: DUE, secondsLeft: 12.5 });
  });

  it('says only "due" when the clock has passed the due time but the block read has not', () => {
    // Read a second before the due time; 3 s later the keeper may well have upkept in a block not read yet.
    expect(at(DUE - 1, DUE + 3)).toEqual({ kind: 'due', dueAt: DUE, confirmed: false });
    // Even a whole interval past due on the clock alone is no proof that the keeper missed it.
    expect(at(DUE - 1, DUE + 65)).toEqual({ kind: 'due', dueAt: DUE, confirmed: false });
  });

  it('says "due", confirmed, once the block read is past the due time, in the first interval after it', () => {
    expect(at(DUE, DUE + 2)).toEqual({ kind: 'due', dueAt: DUE, confirmed: true });
    expect(at(DUE + 59, DUE + 70)).toEqual({ kind: 'due', dueAt: DUE, confirmed: true });
  });

  it('calls the keeper late, by whole intervals at the block read, only once that block says so', () => {
    expect(at(DUE + 60, DUE + 60)).toEqual({ kind: 'late', dueAt: DUE, intervals: 1 });
    // The clock has run on to a third interval; the block read says two, and two it is.
    expect(at(DUE + 130, DUE + 185)).toEqual({ kind: 'late', dueAt: DUE, intervals: 2 });
    expect(intervalsLate(LAST, 60, DUE + 130)).toBe(2);
  });

  it('gives the trade preview the same schedule: late only when the block read says so', () => {
    const state = { lastPriceTimestamp: LAST, updateInterval: 60 };
    expect(keeperSchedule(state, BigInt(DUE - 1))).toBe('on-time');
    expect(keeperSchedule(state, BigInt(DUE + 65), BigInt(DUE - 1))).toBe('due');
    expect(keeperSchedule(state, BigInt(DUE + 65))).toBe('late');
  });
});
