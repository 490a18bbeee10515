/**
 * log₂, 2^x, e^x and ln of quads, reproducing the library's approximations bit for bit (docs/protocol.md
 * §1.1, §1.3, §1.4: V1's power transfer is 2^(L·log₂ x), V2's sigmoid calls e^x).
 *
 * - 2^x splits x into an integer part n and a 128-bit fraction f, multiplies 2^127 by the factor 2^(2^-k) of
 *   every set fraction bit (bits 127 … 2, each product truncated to 128 bits), and places the result at exponent n.
 *   A negative x uses 2^-(n+1) · 2^(1−f), taking the fraction's bitwise complement for 1 − f.
 * - log₂ x takes the exponent as the integer part and produces the fraction one bit at a time by repeated
 *   squaring of the significand; for x < 1 it produces the complemented bits.
 * - e^x = 2^(x · log₂e) and ln x = log₂x · ln 2, with the constants of tables.ts.
 */

import {
  EXPONENT_BIAS,
  EXPONENT_SPECIAL,
  FRACTION_BITS,
  FRACTION_MASK,
  HIDDEN_BIT,
  msb,
  NAN,
  NEGATIVE_INFINITY,
  ONE,
  POSITIVE_INFINITY,
  POSITIVE_ZERO,
  type Quad,
  SIGN_BIT,
} from './bits.ts';
import { mul } from './product.ts';
import { LN2, LOG2_E, POW2_FACTORS } from './tables.ts';

const TWO_POW_127 = 1n << 127n;
const FRACTION_128_MASK = (1n << 128n) - 1n;
/** Exponent field at which a significand shifted to 128 fraction bits needs no further shift. */
const FIXED_128_EXPONENT = EXPONENT_BIAS - 16; // 16367: 112-bit fraction → 128-bit fraction
/** |x| ≥ 2^15 (exponent field above bias + 14) always overflows or underflows. */
const POW2_MAX_EXPONENT = EXPONENT_BIAS + 14;
/** |x| < 2^-128: 2^x rounds to exactly 1 in the library. */
const POW2_MIN_EXPONENT = EXPONENT_BIAS - 128;
/** Largest |x| (as integer part · 2^128) whose 2^-|x| is still a subnormal: 16494 = bias + 111. */
const POW2_NEGATIVE_LIMIT = BigInt(EXPONENT_BIAS + 111) << 128n;
/** Largest x (as 128-bit fixed point) whose 2^x is finite: just below 2^14 = 16384. */
const POW2_POSITIVE_LIMIT = (BigInt(EXPONENT_BIAS + 1) << 128n) - 1n;

/** 2^x (`pow_2`). */
export function pow_2(x: Quad): Quad {
  const negative = x > SIGN_BIT; // −0 is not "negative" here: 2^−0 = 1 like 2^0
  let exponent = Number((x >> FRACTION_BITS) & 0x7fffn);
  let fixed = x & FRACTION_MASK;

  if (exponent === EXPONENT_SPECIAL && fixed !== 0n) return NAN;
  if (exponent > POW2_MAX_EXPONENT) return negative ? POSITIVE_ZERO : POSITIVE_INFINITY;
  if (exponent < POW2_MIN_EXPONENT) return ONE;

  if (exponent === 0) exponent = 1;
  else fixed |= HIDDEN_BIT;
  // |x| as a fixed-point number with 128 fraction bits.
  if (exponent > FIXED_128_EXPONENT) fixed <<= BigInt(exponent - FIXED_128_EXPONENT);
  else if (exponent < FIXED_128_EXPONENT) fixed >>= BigInt(FIXED_128_EXPONENT - exponent);

  if (negative && fixed > POW2_NEGATIVE_LIMIT) return POSITIVE_ZERO;
  if (!negative && fixed > POW2_POSITIVE_LIMIT) return POSITIVE_INFINITY;

  let resultExponent = Number(fixed >> 128n);
  let fraction = fixed & FRACTION_128_MASK;
  if (negative && fraction !== 0n) {
    fraction = FRACTION_128_MASK - fraction; // the low 128 bits of ~fraction: 1 − f, one unit short
    resultExponent += 1;
  }

  let product = TWO_POW_127;
  // Test the fraction's bits from a JS number per 32-bit word: cheaper than a bigint mask per bit.
  for (let word = 3; word >= 0; word--) {
    const bits = Number((fraction >> BigInt(word * 32)) & 0xffffffffn);
    if (bits === 0) continue;
    const lowest = word === 0 ? 2 : 0;
    for (let b = 31; b >= lowest; b--) {
      if ((bits >>> b) & 1) product = (product * POW2_FACTORS[word * 32 + b]!) >> 128n;
    }
  }

  if (!negative) {
    return ((BigInt(resultExponent + EXPONENT_BIAS) << FRACTION_BITS) |
      ((product >> 15n) & FRACTION_MASK)) as Quad;
  }
  if (resultExponent <= EXPONENT_BIAS - 1) {
    return ((BigInt(EXPONENT_BIAS - resultExponent) << FRACTION_BITS) |
      ((product >> 15n) & FRACTION_MASK)) as Quad;
  }
  // Subnormal result: the significand is shifted into place and the exponent field is 0.
  return (product >> BigInt(resultExponent - FIXED_128_EXPONENT)) as Quad;
}

/** e^x (`exp`) = 2^(x · log₂e). */
export function exp(x: Quad): Quad {
  return pow_2(mul(x, LOG2_E));
}

/** log₂ x (`log_2`): NaN for negative x (but −0 gives −∞), +0 for exactly 1. */
export function log_2(x: Quad): Quad {
  if (x > SIGN_BIT) return NAN;
  if (x === ONE) return POSITIVE_ZERO;
  let exponent = Number((x >> FRACTION_BITS) & 0x7fffn);
  if (exponent === EXPONENT_SPECIAL) return x;

  let significand = x & FRACTION_MASK;
  if (exponent === 0) exponent = 1;
  else significand |= HIDDEN_BIT;
  if (significand === 0n) return NEGATIVE_INFINITY;

  let negative: boolean;
  let result: bigint; // integer part so far, then grows into the 113-bit significand of the result
  let resultExponent = EXPONENT_BIAS + 112;
  if (exponent >= EXPONENT_BIAS) {
    negative = false;
    result = BigInt(exponent - EXPONENT_BIAS);
    significand <<= 15n;
  } else {
    negative = true;
    if (significand >= HIDDEN_BIT) {
      result = BigInt(EXPONENT_BIAS - 1 - exponent);
      significand <<= 15n;
    } else {
      const top = msb(significand);
      result = BigInt(EXPONENT_BIAS + 110 - top);
      significand <<= BigInt(127 - top);
    }
  }

  if (significand === TWO_POW_127) {
    // An exact power of two: the logarithm is the integer alone.
    if (negative) result += 1n;
    const shift = 112 - msb(result);
    result <<= BigInt(shift);
    resultExponent -= shift;
  } else {
    const flip = negative ? 1n : 0n;
    while (result < HIDDEN_BIT) {
      result <<= 1n;
      resultExponent -= 1;
      significand *= significand;
      const carry = significand >> 255n;
      result += carry ^ flip;
      significand >>= 127n + carry;
    }
  }
  return ((negative ? SIGN_BIT : 0n) |
    (BigInt(resultExponent) << FRACTION_BITS) |
    (result & FRACTION_MASK)) as Quad;
}

/** ln x (`ln`) = log₂x · ln 2. Not used by the pools; kept for completeness of the library's surface. */
export function ln(x: Quad): Quad {
  return mul(log_2(x), LN2);
}
