import { describe, expect, it } from 'vitest';
import { checkAmount } from '../../../src/features/trade/validateAmount.ts';

const ohm = {
  decimals: 9,
  available: 5_000_000_000_000n,
  unit: 'OHM',
  sourceLabel: 'wallet',
  locale: 'en-US',
};

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

describe('checkAmount: amounts are read as the holder meant, in their locale, or refused', () => {
  const gohm = { decimals: 18, available: undefined, unit: 'gOHM', sourceLabel: 'wallet' };
  const units = (whole: bigint, tenths = 0n) => whole * 10n ** 18n + tenths * 10n ** 17n;
  const amount = (input: string, locale: string) => checkAmount(input, { ...gohm, locale });

  it('refuses a decimal comma in an English locale instead of reading it as fifteen', () => {
    expect(amount('1,5', 'en-US')).toEqual({ ok: false, message: 'Use a point for decimals: 1.5.' });
    expect(amount('1,5', 'en-GB')).toEqual({ ok: false, message: 'Use a point for decimals: 1.5.' });
  });

  it('reads German thousands and decimals, and refuses a decimal point there', () => {
    expect(amount('1.000,5', 'de-DE')).toEqual({ ok: true, amount: units(1000n, 5n) });
    expect(amount('1,5', 'de-DE')).toEqual({ ok: true, amount: units(1n, 5n) });
    expect(amount('1.5', 'de-DE')).toEqual({ ok: false, message: 'Use a comma for decimals: 1,5.' });
  });

  it('reads English thousands and decimals', () => {
    expect(amount('1,000.5', 'en-US')).toEqual({ ok: true, amount: units(1000n, 5n) });
    expect(amount('1,000,000', 'en-US')).toEqual({ ok: true, amount: units(1_000_000n) });
    expect(amount('1,000,5', 'en-US')).toEqual({
      ok: false,
      message: 'Check the digit grouping, like 1,000.5.',
    });
  });

  it('reads Arabic-Indic digits and the Arabic decimal separator', () => {
    expect(amount('١٫٥', 'ar-EG')).toEqual({ ok: true, amount: units(1n, 5n) });
    expect(amount('١٬٠٠٠٫٥', 'ar-EG')).toEqual({ ok: true, amount: units(1000n, 5n) });
    // Typed on an Arabic keyboard in an English browser: still one and a half.
    expect(amount('١٫٥', 'en-US')).toEqual({ ok: true, amount: units(1n, 5n) });
  });

  it('trims whitespace around pasted text and drops currency signs', () => {
    expect(amount('  1,000.5 ', 'en-US')).toEqual({ ok: true, amount: units(1000n, 5n) });
    expect(amount('$1,000.50', 'en-US')).toEqual({ ok: true, amount: units(1000n, 5n) });
    expect(amount('1\u202f000,5\u00a0€', 'fr-FR')).toEqual({ ok: true, amount: units(1000n, 5n) });
  });

  it('refuses a space inside the digits where the locale does not group with spaces, never reading "1 5" as 15', () => {
    for (const [input, locale, message] of [
      ['1 5', 'en-US', 'Type the number without spaces, like 1,000.5.'],
      ['1 000.5', 'en-US', 'Type the number without spaces, like 1,000.5.'],
      ['1\u00a05', 'en-US', 'Type the number without spaces, like 1,000.5.'],
      ['1 5', 'de-DE', 'Type the number without spaces, like 1.000,5.'],
      ['1 000,5', 'de-DE', 'Type the number without spaces, like 1.000,5.'],
    ] as const) {
      expect(amount(input, locale)).toEqual({ ok: false, message });
    }
  });

  it('takes a space as the group separator where the locale groups with one, in groups of three only', () => {
    // fr-FR writes a narrow no-break space; a plain or no-break space typed in its place means the same.
    for (const input of ['1 000,5', '1\u00a0000,5', '1\u202f000,5']) {
      expect(amount(input, 'fr-FR')).toEqual({ ok: true, amount: units(1000n, 5n) });
    }
    expect(amount('1 000 000', 'fr-FR')).toEqual({ ok: true, amount: units(1_000_000n) });
    for (const input of ['1 5', '10 00', '1 0000', '1 5,3']) {
      expect(amount(input, 'fr-FR')).toEqual({
        ok: false,
        message: 'Check the digit grouping, like 1\u202f000,5.',
      });
    }
  });

  it('never reads a group starting with zero as thousands: "0,500" is not five hundred in English', () => {
    expect(amount('0,500', 'en-US')).toEqual({ ok: false, message: 'Use a point for decimals: 0.500.' });
    expect(amount('0.001', 'de-DE')).toEqual({ ok: false, message: 'Use a comma for decimals: 0,001.' });
  });

  it('says what is true of the input, and suggests only what it accepts', () => {
    const cases: Array<[string, string, string]> = [
      // The point is a decimal here; the comma after it cannot be a group separator.
      ['1,5.3', 'en-US', 'Check the digit grouping, like 1,000.5.'],
      ['1.5,3', 'de-DE', 'Check the digit grouping, like 1.000,5.'],
      // A trailing or leading separator of the other convention: the rewrite is itself a valid amount.
      ['5,', 'en-US', 'Use a point for decimals: 5.'],
      ['5.', 'de-DE', 'Use a comma for decimals: 5.'],
      [',5', 'en-US', 'Use a point for decimals: 0.5.'],
      // A number written in the other convention is a number: say which marks to use, and how it reads.
      ['1.000,5', 'en-US', 'Use a point for decimals and commas between thousands: 1,000.5.'],
      ['1,000.5', 'de-DE', 'Use a comma for decimals and points between thousands: 1.000,5.'],
      ['1,000.5', 'fr-FR', 'Use a comma for decimals and spaces between thousands: 1\u202f000,5.'],
      // "1.000" in French could be one or a thousand: no rewrite is guessed.
      ['1.000', 'fr-FR', 'Use a comma for decimals and spaces between thousands, like 1\u202f000,5.'],
      ['1,5.3', 'fr-FR', 'Use a comma for decimals and spaces between thousands, like 1\u202f000,5.'],
      [',', 'en-US', 'Enter a number, like 12.5.'],
    ];
    for (const [input, locale, message] of cases) {
      expect([input, locale, amount(input, locale)]).toEqual([input, locale, { ok: false, message }]);
    }
    for (const [input, locale] of [
      ['5,', 'en-US'],
      ['1.000,5', 'en-US'],
      ['1,000.5', 'fr-FR'],
    ] as const) {
      const refused = amount(input, locale);
      const rewrite = refused.ok ? '' : (/: ([^ ]+)\.$/u.exec(refused.message)?.[1] ?? '');
      expect(amount(rewrite, locale).ok).toBe(true);
    }
  });

  it('reads a leading plus as the number, and "-0" as zero rather than a negative amount', () => {
    expect(amount('+1,5', 'de-DE')).toEqual({ ok: true, amount: units(1n, 5n) });
    expect(amount('-0', 'en-US')).toEqual({ ok: false, message: 'The amount must be above zero.' });
  });

  it('says what to type in the locale’s own words', () => {
    expect(amount('abc', 'de-DE')).toEqual({ ok: false, message: 'Enter a number, like 12,5.' });
    expect(checkAmount('1,0000000001', { ...ohm, locale: 'de-DE' })).toEqual({
      ok: false,
      message: 'OHM has 9 decimals: use at most 9 after the comma.',
    });
  });
});
