/**
 * The trade amount, checked before anything is sent: each failure is one sentence for the field, and only a
 * fully valid input yields a `bigint`. Amounts are parsed as decimal strings, never through floats.
 */
import { MAX_COMMIT_AMOUNT } from '../../engine/commits.ts';
import { numberConventions, readAmountText } from '../../ui/amountText.ts';

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

const NUMBER = /^\d*\.?\d*$/;

/** Reads what the user typed by their locale's conventions (src/ui/amountText.ts), then checks it. */
export function checkAmount(input: string, ctx: AmountContext): AmountCheck {
  const read = readAmountText(input, ctx.locale);
  if (!read.ok) return read;
  const text = read.decimal;
  if (text === '') return { ok: false, message: 'Enter an amount.' };
  if (text.startsWith('-')) return { ok: false, message: 'The amount cannot be negative.' };
  const { decimal } = numberConventions(ctx.locale);
  if (!NUMBER.test(text) || text === '.')
    return { ok: false, message: `Enter a number, like 12${decimal}5.` };
  const [whole = '', fraction = ''] = text.split('.');
  if (fraction.length > ctx.decimals) {
    return {
      ok: false,
      message: `${ctx.unit} has ${ctx.decimals} decimals: use at most ${ctx.decimals} after the ${decimal === '.' ? 'point' : decimal === ',' ? 'comma' : 'decimal separator'}.`,
    };
  }
  const amount = BigInt((whole || '0') + fraction.padEnd(ctx.decimals, '0'));
  if (amount === 0n) return { ok: false, message: 'The amount must be above zero.' };
  if (amount > MAX_COMMIT_AMOUNT)
    return { ok: false, message: 'That amount is beyond what a commit can carry (2^128 − 1 units).' };
  if (ctx.available !== undefined && amount > ctx.available) {
    return { ok: false, message: `That is more than your ${ctx.sourceLabel} holds.` };
  }
  return { ok: true, amount };
}
