/**
 * IEEE-754 binary128 ("quad") values as the pool contracts hold them: ABDKMathQuad `bytes16`
 * (docs/protocol.md §1.1). A quad is carried as its raw 128-bit pattern in a `bigint`, so a value read
 * from the chain (`priceHistory`, `mintingFee`, …) round-trips without any loss.
 *
 * This file holds the bit layout, the special values and conversions to and from integers; comparisons and
 * sign changes are in compare.ts.
 * Every function reproduces the contract library's behaviour, including its quirks, because the engine's exact
 * path must agree with the chain to the wei (see arithmetic.ts for the rounding rule).
 */

import { ContractRevert } from '../revert.ts';

/** The raw bit pattern of a binary128 value (sign, 15-bit exponent, 112-bit fraction), 0 ≤ bits < 2^128. */
export type Quad = bigint & { readonly __quad: unique symbol };

export const SIGN_BIT = 1n << 127n;
export const ABS_MASK = SIGN_BIT - 1n;
export const FRACTION_BITS = 112n;
export const FRACTION_MASK = (1n << FRACTION_BITS) - 1n;
/** The implicit leading 1 of a normal number's significand. */
export const HIDDEN_BIT = 1n << FRACTION_BITS;
export const EXPONENT_BIAS = 16383;
/** Exponent field of infinities and NaNs. */
export const EXPONENT_SPECIAL = 0x7fff;
const UINT128_LIMIT = 1n << 128n;
const UINT256_LIMIT = 1n << 256n;
const INT256_LIMIT = 1n << 255n;

export const POSITIVE_ZERO = 0n as Quad;
export const NEGATIVE_ZERO = SIGN_BIT as Quad;
export const POSITIVE_INFINITY = (BigInt(EXPONENT_SPECIAL) << FRACTION_BITS) as Quad;
export const NEGATIVE_INFINITY = (SIGN_BIT | POSITIVE_INFINITY) as Quad;
/** The library's canonical NaN (quiet bit set, positive). */
export const NAN = (POSITIVE_INFINITY | (1n << 111n)) as Quad;
export const ONE = (BigInt(EXPONENT_BIAS) << FRACTION_BITS) as Quad;

/** Exponent field (0 … 0x7fff) as a small integer. */
export function exponentOf(x: Quad): number {
  return Number(x >> FRACTION_BITS) & 0x7fff;
}

export function isNegative(x: Quad): boolean {
  return x >= SIGN_BIT;
}

/**
 * Index of the most significant set bit of a positive integer. The library reverts on 0, and so does this;
 * every caller only reaches it with a non-zero value.
 */
export function msb(x: bigint): number {
  if (x <= 0n) throw new ContractRevert('msb of zero', 'bare');
  let bits = 0;
  let v = x;
  while (v >= TWO_POW_128) {
    v >>= 128n;
    bits += 128;
  }
  if (v >= TWO_POW_64) {
    v >>= 64n;
    bits += 64;
  }
  if (v >= TWO_POW_32) {
    v >>= 32n;
    bits += 32;
  }
  return bits + 31 - Math.clz32(Number(v));
}

const TWO_POW_32 = 1n << 32n;
const TWO_POW_64 = 1n << 64n;
const TWO_POW_128 = 1n << 128n;

/** BigInt shift amounts 0…511, so hot paths do not convert a number on every shift. */
export const SHIFT: readonly bigint[] = Array.from({ length: 512 }, (_, i) => BigInt(i));

// Allocated whole and filled on demand, so that the array keeps fast (non-dictionary) elements.
const exponentFields: Array<bigint | undefined> = new Array<bigint | undefined>(0x8000).fill(undefined);
/** `exponent << 112` as a bigint, memoised: packing a result then costs one OR. */
export function exponentField(exponent: number): bigint {
  let field = exponentFields[exponent];
  if (field === undefined) {
    field = BigInt(exponent) << FRACTION_BITS;
    exponentFields[exponent] = field;
  }
  return field;
}

/** Accepts a raw pattern (e.g. a `bytes16` decoded as an unsigned integer) and checks that it fits 128 bits. */
export function quadFromBits(bits: bigint): Quad {
  if (bits < 0n || bits >= UINT128_LIMIT) throw new RangeError(`not a 128-bit pattern: ${bits}`);
  return bits as Quad;
}

/** Decodes a `bytes16` hex string as the chain returns it (`0x` + 32 hex digits, either case). */
export function quadFromHex(hex: string): Quad {
  if (!/^0x[0-9a-fA-F]{32}$/.test(hex)) throw new RangeError(`not a bytes16 hex string: ${hex}`);
  return BigInt(hex) as Quad;
}

