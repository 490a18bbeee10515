/**
 * The quad (IEEE-754 binary128, ABDKMathQuad `bytes16`) arithmetic of the pool contracts, reproduced bit for bit
 * on `bigint` (docs/protocol.md §1.1). Import it as a namespace: `import * as quad from './quad.ts'`.
 */
export { add, div, mul, sub } from './quad/arithmetic.ts';
export {
  abs,
  cmp,
  eq,
  fromInt,
  fromUInt,
  isInfinity,
  isNaN,
  NAN,
  NEGATIVE_INFINITY,
  NEGATIVE_ZERO,
  neg,
  ONE,
  POSITIVE_INFINITY,
  POSITIVE_ZERO,
  type Quad,
  quadFromBits,
  quadFromHex,
  quadToHex,
  quadToNumber,
  sign,
  toInt,
  toUInt,
} from './quad/bits.ts';
export { LN2, LOG2_E } from './quad/tables.ts';
export { exp, ln, log_2, pow_2 } from './quad/transcendental.ts';
