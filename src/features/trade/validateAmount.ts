/**
 * The trade amount, checked before anything is sent: each failure is one sentence for the field, and only a
 * fully valid input yields a `bigint`. Amounts are parsed as decimal strings, never through floats.
 */
import { MAX_COMMIT_AMOUNT } from '../../engine/commits.ts';

export type AmountCheck = { ok: true; amount: bigint } | { ok: false; message: string };

export interface AmountContext {
  decimals: number;
  /** What the chosen source (wallet or escrow) holds, raw units; undefined while it is loading. */
  available: bigint | undefined;
  /** Unit shown in messages, e.g. "gOHM" or "L tokens". */
  unit: string;
  sourceLabel: string;
}

const NUMBER = /^\d*\.?\d*$/;

/** Parses "1,234.5" style input the user typed; commas as thousands separators are accepted. */
export function checkAmount(input: string, ctx: AmountContext): AmountCheck {
  const text = input.trim().replace(/,/g, '');
  if (text === '') return { ok: false, message: 'Enter an amount.' };
  if (text.startsWith('-')) return { ok: false, message: 'The amount cannot be negative.' };
  if (!NUMBER.test(text) || text === '.') return { ok: false, message: 'Enter a number, like 12.5.' };
  const [whole = '', fraction = ''] = text.split('.');
  if (fraction.length > ctx.decimals) {
    return {
      ok: false,
      message: `${ctx.unit} has ${ctx.decimals} decimals: use at most ${ctx.decimals} after the point.`,
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