/** Encodes as a `bytes16` hex string (`0x` + 32 lowercase hex digits), ready for an ABI encoder. */
export function quadToHex(x: Quad): `0x${string}` {
  return `0x${x.toString(16).padStart(32, '0')}`;
}

/**
 * Pack a positive magnitude (≥ 1) into the layout: normalise to 113 significant bits, shifting right by
 * truncation when the integer is wider, exactly as the library converts integers (so `fromUInt` of a number
 * above 2^113 drops its low bits toward zero).
 */
function packMagnitude(magnitude: bigint, exponentBase: number): bigint {
  const top = msb(magnitude);
  let significand = magnitude;
  if (top < 112) significand <<= BigInt(112 - top);
  else if (top > 112) significand >>= BigInt(top - 112);
  return (significand & FRACTION_MASK) | (BigInt(exponentBase + top) << FRACTION_BITS);
}

/** uint256 → quad (`fromUInt`); exact below 2^113, truncated toward zero above. */
export function fromUInt(x: bigint): Quad {
  if (x < 0n || x >= UINT256_LIMIT) throw new RangeError(`not a uint256: ${x}`);
  if (x === 0n) return POSITIVE_ZERO;
  return packMagnitude(x, EXPONENT_BIAS) as Quad;
}

/** int256 → quad (`fromInt`); the magnitude is converted like `fromUInt` and the sign bit set for negatives. */
export function fromInt(x: bigint): Quad {
  if (x < -INT256_LIMIT || x >= INT256_LIMIT) throw new RangeError(`not an int256: ${x}`);
  if (x === 0n) return POSITIVE_ZERO;
  const packed = packMagnitude(x < 0n ? -x : x, EXPONENT_BIAS);
  return (x < 0n ? packed | SIGN_BIT : packed) as Quad;
}

/** Largest exponent field whose integer part still fits 256 bits (2^255 ≤ value < 2^256). */
const MAX_UINT256_EXPONENT = EXPONENT_BIAS + 255;

/** The integer significand (hidden bit restored) scaled so that the result is the value's integer part. */
function integerPart(x: Quad, exponent: number): bigint {
  const significand = (x & FRACTION_MASK) | HIDDEN_BIT;
  const shift = exponent - (EXPONENT_BIAS + 112);
  return shift < 0 ? significand >> BigInt(-shift) : significand << BigInt(shift);
}

/**
 * quad → uint256 (`toUInt`), truncating toward zero. As in the library: any value below 1 in magnitude,
 * negative ones included, gives 0; a negative value of magnitude ≥ 1 reverts; NaN, ±∞ and values ≥ 2^256 revert.
 */
export function toUInt(x: Quad): bigint {
  const exponent = exponentOf(x);
  if (exponent < EXPONENT_BIAS) return 0n;
  if (isNegative(x)) throw new ContractRevert('toUInt of a negative value', 'bare');
  if (exponent > MAX_UINT256_EXPONENT) throw new ContractRevert('toUInt overflow', 'bare');
  return integerPart(x, exponent);
}

/** quad → int256 (`toInt`), truncating toward zero; reverts outside the int256 range and on NaN/∞. */
export function toInt(x: Quad): bigint {
  const exponent = exponentOf(x);
  if (exponent > MAX_UINT256_EXPONENT) throw new ContractRevert('toInt overflow', 'bare');
  if (exponent < EXPONENT_BIAS) return 0n;
  const magnitude = integerPart(x, exponent);
  if (isNegative(x)) {
    if (magnitude > INT256_LIMIT) throw new ContractRevert('toInt overflow', 'bare');
    return -magnitude;
  }
  if (magnitude >= INT256_LIMIT) throw new ContractRevert('toInt overflow', 'bare');
  return magnitude;
}

/**
 * A JS number close to the quad's value, for display and for comparing the fast path against the exact one.
 * Not part of any exact computation.
 */
export function quadToNumber(x: Quad): number {
  const exponent = exponentOf(x);
  const negative = isNegative(x);
  const fraction = x & FRACTION_MASK;
  if (exponent === EXPONENT_SPECIAL) {
    if (fraction !== 0n) return Number.NaN;
    return negative ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  const significand = exponent === 0 ? fraction : fraction | HIDDEN_BIT;
  const power = (exponent === 0 ? 1 : exponent) - EXPONENT_BIAS - 112;
  // Keep 64 significant bits before leaving bigint, so the double conversion rounds only once.
  const drop = Math.max(0, msb(significand === 0n ? 1n : significand) - 63);
  const value = Number(significand >> BigInt(drop)) * 2 ** (power + drop);
  return negative ? -value : value;
}
