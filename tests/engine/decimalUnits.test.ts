/**
 * The one reader of decimal text as integer units (src/engine/decimalUnits.ts), behind the trade amount and
 * the launch form's percentages: digits only, never a float, and a refusal that says which rule failed.
 */
import { describe, expect, it } from 'vitest';
import { decimalToUnits } from '../../src/engine/decimalUnits.ts';

describe('decimalToUnits', () => {
  it('reads whole, fractional and bare-point forms exactly', () => {
    expect(decimalToUnits('12.5', 9)).toEqual({ ok: true, units: 12_500_000_000n });
    expect(decimalToUnits('12', 2)).toEqual({ ok: true, units: 1_200n });
    expect(decimalToUnits('.5', 1)).toEqual({ ok: true, units: 5n });
    expect(decimalToUnits('3.', 0)).toEqual({ ok: true, units: 3n });
    expect(decimalToUnits('0', 18)).toEqual({ ok: true, units: 0n });
    // Far beyond a float's 53 bits, every digit kept.
    expect(decimalToUnits('123456789012345678901234567890.123456789012345678', 18)).toEqual({
      ok: true,
      units: 123456789012345678901234567890123456789012345678n,
    });
  });

  it('refuses more digits after the point than the units carry', () => {
    expect(decimalToUnits('0.1234567891', 9)).toEqual({ ok: false, problem: 'precision' });
    expect(decimalToUnits('1.5', 0)).toEqual({ ok: false, problem: 'precision' });
    expect(decimalToUnits('0.10', 1)).toEqual({ ok: false, problem: 'precision' });
  });

  it('refuses what is not a plain non-negative decimal', () => {
    for (const text of ['', '.', '-1', '+1', '1.2.3', '1,5', ' 1', '1e3', '0x10', '١٢'])
      expect(decimalToUnits(text, 18)).toEqual({ ok: false, problem: 'format' });
  });
});
