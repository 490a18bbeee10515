/**
 * Shortcuts for the integer idioms the pools repeat on every upkeep and every settlement (docs/protocol.md
 * §1.1: fees, portions of balances, token conversions). Each returns exactly
 * what the composition of library operations it replaces returns; the shortcut is taken only where that equality
 * is provable, and the plain composition runs otherwise.
 *
 * Why they are exact: the library's operations truncate toward zero, so a truncated result r of a true value v
 * satisfies ⌊v⌋ ≤ r ≤ v whenever ⌊v⌋ is itself representable (an integer below 2^113). Then ⌊r⌋ = ⌊v⌋, so an
 * integer result can be computed from v in integer arithmetic directly. tests/engine/quad-fused.test.ts checks
 * each shortcut against the composition it replaces.
 */

import {
  EXPONENT_BIAS,
  exponentField,
  FRACTION_BITS,
  FRACTION_MASK,
  fromUInt,
  HIDDEN_BIT,
  msb,
  POSITIVE_ZERO,
  type Quad,
  toUInt,
} from './bits.ts';
import { div, mul } from './product.ts';

const TWO_POW_113 = 1n << 113n;
/** Exponent fields of positive normal quads, between which the shortcuts apply. */
const MIN_NORMAL_EXPONENT = 1;
const MAX_FINITE_EXPONENT = 0x7ffe;

/**
 * div(fromUInt(a), fromUInt(b)) for b > 0: the library's division is the exact quotient truncated to 113
 * significant bits (toward zero), so for exactly converted integers it is ⌊a · 2^s / b⌋ at the scale s that leaves
 * 113 bits.
 */
export function divIntegers(a: bigint, b: bigint): Quad {
  if (a > 0n && b > 0n && a < TWO_POW_113 && b < TWO_POW_113) {
    let shift = 113 + msb(b) - msb(a); // a · 2^shift / b lies in (2^112, 2^114)
    let quotient = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
    if (quotient >= TWO_POW_113) {
      quotient >>= 1n; // ⌊⌊x⌋ / 2⌋ = ⌊x / 2⌋
      shift -= 1;
    }
    return (exponentField(EXPONENT_BIAS + 112 - shift) | (quotient & FRACTION_MASK)) as Quad;
  }
  if (a === 0n && b > 0n && b < TWO_POW_113) return POSITIVE_ZERO;
  return div(fromUInt(a), fromUInt(b));
}

/** toUInt(mul(q, fromUInt(n))): an integer amount times a quad fraction, truncated (a "portion" of a balance). */
export function mulToUInt(q: Quad, n: bigint): bigint {
  const exponent = Number(q >> FRACTION_BITS); // also ≥ 0x8000 for negative q, which falls back below
  if (n < TWO_POW_113 && n >= 0n && exponent >= MIN_NORMAL_EXPONENT && exponent <= MAX_FINITE_EXPONENT) {
    const product = ((q & FRACTION_MASK) | HIDDEN_BIT) * n;
    const shift = EXPONENT_BIAS + 112 - exponent; // value = product · 2^-shift
    if (shift >= 0) {
      const result = product >> BigInt(shift);
      if (result < TWO_POW_113) return result;
    }
  } else if (n === 0n && exponent <= MAX_FINITE_EXPONENT) {
    return 0n;
  }
  return toUInt(mul(q, fromUInt(n)));
}

/** toUInt(mul(fromUInt(a), fromUInt(b))): the product of two integers as the library forms it. */
export function mulIntegersToUInt(a: bigint, b: bigint): bigint {
  if (a >= 0n && b >= 0n && a < TWO_POW_113 && b < TWO_POW_113) {
    const product = a * b;
    if (product < TWO_POW_113) return product;
    // A product of exact integers truncated to 113 significant bits: drop the low bits.
    const drop = BigInt(msb(product) - 112);
    return (product >> drop) << drop;
  }
  return toUInt(mul(fromUInt(a), fromUInt(b)));
}

/** toUInt(div(mul(fromUInt(a), fromUInt(b)), fromUInt(c))) for c > 0 (`mulFraction`). */
export function mulDivToUInt(a: bigint, b: bigint, c: bigint): bigint {
  if (a >= 0n && b >= 0n && c > 0n && a < TWO_POW_113 && b < TWO_POW_113 && c < TWO_POW_113) {
    const product = a * b;
    if (product < TWO_POW_113) return product / c;
  }
  return toUInt(div(mul(fromUInt(a), fromUInt(b)), fromUInt(c)));
}

/** toUInt(div(fromUInt(n), q)) for a positive normal q (`getMint`'s conversion). */
export function divToUInt(n: bigint, q: Quad): bigint {
  const exponent = Number(q >> FRACTION_BITS);
  if (n >= 0n && n < TWO_POW_113 && exponent >= MIN_NORMAL_EXPONENT && exponent <= MAX_FINITE_EXPONENT) {
    const significand = (q & FRACTION_MASK) | HIDDEN_BIT;
    const shift = EXPONENT_BIAS + 112 - exponent; // q = significand · 2^-shift, so n / q = n · 2^shift / significand
    const quotient = shift >= 0 ? (n << BigInt(shift)) / significand : n / (significand << BigInt(-shift));
    if (quotient < TWO_POW_113) return quotient;
  }
  return toUInt(div(fromUInt(n), q));
}
