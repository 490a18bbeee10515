/**
 * Decimal text to integer units, by its digits and never through a float: "12.5" with 9 decimals is
 * 12_500_000_000n. The one reader behind the trade amount and the launch form's percentages; each caller
 * checks the text first and keeps its own sentences for what is wrong, this only says which rule failed.
 */

export type DecimalUnits = { ok: true; units: bigint } | { ok: false; problem: 'format' | 'precision' };

/** Digits with at most one point, at least one digit in all: "12", "12.5", ".5", "12." */
const PLAIN_DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/**
 * A plain non-negative decimal in units of 10^-`decimals`. `format`: not one ("", ".", a sign, a
 * separator); `precision`: more digits after the point than `decimals`.
 */
export function decimalToUnits(text: string, decimals: number): DecimalUnits {
  const match = PLAIN_DECIMAL.exec(text);
  const whole = match?.[1] ?? '';
  const fraction = match?.[2] ?? '';
  if (!match || whole + fraction === '') return { ok: false, problem: 'format' };
  if (fraction.length > decimals) return { ok: false, problem: 'precision' };
  return { ok: true, units: BigInt((whole || '0') + fraction.padEnd(decimals, '0')) };
}
