/**
 * The fast `number` path against the exact path: same fee, same strategy, no truncation. On realistic balances
 * (18-decimal amounts, where one unit is far below 1e-12 of a side) they agree to about 1e-12 relative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionPath } from '../../src/engine/simulate/paths.ts';
import { valueTransferFast } from '../../src/engine/simulate/rebalance.ts';
import { valueTransfer } from '../../src/engine/transfer.ts';
import type { TransferKind } from '../../src/engine/types.ts';
import { balancesAlong } from './helpers.ts';

const relative = (fast: number, exact: bigint) => Math.abs(fast - Number(exact)) / Number(exact);
/**
 * Agreement within 1e-12 relative, plus the few units the exact path truncates (two `toUInt`s and the dust
 * rule): those matter only for a side reduced to a tiny remainder by a huge move.
 */
const agrees = (fast: number, exact: bigint) => Math.abs(fast - Number(exact)) <= 1e-12 * Number(exact) + 2;

describe('fast path agrees with the exact path', () => {
  it('one upkeep, random balances, leverage, moves and fees', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<TransferKind>('sigmoid', 'power'),
        fc.bigInt({ min: 10n ** 21n, max: 10n ** 30n }),
        fc.bigInt({ min: 10n ** 21n, max: 10n ** 30n }),
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1_000, max: 1_000_000 }),
        fc.double({ min: -0.9, max: 3, noNaN: true }).filter((m) => Math.abs(m) > 1e-3),
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        (kind, long, short, leverage, priceUnits, move, fee) => {
          const oldPrice = BigInt(priceUnits) * 10n ** 18n;
          const newPrice = (oldPrice * BigInt(Math.round((1 + move) * 1e12))) / 10n ** 12n;
          const exact = valueTransfer({
            transfer: kind,
            longBalance: long,
            shortBalance: short,
            leverage,
            oldPrice,
            newPrice,
            feePerIntervalWad: fee,
          });
          const fast = valueTransferFast({
            transfer: kind,
            longBalance: Number(long),
            shortBalance: Number(short),
            leverage,
            oldPrice: Number(oldPrice),
            newPrice: Number(newPrice),
            feeRate: Number(fee) / 1e18,
          });
          expect(agrees(fast.longBalance, exact.longBalance)).toBe(true);
          expect(agrees(fast.shortBalance, exact.shortBalance)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a 50-step path: the chart path tracks repeated exact upkeeps', () => {
    const prices = Array.from({ length: 51 }, (_, i) => 2000 * (1 + 0.03 * Math.sin(i / 3) + 0.001 * i));
    const wad = prices.map((p) => BigInt(Math.round(p * 1e6)) * 10n ** 12n);
    for (const kind of ['sigmoid', 'power'] as const) {
      const fast = positionPath(
        wad.map((p) => Number(p)),
        { transfer: kind, leverage: 3, startSkew: 1.5 },
      );
      const exact = balancesAlong(
        kind,
        { long: 1_500_000n * 10n ** 18n, short: 1_000_000n * 10n ** 18n },
        wad,
      );
      for (let i = 1; i < wad.length; i++) {
        const [long, short] = exact[i - 1]!;
        expect(relative(fast.long[i]! * 1_500_000e18, long)).toBeLessThan(1e-11);
        expect(relative(fast.short[i]! * 1_000_000e18, short)).toBeLessThan(1e-11);
      }
    }
  });
});
