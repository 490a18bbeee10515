/**
 * The integer shortcuts of quad/fused.ts must return exactly what the library compositions they replace return,
 * on their fast path and at its edges (values near 2^113, subnormal and special quads, zero).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  divIntegers,
  divToUInt,
  mulDivToUInt,
  mulIntegersToUInt,
  mulToUInt,
} from '../../src/engine/quad/fused.ts';
import type { Quad } from '../../src/engine/quad.ts';
import * as quad from '../../src/engine/quad.ts';

/** Either the value or the fact that it threw, so a revert must be mirrored too. */
function outcome(f: () => bigint): bigint | 'revert' {
  try {
    return f();
  } catch {
    return 'revert';
  }
}

const integer = fc.oneof(
  fc.bigInt({ min: 0n, max: 1n << 64n }),
  fc.bigInt({ min: 0n, max: 1n << 120n }),
  fc.bigInt({ min: (1n << 112n) - 1000n, max: (1n << 114n) + 1000n }),
  fc.constantFrom(0n, 1n, (1n << 113n) - 1n, 1n << 113n),
);
const anyQuad = fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }).map((b) => b as Quad);
const positiveQuad = fc
  .tuple(fc.integer({ min: 0, max: 0x7fff }), fc.bigInt({ min: 0n, max: (1n << 112n) - 1n }))
  .map(([e, f]) => ((BigInt(e) << 112n) | f) as Quad);
const nearOne = fc
  .tuple(fc.integer({ min: 16383 - 130, max: 16383 + 130 }), fc.bigInt({ min: 0n, max: (1n << 112n) - 1n }))
  .map(([e, f]) => ((BigInt(e) << 112n) | f) as Quad);
const quadArg = fc.oneof(anyQuad, positiveQuad, nearOne, nearOne);

describe('fused integer idioms equal the library compositions', () => {
  it('mulToUInt(q, n) = toUInt(mul(q, fromUInt(n)))', () => {
    fc.assert(
      fc.property(quadArg, integer, (q, n) => {
        expect(outcome(() => mulToUInt(q, n))).toEqual(
          outcome(() => quad.toUInt(quad.mul(q, quad.fromUInt(n)))),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('mulIntegersToUInt(a, b) = toUInt(mul(fromUInt(a), fromUInt(b)))', () => {
    fc.assert(
      fc.property(integer, integer, (a, b) => {
        expect(mulIntegersToUInt(a, b)).toBe(quad.toUInt(quad.mul(quad.fromUInt(a), quad.fromUInt(b))));
      }),
      { numRuns: 2000 },
    );
  });

  it('mulDivToUInt(a, b, c) = toUInt(div(mul(fromUInt(a), fromUInt(b)), fromUInt(c)))', () => {
    fc.assert(
      fc.property(
        integer,
        integer,
        integer.filter((c) => c > 0n),
        (a, b, c) => {
          const composed = () =>
            quad.toUInt(quad.div(quad.mul(quad.fromUInt(a), quad.fromUInt(b)), quad.fromUInt(c)));
          expect(outcome(() => mulDivToUInt(a, b, c))).toEqual(outcome(composed));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('divToUInt(n, q) = toUInt(div(fromUInt(n), q))', () => {
    fc.assert(
      fc.property(integer, quadArg, (n, q) => {
        expect(outcome(() => divToUInt(n, q))).toEqual(
          outcome(() => quad.toUInt(quad.div(quad.fromUInt(n), q))),
        );
      }),
      { numRuns: 2000 },
    );
  });

  it('divIntegers(a, b) = div(fromUInt(a), fromUInt(b))', () => {
    fc.assert(
      fc.property(
        integer,
        integer.filter((b) => b > 0n),
        (a, b) => {
          expect(divIntegers(a, b)).toBe(quad.div(quad.fromUInt(a), quad.fromUInt(b)));
        },
      ),
      { numRuns: 3000 },
    );
  });
});
