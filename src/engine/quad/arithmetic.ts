/**
 * Addition and subtraction of quads, bit for bit as the pool contracts' library does them (docs/protocol.md
 * §1.1); multiplication and division are in product.ts, under the same rounding rule.
 *
 * Rounding: the library does not round to nearest. Every discarded bit is simply dropped, so each result is the
 * exact value rounded toward zero (a subtraction borrows a "sticky" unit first so that its truncation is also
 * toward zero). IEEE-754 arithmetic usually rounds to nearest; reading the deployed V2.1 library shows
 * truncation, and the golden vectors taken from the deployed bytecode (tests/engine/abdk-golden.test.ts) confirm it.
 * Overflow gives ±∞; underflow goes through subnormals to a signed zero.
 */
import {
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
