/**
 * Tests, comparisons and sign changes of quads, as the contract library does them: NaN reverts a comparison,
 * and +0 and −0 stay different bit patterns (docs/protocol.md §1.1).
 */
import { ContractRevert } from '../revert.ts';
import { ABS_MASK, isNegative, POSITIVE_INFINITY, type Quad, SIGN_BIT } from './bits.ts';

// biome-ignore lint/suspicious/noShadowRestrictedNames: the library's own name, always used as `quad.isNaN`.
export function isNaN(x: Quad): boolean {
  return (x & ABS_MASK) > POSITIVE_INFINITY;
}

export function isInfinity(x: Quad): boolean {
  return (x & ABS_MASK) === POSITIVE_INFINITY;
}

/** −1, 0 or 1; both zeros give 0; reverts on NaN. */
export function sign(x: Quad): -1 | 0 | 1 {
  const magnitude = x & ABS_MASK;
  if (magnitude > POSITIVE_INFINITY) throw new ContractRevert('sign of NaN', 'bare');
  if (magnitude === 0n) return 0;
  return isNegative(x) ? -1 : 1;
}

/**
 * sign(x − y) as the library computes it (`cmp`). Reverts on NaN and on two equal infinities. Note the library's
 * quirk, kept on purpose: +0 and −0 are different bit patterns, so cmp(+0, −0) is 1, not 0.
 */
export function cmp(x: Quad, y: Quad): -1 | 0 | 1 {
  const absX = x & ABS_MASK;
  const absY = y & ABS_MASK;
  if (absX > POSITIVE_INFINITY || absY > POSITIVE_INFINITY) throw new ContractRevert('cmp of NaN', 'bare');
  if (x === y) {
    if (absX === POSITIVE_INFINITY) throw new ContractRevert('cmp of equal infinities', 'bare');
    return 0;
  }
  const negX = isNegative(x);
  const negY = isNegative(y);
  if (negX !== negY) return negX ? -1 : 1;
  const xLarger = absX > absY;
  if (negX) return xLarger ? -1 : 1;
  return xLarger ? 1 : -1;
}

/** Equality of finite values by bit pattern (`eq`): NaN and infinities equal nothing, +0 ≠ −0. */
export function eq(x: Quad, y: Quad): boolean {
  return x === y && (x & ABS_MASK) < POSITIVE_INFINITY;
}

export function neg(x: Quad): Quad {
  return (x ^ SIGN_BIT) as Quad;
}

export function abs(x: Quad): Quad {
  return (x & ABS_MASK) as Quad;
}
