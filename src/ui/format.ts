/** Formatting at the edge: amounts stay `bigint` with their decimals until they are shown. */
import { formatUnits } from 'viem';

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

/** e.g. formatAmount(1234567890000n, 9) → "1,234.56789". Uses the decimal string, so no float rounding creeps in beyond display. */
export function formatAmount(value: bigint, decimals: number, maximumFractionDigits = 4): string {
  const [whole = '0', fraction = ''] = formatUnits(value, decimals).split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '');
  const grouped = BigInt(digits).toLocaleString('en-US');
  let kept = fraction.slice(0, maximumFractionDigits).replace(/0+$/, '');
  // A small non-zero amount must not read as 0: keep its first three significant digits.
  if (digits === '0' && kept === '' && value !== 0n) {
    const firstSignificant = fraction.search(/[1-9]/);
    kept = fraction.slice(0, firstSignificant + 3).replace(/0+$/, '');
  }
  return `${sign}${grouped}${kept ? `.${kept}` : ''}`;
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
