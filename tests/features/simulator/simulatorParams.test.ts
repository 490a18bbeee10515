/** The simulator's link parameters: every bad input gets its message, and the charts keep valid numbers. */
import { describe, expect, it } from 'vitest';
import {
  checkNumber,
  MAX_PATH_STEPS,
  NUMBER_FIELDS,
  NUMBER_RULES,
  type NumberField,
} from '../../../src/features/simulator/fieldRules.ts';
import {
  DEFAULT_FORM,
  DEFAULT_INPUTS,
  DEFAULT_LINK,
  formOf,
  readLink,
  resolveForm,
  simulatorLink,
} from '../../../src/features/simulator/simulatorParams.ts';

/** The simulator's reading of a link query. */
const resolve = (query: string, lastValid = DEFAULT_INPUTS) => {
  const { numbers, choices } = readLink(query);
  return resolveForm(numbers, choices, lastValid);
};

function failure(field: NumberField, text: string): string {
  const check = checkNumber(field, text);
  if (check.ok) throw new Error(`${field}=${text} was accepted`);
  return check.message;
}

describe('checkNumber', () => {
  it.each<[NumberField, string, RegExp]>([
    ['leverage', '', /Enter the leverage/],
    ['leverage', 'abc', /Enter a number, like 3/],
    ['leverage', '0', /at least 1x/],
    ['leverage', '11', /above 10x/],
    ['leverage', '2.5', /whole number/],
    ['leverage', '-3', /at least 1x/],
    ['skew', '0', /above 0/],
    ['skew', '-1', /above 0/],
    ['skew', '1e3', /Enter a number/],
    ['skew', '5000', /at most 1000/],
    ['mintFeePercent', '100', /100% or more/],
    ['mintFeePercent', '-0.1', /mint fee cannot be negative/],
    ['burnFeePercent', '10', /below 10%/],
    ['annualFeePercent', '12', /10% a year/],
    ['annualFeePercent', '', /Enter the management fee/],
    ['price', '0', /price must be above 0/],
    ['price', 'NaN', /Enter a number/],
    ['intervalSeconds', '0.5', /whole number/],
    ['rebalances', '0', /at least 1/],
    ['movePercent', '-100', /above −100%/],
    ['driftPercent', '900', /between −500% and \+500%/],
    ['volatilityPercent', '501', /above 500%/],
    ['volatilityPercent', '-5', /volatility cannot be negative/],
    ['horizon', '9000', /at most 8,760/],
    ['seed', '1.5', /whole number/],
    ['paths', '50', /at least 100/],
    ['paths', '20001', /at most 20,000/],
    ['lossPercent', '100', /below 100%/],
    ['lossPercent', '0', /above 0%/],
  ])('%s = “%s” → %s', (field, text, message) => {
    expect(failure(field, text)).toMatch(message);
  });

  it('accepts what people type: spaces, thousands separators, a leading + or point', () => {
    expect(checkNumber('paths', ' 10,000 ')).toEqual({ ok: true, value: 10_000 });
    expect(checkNumber('driftPercent', '+12.5')).toEqual({ ok: true, value: 12.5 });
    expect(checkNumber('skew', '.5')).toEqual({ ok: true, value: 0.5 });
    expect(checkNumber('price', '')).toEqual({ ok: true, value: undefined });
  });

  it('accepts every default', () => {
    for (const field of NUMBER_FIELDS)
      expect(checkNumber(field, DEFAULT_FORM.text[field]).ok, field).toBe(true);
  });
});

describe('resolveForm', () => {
  it('keeps the last valid value of a bad field and reports it at that field only', () => {
    const { inputs, errors } = resolve('?leverage=0&skew=1.1', { ...DEFAULT_INPUTS, leverage: 5 });
    expect(inputs.leverage).toBe(5);
    expect(inputs.skew).toBe(1.1);
    expect(Object.keys(errors)).toEqual(['leverage']);
  });

  it('refuses more Monte Carlo work than the cap, keeping the paths and horizon it had', () => {
    const { inputs, errors } = resolve('?paths=20000&horizon=8760');
    expect(errors.paths).toMatch(/capped/);
    expect(errors.horizon).toMatch(/capped/);
    expect(inputs.paths * inputs.horizon).toBeLessThanOrEqual(MAX_PATH_STEPS);
    expect([inputs.paths, inputs.horizon]).toEqual([DEFAULT_INPUTS.paths, DEFAULT_INPUTS.horizon]);
  });

  it('reports an unknown transfer function, side or model and falls back to a known one', () => {
    const { inputs, errors } = resolve('?transfer=linear&side=up&models=power%2Cmagic');
    expect(inputs.transfer).toBe('sigmoid');
    expect(errors.transfer).toMatch(/Unknown transfer function “linear”/);
    expect(inputs.side).toBe('long');
    expect(errors.side).toMatch(/Unknown side/);
    expect(inputs.models).toEqual(['power']);
    expect(errors.models).toMatch(/“magic”/);
  });

  it('never hands the charts a non-finite number, whatever is typed', () => {
    const junk = ['', 'x', '-', '.', '1e999', 'Infinity', '0x10', '--1', '1..2', '９'];
    for (const field of NUMBER_FIELDS) {
      for (const text of junk) {
        const { inputs } = resolve(simulatorLink({ [NUMBER_RULES[field].param]: text }).split('?')[1] ?? '');
        const value = inputs[field];
        if (field === 'price' && value === undefined) continue;
        expect(Number.isFinite(value), `${field}=${text}`).toBe(true);
      }
    }
  });
});

describe('the link', () => {
  it('reads the names the pool page links with', () => {
    const query =
      '?leverage=3&skew=1.45&mintFee=0.5&burnFee=0.2&annualFee=2&price=65000&market=BTC%2FUSD&pool=3-BTC%2FUSD&transfer=power';
    const { inputs, errors } = resolve(query);
    expect(errors).toEqual({});
    expect(inputs).toMatchObject({
      leverage: 3,
      skew: 1.45,
      mintFeePercent: 0.5,
      burnFeePercent: 0.2,
      annualFeePercent: 2,
      price: 65_000,
      transfer: 'power',
    });
    const { choices } = readLink(query);
    expect([choices.market, choices.pool]).toEqual(['BTC/USD', '3-BTC/USD']);
  });

  it('writes only what differs from the defaults, invalid text included, and reads back the same form', () => {
    const link = simulatorLink({ market: 'ETH/USD', leverage: '0', vol: '120', side: 'both', skew: '1' });
    expect(link).toBe('/simulator?leverage=0&vol=120&side=both&market=ETH/USD');
    const { numbers, choices } = readLink(link.split('?')[1]!);
    const back = formOf(numbers, choices);
    expect(back.text.leverage).toBe('0');
    expect(back.text.volatilityPercent).toBe('120');
    expect(back.side).toBe('both');
    expect(back.market).toBe('ETH/USD');
  });

  it('refuses to build a link with a parameter the simulator does not have', () => {
    expect(() => simulatorLink({ levarage: '3' })).toThrow(/no link parameter “levarage”/);
  });

  it('an empty link is the defaults', () => {
    const { numbers, choices } = readLink('');
    expect(formOf(numbers, choices)).toEqual(DEFAULT_FORM);
    expect(numbers).toEqual(DEFAULT_LINK.numbers);
    expect(simulatorLink({})).toBe('/simulator');
  });
});
