/**
 * Addition, subtraction, multiplication and division of quads, bit for bit as the pool contracts' library does
 * them (docs/protocol.md §1.1).
 *
 * Rounding: the library does not round to nearest. Every discarded bit is simply dropped, so each result is the
 * exact value rounded toward zero (a subtraction borrows a "sticky" unit first so that its truncation is also
 * toward zero). IEEE-754 arithmetic usually rounds to nearest; reading the deployed V2.1 library shows
 * truncation, and the golden vectors taken from the deployed bytecode (tests/engine/abdk-golden.test.ts) confirm it.
 * Overflow gives ±∞; underflow goes through subnormals to a signed zero.
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
  NEGATIVE_INFINITY,
  NEGATIVE_ZERO,
  POSITIVE_INFINITY,
  POSITIVE_ZERO,
  type Quad,
  SHIFT,
  SIGN_BIT,
} from './bits.ts';

const SIGNIFICAND_OVERFLOW = HIDDEN_BIT << 1n; // 2^113: a sum of two significands that needs renormalising
const TWO_POW_108 = 1n << 108n;
const TWO_POW_113 = 1n << 113n;
const TWO_POW_114 = 1n << 114n;
const TWO_POW_115 = 1n << 115n;

const TWO_POW_224 = 1n << 224n;
const TWO_POW_225 = 1n << 225n;

function pack(negative: boolean, exponent: number, significand: bigint): Quad {
  const magnitude = exponentField(exponent) | significand;
  return (negative ? SIGN_BIT | magnitude : magnitude) as Quad;
}

/** x + y (`add`). */
export function add(x: Quad, y: Quad): Quad {
  let xExp = Number(x >> FRACTION_BITS) & 0x7fff;
  const yExp = Number(y >> FRACTION_BITS) & 0x7fff;
  if (xExp === EXPONENT_SPECIAL) {
    if (yExp === EXPONENT_SPECIAL) return x === y ? x : NAN;
    return x;
  }
  if (yExp === EXPONENT_SPECIAL) return y;

  let xNeg = x >= SIGN_BIT;
  let xSig = x & FRACTION_MASK;
  if (xExp === 0) xExp = 1;
  else xSig |= HIDDEN_BIT;
  const yNeg = y >= SIGN_BIT;
  let ySig = y & FRACTION_MASK;
  let yExpN = yExp;
  if (yExpN === 0) yExpN = 1;
  else ySig |= HIDDEN_BIT;

  // A zero operand returns the other one unchanged, except that −0 + −0 (and 0 + −0) give +0.
  if (xSig === 0n) return y === NEGATIVE_ZERO ? POSITIVE_ZERO : y;
  if (ySig === 0n) return x === NEGATIVE_ZERO ? POSITIVE_ZERO : x;

  const delta = xExp - yExpN;
  if (xNeg === yNeg) {
    // Same sign: align the smaller operand by dropping its low bits, add, renormalise by one bit if needed.
    if (delta > 112) return x;
    if (delta > 0) ySig >>= SHIFT[delta]!;
    else if (delta < -112) return y;
    else if (delta < 0) {
      xSig >>= SHIFT[-delta]!;
      xExp = yExpN;
    }
    xSig += ySig;
    if (xSig >= SIGNIFICAND_OVERFLOW) {
      xSig >>= 1n;
      xExp += 1;
    }
    if (xExp === EXPONENT_SPECIAL) return xNeg ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
    if (xSig < HIDDEN_BIT) xExp = 0;
    else xSig &= FRACTION_MASK;
    return pack(xNeg, xExp, xSig);
  }

  // Opposite signs: work with one guard bit, and round the shifted operand's magnitude up (sticky) so that the
  // difference, truncated afterwards, is truncated toward zero.
  if (delta > 0) {
    xSig <<= 1n;
    xExp -= 1;
  } else if (delta < 0) {
    ySig <<= 1n;
    xExp = yExpN - 1;
  }
  if (delta > 112) ySig = 1n;
  else if (delta > 1) ySig = ((ySig - 1n) >> SHIFT[delta - 1]!) + 1n;
  else if (delta < -112) xSig = 1n;
  else if (delta < -1) xSig = ((xSig - 1n) >> SHIFT[-delta - 1]!) + 1n;

  if (xSig >= ySig) xSig -= ySig;
  else {
    xSig = ySig - xSig;
    xNeg = yNeg;
  }
  if (xSig === 0n) return POSITIVE_ZERO;

  const top = xSig >= SIGNIFICAND_OVERFLOW ? 113 : xSig >= HIDDEN_BIT ? 112 : msb(xSig);
  if (top === 113) {
    xSig = (xSig >> 1n) & FRACTION_MASK;
    xExp += 1;
  } else if (top < 112) {
    const shift = 112 - top;
    if (xExp > shift) {
      xSig = (xSig << SHIFT[shift]!) & FRACTION_MASK;
      xExp -= shift;
    } else {
      xSig <<= SHIFT[xExp - 1]!;
      xExp = 0;
    }
  } else xSig &= FRACTION_MASK;

  if (xExp === EXPONENT_SPECIAL) return xNeg ? NEGATIVE_INFINITY : POSITIVE_INFINITY;
  return pack(xNeg, xExp, xSig);
}

/** x − y (`sub`): addition of y with its sign flipped, so NaN payloads and zero signs follow `add`. */
export function sub(x: Quad, y: Quad): Quad {
  return add(x, (y ^ SIGN_BIT) as Quad);
}

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
