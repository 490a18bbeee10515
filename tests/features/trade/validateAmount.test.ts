import { describe, expect, it } from 'vitest';
import { checkAmount } from '../../../src/features/trade/validateAmount.ts';

const ohm = { decimals: 9, available: 5_000_000_000_000n, unit: 'OHM', sourceLabel: 'wallet' };

describe('checkAmount: every bad input gets one clear sentence', () => {
  it.each([
    ['', 'Enter an amount.'],
    ['   ', 'Enter an amount.'],
    ['abc', 'Enter a number, like 12.5.'],
    ['1e5', 'Enter a number, like 12.5.'],
    ['.', 'Enter a number, like 12.5.'],
    ['1.2.3', 'Enter a number, like 12.5.'],
    ['-1', 'The amount cannot be negative.'],
    ['0', 'The amount must be above zero.'],
    ['0.000', 'The amount must be above zero.'],
    ['1.0000000001', 'OHM has 9 decimals: use at most 9 after the point.'],
    ['5000.000000001', 'That is more than your wallet holds.'],
  ])('%j → %s', (input, message) => {
    expect(checkAmount(input, ohm)).toEqual({ ok: false, message });
  });

  it('refuses what a commit cannot carry (2^128 − 1 units), before the balance check', () => {
    const huge = (2n ** 128n).toString();
    expect(checkAmount(huge, { ...ohm, decimals: 0, available: 2n ** 200n })).toEqual({
      ok: false,
      message: 'That amount is beyond what a commit can carry (2^128 − 1 units).',
    });
  });

  it('parses decimals exactly, without floats, and accepts thousands separators', () => {
    expect(checkAmount('1,234.567891234', ohm)).toEqual({ ok: true, amount: 1_234_567_891_234n });
    expect(checkAmount('0.1', { ...ohm, decimals: 18, available: undefined })).toEqual({
      ok: true,
      amount: 10n ** 17n,
    });
    expect(checkAmount('5000', ohm)).toEqual({ ok: true, amount: 5_000_000_000_000n });
  });
});
