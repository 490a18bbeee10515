/**
 * Every refusal that suggests what to type ("…, like 12,5.", "Use a point for decimals: 1.5.", "…: write 0,05.")
 * suggests something the same field accepts in the same locale: fed back, it is read, not refused again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNumber, NUMBER_FIELDS } from '../../src/features/simulator/fieldRules.ts';
import { checkAmount } from '../../src/features/trade/validateAmount.ts';
import { readFees } from '../../src/features/treasury/feeFields.ts';
import { readLeverage, readSeconds } from '../../src/features/treasury/launchFields.ts';
import { readAmountText } from '../../src/ui/amountText.ts';

const LOCALES = ['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'ar-EG'] as const;

/** What a sentence tells the user to type: the last word after "like", ":" or "write", before the full stop. */
const suggestionOf = (message: string) => /(?:like|:|write) ([^ ]+)\.$/u.exec(message)?.[1];

/** Text people type into number fields: digits of two scripts, every separator, signs, spaces, stray letters. */
const typed = fc.string({
  unit: fc.constantFrom(
    '0',
    '1',
    '2',
    '5',
    '9',
    '.',
    ',',
    ' ',
    '\u00a0',
    '\u202f',
    "'",
    '-',
    '+',
    'e',
    'x',
    '%',
    '\u066b',
    '\u066c',
    '\u0661',
  ),
  maxLength: 12,
});

type Check = { ok: boolean; message?: string };

/**
 * Runs `check` on many typed texts in every locale and, for each refusal with a suggestion, checks the
 * suggestion again. Returns how many suggestions were checked, so a test can tell it was not vacuous.
 */
function suggestionsAccepted(check: (text: string, locale: string) => Check): number {
  let checked = 0;
  fc.assert(
    fc.property(typed, fc.constantFrom(...LOCALES), (text, locale) => {
      const refused = check(text, locale);
      const suggestion = refused.ok || !refused.message ? undefined : suggestionOf(refused.message);
      if (suggestion === undefined) return;
      checked += 1;
      const again = check(suggestion, locale);
      expect({ text, locale, message: refused.message, again }).toEqual({
        text,
        locale,
        message: refused.message,
        again: expect.objectContaining({ ok: true }),
      });
    }),
    { numRuns: 3000 },
  );
  return checked;
}

describe('suggested rewrites are accepted by the field that suggests them', () => {
  it('readAmountText', () => {
    expect(suggestionsAccepted((text, locale) => readAmountText(text, locale))).toBeGreaterThan(100);
  });

  it('checkAmount (the trade amount, 18 decimals)', () => {
    const check = (text: string, locale: string) =>
      checkAmount(text, { decimals: 18, available: undefined, unit: 'gOHM', sourceLabel: 'wallet', locale });
    expect(suggestionsAccepted(check)).toBeGreaterThan(100);
  });

  it('every simulator field', () => {
    for (const field of NUMBER_FIELDS) {
      // The simulator reads every link in en-US, whatever the browser's locale.
      expect(suggestionsAccepted((text) => checkNumber(field, text))).toBeGreaterThan(10);
    }
  });

  it('every launch field', () => {
    const fees = ['mintingFee', 'burningFee', 'changeInterval'] as const;
    for (const fee of fees) {
      const check = (text: string, locale: string) =>
        readFees({ mintingFee: text, burningFee: text, changeInterval: text }, locale)[fee];
      expect(suggestionsAccepted(check)).toBeGreaterThan(10);
    }
    expect(suggestionsAccepted((text, locale) => readLeverage(text, locale))).toBeGreaterThan(10);
    expect(
      suggestionsAccepted((text, locale) => readSeconds(text, 'update interval', locale)),
    ).toBeGreaterThan(10);
  });

  it('the suggestions the old sentences got wrong', () => {
    // Each was a suggestion its own field refused: "5..", ",.", "5,.", a decimal for a whole-number field.
    const amount = (text: string, locale: string) =>
      checkAmount(text, { decimals: 18, available: undefined, unit: 'gOHM', sourceLabel: 'wallet', locale });
    for (const [text, locale] of [
      ['5,', 'en-US'],
      ['5.', 'de-DE'],
      ['.', 'de-DE'],
      [',', 'en-US'],
    ] as const) {
      const refused = amount(text, locale);
      const suggestion = refused.ok ? undefined : suggestionOf(refused.message);
      expect(suggestion === undefined || amount(suggestion, locale).ok).toBe(true);
    }
    const leverage = checkNumber('leverage', '1,5');
    expect(leverage).toEqual({ ok: false, message: 'Enter a number, like 3.' });
  });
});
