/**
 * The trade amount, checked before anything is sent: each failure is one sentence for the field, and only a
 * fully valid input yields a `bigint`. Amounts are parsed as decimal strings, never through floats.
 */
import { MAX_COMMIT_AMOUNT } from '../../engine/commits.ts';
import { decimalToUnits } from '../../engine/decimalUnits.ts';
import { readAmountText } from '../../ui/amountText.ts';
import { numberConventions, writeAmountText } from '../../ui/numberConventions.ts';

export type AmountCheck = { ok: true; amount: bigint } | { ok: false; message: string };

export interface AmountContext {
  decimals: number;
  /** What the chosen source (wallet or escrow) holds, raw units; undefined while it is loading. */
  available: bigint | undefined;
  /** Unit shown in messages, e.g. "gOHM" or "L tokens". */
  unit: string;
  sourceLabel: string;
  /** The user's locale (e.g. navigator.language): whose decimal and group separators the text uses. */
  locale: string;
}

/**
 * Reads what the user typed by their locale's conventions (src/ui/amountText.ts), then checks it. A rewrite
 * the reader suggests ("Use a point for decimals: 1.5.") is one this check accepts, the balance aside.
 */
export function checkAmount(input: string, ctx: AmountContext): AmountCheck {
  const read = readAmountText(input, ctx.locale, {
    example: '12.5',
    groupedExample: '1000.5',
    accepts: (decimal) => amountOf(decimal, ctx).ok,
  });
  if (!read.ok) return read;
  if (read.decimal === '') return { ok: false, message: 'Enter an amount.' };
  const checked = amountOf(read.decimal, ctx);
  if (checked.ok && ctx.available !== undefined && checked.amount > ctx.available) {
    return { ok: false, message: `That is more than your ${ctx.sourceLabel} holds.` };
  }
  return checked;
}

/** A read amount (a plain decimal, "-12.5") in raw units, or why no commit can carry it. */
function amountOf(text: string, ctx: AmountContext): AmountCheck {
  // "-0" is zero, not a negative amount: it gets the sentence that is true of it, below.
  if (/^-.*[1-9]/.test(text)) return { ok: false, message: 'The amount cannot be negative.' };
  const { decimal } = numberConventions(ctx.locale);
  const magnitude = text.replace(/^-/, '');
  const units = decimalToUnits(magnitude, ctx.decimals);
  if (!units.ok && units.problem === 'format')
    return { ok: false, message: `Enter a number, like ${writeAmountText('12.5', ctx.locale)}.` };
  if (!units.ok) {
    return {
      ok: false,
      message: `${ctx.unit} has ${ctx.decimals} decimals: use at most ${ctx.decimals} after the ${decimal === '.' ? 'point' : decimal === ',' ? 'comma' : 'decimal separator'}.`,
    };
  }
  const amount = units.units;
  if (amount === 0n) return { ok: false, message: 'The amount must be above zero.' };
  if (amount > MAX_COMMIT_AMOUNT)
    return { ok: false, message: 'That amount is beyond what a commit can carry (2^128 − 1 units).' };
  return { ok: true, amount };
}
