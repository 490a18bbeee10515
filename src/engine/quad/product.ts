/**
 * Multiplication and division of quads, bit for bit as the pool contracts' library does them (docs/protocol.md
 * §1.1). Like addition (arithmetic.ts, which explains the rule), every discarded bit is dropped: each result is
 * the exact value rounded toward zero.
 */
import { ContractRevert } from '../revert.ts';
import {
  ABS_MASK,
  EXPONENT_SPECIAL,
  exponentField,
  FRACTION_BITS,
  FRACTION_MASK,
  HIDDEN_BIT,
  msb,
  NAN,
  NEGATIVE_ZERO,
  POSITIVE_INFINITY,
  POSITIVE_ZERO,
  type Quad,
  SHIFT,
  SIGN_BIT,
} from './bits.ts';

const TWO_POW_108 = 1n << 108n;
const TWO_POW_113 = 1n << 113n;
const TWO_POW_114 = 1n << 114n;
const TWO_POW_115 = 1n << 115n;

const TWO_POW_224 = 1n << 224n;
const TWO_POW_225 = 1n << 225n;

/** x · y (`mul`): the exact 226-bit product of the significands, truncated to 113 bits. */
export function mul(x: Quad, y: Quad): Quad {
  let xExp = Number(x >> FRACTION_BITS) & 0x7fff;
  let yExp = Number(y >> FRACTION_BITS) & 0x7fff;
  const signOfProduct = (x ^ y) & SIGN_BIT;

  if (xExp === EXPONENT_SPECIAL) {
    if (yExp === EXPONENT_SPECIAL) {
      if (x === y) return (x ^ (y & SIGN_BIT)) as Quad;
      if ((x ^ y) === SIGN_BIT) return (x | y) as Quad;
      return NAN;
    }
    if ((y & ABS_MASK) === 0n) return NAN;
    return (x ^ (y & SIGN_BIT)) as Quad;
  }
  if (yExp === EXPONENT_SPECIAL) {
    if ((x & ABS_MASK) === 0n) return NAN;
    return (y ^ (x & SIGN_BIT)) as Quad;
  }

  let xSig = x & FRACTION_MASK;
  if (xExp === 0) xExp = 1;
  else xSig |= HIDDEN_BIT;
  let ySig = y & FRACTION_MASK;
  if (yExp === 0) yExp = 1;
  else ySig |= HIDDEN_BIT;

  let product = xSig * ySig;
  if (product === 0n) return signOfProduct === 0n ? POSITIVE_ZERO : NEGATIVE_ZERO;

  let exponent = xExp + yExp;
  // Two normal significands give a product of 225 or 226 bits; only subnormal operands need the full search.
  const top = product >= TWO_POW_225 ? 225 : product >= TWO_POW_224 ? 224 : msb(product);
  if (exponent + top < 16496) {
    // Below the smallest subnormal: a signed zero.
    exponent = 0;
    product = 0n;
  } else if (exponent + top < 16608) {
    // Subnormal result: place the significand at the fixed subnormal scale, dropping low bits.
    if (exponent < 16496) product >>= SHIFT[16496 - exponent]!;
    else if (exponent > 16496) product <<= SHIFT[exponent - 16496]!;
    exponent = 0;
  } else if (exponent + top > 49373) {
    exponent = EXPONENT_SPECIAL;
    product = 0n;
  } else {
    if (top > 112) product >>= SHIFT[top - 112]!;
    else if (top < 112) product <<= SHIFT[112 - top]!;
    product &= FRACTION_MASK;
    exponent = exponent + top - 16607;
  }
  return (signOfProduct | exponentField(exponent) | product) as Quad;
}

/** x / y (`div`): the dividend's significand is widened by 114 bits and integer-divided, then truncated. */
export function div(x: Quad, y: Quad): Quad {
  let xExp = Number(x >> FRACTION_BITS) & 0x7fff;
  let yExp = Number(y >> FRACTION_BITS) & 0x7fff;
  const signOfQuotient = (x ^ y) & SIGN_BIT;

  if (xExp === EXPONENT_SPECIAL) {
    if (yExp === EXPONENT_SPECIAL) return NAN;
    return (x ^ (y & SIGN_BIT)) as Quad;
  }
  if (yExp === EXPONENT_SPECIAL) {
    if ((y & FRACTION_MASK) !== 0n) return NAN;
    return (POSITIVE_ZERO | signOfQuotient) as Quad;
  }
  if ((y & ABS_MASK) === 0n) {
    if ((x & ABS_MASK) === 0n) return NAN;
    return (POSITIVE_INFINITY | signOfQuotient) as Quad;
  }

  let ySig = y & FRACTION_MASK;
  if (yExp === 0) yExp = 1;
  else ySig |= HIDDEN_BIT;

  let xSig = x & FRACTION_MASK;
  if (xExp === 0) {
    if (xSig !== 0n) {
      // Subnormal dividend: normalise it to bit 226 and move the difference into the divisor's exponent.
      const shift = 226 - msb(xSig);
      xSig <<= SHIFT[shift]!;
      xExp = 1;
      yExp += shift - 114;
    }
  } else {
    xSig = (xSig | HIDDEN_BIT) << 114n;
  }

  let quotient = xSig / ySig;
  if (quotient === 0n) return signOfQuotient === 0n ? POSITIVE_ZERO : NEGATIVE_ZERO;
  if (quotient < TWO_POW_108) throw new ContractRevert('div: quotient below 2^108', 'panic');

  let top: number;
  if (quotient >= TWO_POW_115) top = msb(quotient);
  else if (quotient >= TWO_POW_114) top = 114;
  else if (quotient >= TWO_POW_113) top = 113;
  else top = 112;

  if (xExp + top > yExp + 16497) {
    xExp = EXPONENT_SPECIAL;
    quotient = 0n;
  } else if (xExp + top + 16380 < yExp) {
    xExp = 0;
    quotient = 0n;
  } else if (xExp + top + 16268 < yExp) {
    if (xExp + 16380 > yExp) quotient <<= SHIFT[xExp + 16380 - yExp]!;
    else if (xExp + 16380 < yExp) quotient >>= SHIFT[yExp - xExp - 16380]!;
    xExp = 0;
  } else {
    if (top > 112) quotient >>= SHIFT[top - 112]!;
    quotient &= FRACTION_MASK;
    xExp = xExp + top + 16269 - yExp;
  }
  return (signOfQuotient | exponentField(xExp) | quotient) as Quad;
}
