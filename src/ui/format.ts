/** Formatting at the edge: amounts stay `bigint` with their decimals until they are shown. */
import { formatUnits } from 'viem';
import { writeAmountText } from './numberConventions.ts';

const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(maximumFractionDigits: number, minimumFractionDigits = 0): Intl.NumberFormat {
  const key = `${maximumFractionDigits}:${minimumFractionDigits}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat('en-US', { maximumFractionDigits, minimumFractionDigits });
    cache.set(key, format);
  }
  return format;
}

/** `value` (in units of 10^-decimals) rounded half away from zero to `keep` fraction digits, exactly. */
function roundUnits(value: bigint, decimals: number, keep: number): { digits: bigint; keep: number } {
  if (keep >= decimals) return { digits: value, keep: decimals };
  const drop = 10n ** BigInt(decimals - keep);
  const magnitude = value < 0n ? -value : value;
  const rounded = (magnitude + drop / 2n) / drop;
  return { digits: value < 0n ? -rounded : rounded, keep };
}

/**
 * Digits (a scaled integer and its fraction length) as "1,234.5": grouped, trailing zeros dropped, in
 * `locale`'s notation ("1.234,5" in de-DE), which readAmountText reads back as the same amount.
 */
function writeDecimal(digits: bigint, fractionDigits: number, locale = 'en-US'): string {
  const [whole = '0', fraction = ''] = formatUnits(digits, fractionDigits).split('.');
  const kept = fraction.replace(/0+$/, '');
  return writeAmountText(kept ? `${whole}.${kept}` : whole, locale, true);
}

/**
 * e.g. formatAmount(1234567890000n, 9) → "1,234.5679": rounded (not cut) to `maximumFractionDigits`, from the
 * decimal string, so no float rounding creeps in. A small non-zero amount never reads as 0: it keeps its
 * first three significant digits.
 */
export function formatAmount(value: bigint, decimals: number, maximumFractionDigits = 4): string {
  const rounded = roundUnits(value, decimals, maximumFractionDigits);
  if (rounded.digits === 0n && value !== 0n) {
    const fraction = formatUnits(value < 0n ? -value : value, decimals).split('.')[1] ?? '';
    const firstSignificant = fraction.search(/[1-9]/);
    const small = roundUnits(value, decimals, firstSignificant + 3);
    return writeDecimal(small.digits, small.keep);
  }
  return writeDecimal(rounded.digits, rounded.keep);
}

/**
 * An amount to the last unit, grouped: "4.444444444", "123,456.789". Where a user must see exactly what is
 * sent or owed (a transaction's label), not a rounding of it.
 */
export function exactAmount(value: bigint, decimals: number): string {
  return formatAmount(value, decimals, decimals);
}

/** Significant digits a token amount is shown with: enough to trade on, not a wall of wei. */
export const TOKEN_SIGNIFICANT_DIGITS = 6;

/**
 * A token amount to six significant digits, rounded: 41.999998 → "42", 1234.56789 → "1,234.57", 0.000123456 →
 * "0.000123456"; whole units are never dropped. The exact amount is `formatUnits`' (TokenAmount shows it on
 * hover and copies it). Tables show figures in en-US; a figure shown beside an input is written in the
 * `locale` that input reads (userLocale()), so that "128,009" is never read as 128 in Germany.
 */
export function formatTokenAmount(value: bigint, decimals: number, locale = 'en-US'): string {
  const magnitude = value < 0n ? -value : value;
  const whole = magnitude / 10n ** BigInt(decimals);
  let keep: number;
  if (whole > 0n) keep = Math.max(0, TOKEN_SIGNIFICANT_DIGITS - whole.toString().length);
  else {
    const fraction = formatUnits(magnitude, decimals).split('.')[1] ?? '';
    keep = fraction.search(/[1-9]/) + TOKEN_SIGNIFICANT_DIGITS;
  }
  const rounded = roundUnits(value, decimals, Math.max(0, keep));
  return writeDecimal(rounded.digits, rounded.keep, locale);
}

/** US dollars to the cent ("$95,287.50"); below a dollar, four significant digits ("$0.01234"). */
export function formatUsd(value: number): string {
  if (!Number.isFinite(value)) return '—';
  const sign = value < 0 ? '−' : '';
  const magnitude = Math.abs(value);
  const text =
    magnitude >= 1 || magnitude === 0
      ? numberFormat(2, 2).format(magnitude)
      : new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 }).format(magnitude);
  return `${sign}$${text}`;
}

export function formatNumber(value: number, maximumFractionDigits = 2): string {
  if (!Number.isFinite(value)) return value > 0 ? '∞' : value < 0 ? '−∞' : '—';
  return numberFormat(maximumFractionDigits).format(value);
}

export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

/** An effective leverage: "2.14x"; "∞" when the other side holds everything, "—" when both are empty. */
export function formatLeverage(value: number | undefined, maximumFractionDigits = 2): string {
  if (value === undefined) return '—';
  return Number.isFinite(value) ? `${formatNumber(value, maximumFractionDigits)}x` : '∞';
}

/**
 * A fraction (0.012 = 1.2%) as a signed percentage: "+1.2%", "−5%", "0%"; "—" when unknown. The sign follows
 * the value, so a tiny move reads "+0%". The pool screens hold their changes and rates as fractions.
 */
export function formatFractionPercent(fraction: number | undefined, maximumFractionDigits = 2): string {
  if (fraction === undefined || !Number.isFinite(fraction)) return '—';
  const sign = fraction > 0 ? '+' : fraction < 0 ? '−' : '';
  return `${sign}${formatNumber(Math.abs(fraction) * 100, maximumFractionDigits)}%`;
}

/**
 * Percentage points (12.5 = 12.5%) as a signed percentage: "+12.5%", "−40%"; a value that rounds to zero
 * reads "0%". The simulator's inputs and series are in points.
 */
export function formatPercentPoints(points: number, maximumFractionDigits = 1): string {
  if (!Number.isFinite(points)) return '—';
  const text = formatNumber(Math.abs(points), maximumFractionDigits);
  if (text === '0') return '0%';
  return `${points < 0 ? '−' : '+'}${text}%`;
}

/** A WAD rate as a percentage: 5e15 → "0.5%". */
export function formatWadPercent(wad: bigint, maximumFractionDigits = 3): string {
  return `${formatNumber((Number(wad) / 1e18) * 100, maximumFractionDigits)}%`;
}
