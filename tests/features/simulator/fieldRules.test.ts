import { describe, expect, it } from 'vitest';
import { checkNumber, NUMBER_FIELDS, NUMBER_RULES } from '../../../src/features/simulator/fieldRules.ts';

describe('the simulator’s number fields read what was typed, or say what is wrong with it', () => {
  it('refuses a space inside a number in every field instead of reading "1 5" as 15', () => {
    for (const field of NUMBER_FIELDS) {
      const { example } = NUMBER_RULES[field];
      const check = checkNumber(field, '1 5');
      expect([field, check]).toEqual([
        field,
        { ok: false, message: expect.stringMatching(/^Type the number without spaces, like /) },
      ]);
      // Whitespace around the number is no space inside it.
      expect([field, checkNumber(field, ` ${example} `)]).toEqual([field, checkNumber(field, example)]);
    }
    expect(checkNumber('skew', '1 5')).toEqual({
      ok: false,
      message: 'Type the number without spaces, like 1.1.',
    });
    expect(checkNumber('price', '65 000')).toEqual({
      ok: false,
      message: 'Type the number without spaces, like 65,000.',
    });
  });

  it('says a number of hundreds of digits is too large, by the field’s own bound, not that it is no number', () => {
    const huge = '9'.repeat(400);
    const refused: Array<[Parameters<typeof checkNumber>[0], string, string]> = [
      ['skew', huge, 'A skew above 1,000 means one side is all but empty; enter at most 1000.'],
      ['intervalSeconds', huge, 'The interval must be at most a week (604800 s).'],
      ['leverage', huge, 'Leverage above 10x is outside what this simulator covers.'],
      ['price', huge, 'The asset price is too large for this simulator.'],
      ['skew', `-${huge}`, 'The skew must be above 0: it is the long balance divided by the short balance.'],
      ['burnFeePercent', `-${huge}`, 'The burn fee cannot be negative.'],
      // Too small for a double is not zero either.
      ['skew', `0.${'0'.repeat(400)}1`, 'The skew is too small for this simulator to tell from 0.'],
    ];
    for (const [field, typed, message] of refused)
      expect(checkNumber(field, typed)).toEqual({ ok: false, message });
  });

  it('suggests a rewrite only when the field would take it', () => {
    // "1,5" rewritten is 1.5, which a whole-number field refuses: its own example instead.
    expect(checkNumber('leverage', '1,5')).toEqual({ ok: false, message: 'Enter a number, like 3.' });
    expect(checkNumber('skew', '1,5')).toEqual({ ok: false, message: 'Use a point for decimals: 1.5.' });
    expect(checkNumber('skew', '1.5')).toEqual({ ok: true, value: 1.5 });
    expect(checkNumber('intervalSeconds', '3,600')).toEqual({ ok: true, value: 3600 });
  });
});

describe('each bound of the simulator’s fields is inclusive or strict as its sentence says', () => {
  it.each<[Parameters<typeof checkNumber>[0], string, boolean]>([
    ['leverage', '1', true],
    ['leverage', '10', true],
    ['skew', '0', false],
    ['skew', '1000', true],
    ['mintFeePercent', '100', false],
    ['burnFeePercent', '9.99', true],
    ['annualFeePercent', '10', true],
    ['price', '', true],
    ['intervalSeconds', '604800', true],
    ['intervalSeconds', '604801', false],
    ['rebalances', '10000', true],
    ['movePercent', '-99.9', true],
    ['driftPercent', '-500', true],
    ['driftPercent', '500', true],
    ['driftPercent', '-501', false],
    ['volatilityPercent', '0', true],
    ['horizon', '8760', true],
    ['seed', '0', true],
    ['seed', '-1', false],
    ['seed', '4294967295', true],
    ['paths', '100', true],
    ['lossPercent', '0', false],
    ['lossPercent', '99.9', true],
  ])('%s = “%s” is taken: %s', (field, text, taken) => {
    expect(checkNumber(field, text).ok).toBe(taken);
  });

  it('gives the drift one sentence for either side of its range', () => {
    const message = 'The drift must be between −500% and +500% a year.';
    expect(checkNumber('driftPercent', '-501')).toEqual({ ok: false, message });
    expect(checkNumber('driftPercent', '501')).toEqual({ ok: false, message });
  });
});
