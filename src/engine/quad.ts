/**
 * The quad (IEEE-754 binary128, ABDKMathQuad `bytes16`) arithmetic of the pool contracts, reproduced bit for bit
 * on `bigint` (docs/protocol.md §1.1). Import it as a namespace: `import * as quad from './quad.ts'`.
 */
export { add, sub } from './quad/arithmetic.ts';
export {
  fromInt,
  fromUInt,
  NAN,
  NEGATIVE_INFINITY,
  NEGATIVE_ZERO,
  ONE,
  POSITIVE_INFINITY,
  POSITIVE_ZERO,
  type Quad,
  quadFromBits,
  quadFromHex,
  quadToHex,
  quadToNumber,
  toInt,
  toUInt,
} from './quad/bits.ts';
export { abs, cmp, eq, isInfinity, isNaN, neg, sign } from './quad/compare.ts';
export { div, mul } from './quad/product.ts';
export { LN2, LOG2_E } from './quad/tables.ts';
export { exp, ln, log_2, pow_2 } from './quad/transcendental.ts';
