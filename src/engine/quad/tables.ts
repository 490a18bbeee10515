/**
 * Constants of the library's exponential and logarithm, computed here with integer arithmetic rather than
 * pasted (docs/protocol.md §1.1: `exp` and `log_2` are approximations whose exact bits matter).
 *
 * - The 2^(2^-k) factors of `pow_2`. The library's table is reproduced by one specific construction: start from
 *   ⌊√2 · 2^128⌋ and take each next factor as the integer square root of the previous one scaled by 2^128. Each
 *   root truncates, so the factors sit one or two units below the true values in their last place; a correctly
 *   rounded table would not give the same results. tests/engine/quad.test.ts checks every factor
 *   against the 129-bit immediates found in the deployed V2.1 PoolSwapLibrary bytecode.
 * - log2(e) and ln(2) as quads, truncated to 113 significant bits (the library truncates both).
 */
import { EXPONENT_BIAS, FRACTION_BITS, FRACTION_MASK, msb, type Quad } from './bits.ts';

/** ⌊√n⌋ for n ≥ 0, by Newton's iteration from an over-estimate. */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw new RangeError('isqrt of a negative number');
  if (n < 2n) return n;
  let x = 1n << BigInt((msb(n) >> 1) + 1);
  for (;;) {
    const next = (x + n / x) >> 1n;
    if (next >= x) return x;
    x = next;
  }
}

const TWO_POW_128 = 1n << 128n;

/**
 * POW2_FACTORS[j] multiplies the running product when bit j (value 2^(j − 128)) of the 128-bit fraction is set,
 * for j = 2 … 127. Entries 0 and 1 are unused (the library ignores the two lowest fraction bits).
 */
export const POW2_FACTORS: readonly bigint[] = (() => {
  const factors: bigint[] = new Array<bigint>(128).fill(0n);
  let factor = isqrt(1n << 257n); // ⌊2^(1/2) · 2^128⌋
  for (let bit = 127; bit >= 2; bit--) {
    factors[bit] = factor;
    factor = isqrt(factor * TWO_POW_128);
  }
  return factors;
})();

/** ln 2 as a binary fixed-point number with `precision` fraction bits, from ln 2 = Σ_{k≥1} 1 / (k · 2^k). */
function ln2Fixed(precision: number): bigint {
  const scale = 1n << BigInt(precision + 16); // 16 guard bits absorb the truncation of every term
  let sum = 0n;
  for (let k = 1n; ; k++) {
    const term = scale / (k << k);
    if (term === 0n) break;
    sum += term;
  }
  return sum >> 16n;
}

/** A positive fixed-point value with `precision` fraction bits, truncated to a quad. */
function quadFromFixed(value: bigint, precision: number): Quad {
  const top = msb(value);
  const significand = top > 112 ? value >> BigInt(top - 112) : value << BigInt(112 - top);
  const exponent = EXPONENT_BIAS + top - precision;
  return ((BigInt(exponent) << FRACTION_BITS) | (significand & FRACTION_MASK)) as Quad;
}

const PRECISION = 256;
const LN2_FIXED = ln2Fixed(PRECISION);

/** ln 2, truncated to a quad (the factor of the library's `ln`). */
export const LN2: Quad = quadFromFixed(LN2_FIXED, PRECISION);

/** log2(e) = 1 / ln 2, truncated to a quad (the factor of the library's `exp`). */
export const LOG2_E: Quad = quadFromFixed((1n << BigInt(2 * PRECISION)) / LN2_FIXED, PRECISION);
