/**
 * The quad soft-float on its own: known encodings, identities, special values, and the computed constants checked
 * against the immediates compiled into the deployed V2.1 PoolSwapLibrary bytecode.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isqrt, POW2_FACTORS } from '../../src/engine/quad/tables.ts';
import type { Quad } from '../../src/engine/quad.ts';
import * as quad from '../../src/engine/quad.ts';
import { ContractRevert } from '../../src/engine/revert.ts';

const hex = (x: Quad) => quad.quadToHex(x);
const u = (x: bigint) => quad.fromUInt(x);

describe('encodings of known values', () => {
  // IEEE-754 binary128: sign | 15-bit exponent (bias 16383) | 112-bit fraction.
  it.each([
    [1n, '0x3fff0000000000000000000000000000'],
    [2n, '0x40000000000000000000000000000000'],
    [3n, '0x40008000000000000000000000000000'],
    [10n ** 18n, '0x403abc16d674ec800000000000000000'], // the contracts' MAX_MINTING_FEE / FIXED_POINT constant
  ])('fromUInt(%s)', (value, expected) => {
    expect(hex(u(value))).toBe(expected);
  });

  it('0.5, 1/3 and −2 (1/3 truncates: ...5555, the next bits 0101… are dropped)', () => {
    expect(hex(quad.div(quad.ONE, u(2n)))).toBe('0x3ffe0000000000000000000000000000');
    expect(hex(quad.div(quad.ONE, u(3n)))).toBe('0x3ffd5555555555555555555555555555');
    expect(hex(quad.fromInt(-2n))).toBe('0xc0000000000000000000000000000000');
  });

  it('2/3 shows the rounding mode: truncation gives ...aaaa where round-to-nearest would give ...aaab', () => {
    expect(hex(quad.div(u(2n), u(3n)))).toBe('0x3ffe5555555555555555555555555555');
    expect(hex(quad.div(u(1n), u(6n)))).toBe('0x3ffc5555555555555555555555555555');
    expect(hex(quad.div(u(5n), u(3n)))).toBe('0x3fffaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  });

  it('hex and raw bits round-trip, and malformed input is rejected', () => {
    const x = quad.div(u(7n), u(9n));
    expect(quad.quadFromHex(hex(x))).toBe(x);
    expect(quad.quadFromBits(x)).toBe(x);
    expect(() => quad.quadFromHex('0x3fff')).toThrow(RangeError);
    expect(() => quad.quadFromBits(1n << 128n)).toThrow(RangeError);
    expect(() => quad.fromUInt(-1n)).toThrow(RangeError);
  });
});

describe('integer conversions', () => {
  it('fromUInt is exact below 2^113 and truncates above', () => {
    const big = (1n << 120n) + 255n; // low 8 bits do not fit 113 significant bits
    expect(quad.toUInt(u(big))).toBe(1n << 120n);
    fc.assert(fc.property(fc.bigInt({ min: 0n, max: (1n << 113n) - 1n }), (x) => quad.toUInt(u(x)) === x));
  });

  it('toUInt truncates toward zero and reverts like the contract', () => {
    expect(quad.toUInt(quad.div(u(7n), u(2n)))).toBe(3n);
    expect(quad.toUInt(quad.neg(quad.div(quad.ONE, u(2n))))).toBe(0n); // (−1, 0) converts to 0
    expect(() => quad.toUInt(quad.fromInt(-1n))).toThrow(ContractRevert);
    expect(() => quad.toUInt(quad.NAN)).toThrow(ContractRevert);
    expect(() => quad.toUInt(quad.POSITIVE_INFINITY)).toThrow(ContractRevert);
  });

  it('fromInt / toInt round-trip on the int256 range', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(1n << 112n), max: 1n << 112n }),
        (x) => quad.toInt(quad.fromInt(x)) === x,
      ),
    );
    expect(quad.toInt(quad.fromInt(-(1n << 255n)))).toBe(-(1n << 255n));
  });
});

describe('arithmetic identities', () => {
  const integer = fc.bigInt({ min: 1n, max: (1n << 100n) - 1n });

  it('integer sums, differences and products are exact while they fit 113 bits', () => {
    fc.assert(
      fc.property(integer, integer, (a, b) => {
        expect(quad.toUInt(quad.add(u(a), u(b)))).toBe(a + b);
        expect(quad.toInt(quad.sub(u(a), u(b)))).toBe(a - b);
        const small = a & ((1n << 56n) - 1n);
        const other = b & ((1n << 56n) - 1n);
        expect(quad.toUInt(quad.mul(u(small), u(other)))).toBe(small * other);
      }),
    );
  });

  it('division truncates: the quotient q satisfies q ≤ a/b < q + ulp(q), checked in exact integers', () => {
    fc.assert(
      fc.property(integer, integer, (a, b) => {
        const ratio = quad.div(u(a), u(b));
        const exponent = Number((ratio >> 112n) & 0x7fffn) - 16383 - 112; // value = significand · 2^exponent
        const significand = (ratio & ((1n << 112n) - 1n)) | (1n << 112n);
        // Compare significand · 2^exponent · b with a, both scaled by 2^-exponent to stay in integers.
        const scale = exponent < 0 ? 1n << BigInt(-exponent) : 1n;
        const lift = exponent > 0 ? 1n << BigInt(exponent) : 1n;
        expect(significand * lift * b <= a * scale).toBe(true);
        expect((significand + 1n) * lift * b > a * scale).toBe(true);
      }),
    );
  });

  it('signed zeros, infinities and NaN follow the library', () => {
    expect(quad.add(quad.NEGATIVE_ZERO, quad.NEGATIVE_ZERO)).toBe(quad.POSITIVE_ZERO);
    expect(quad.sub(quad.ONE, quad.ONE)).toBe(quad.POSITIVE_ZERO);
    expect(quad.mul(quad.fromInt(-2n), quad.POSITIVE_ZERO)).toBe(quad.NEGATIVE_ZERO);
    expect(quad.div(quad.ONE, quad.POSITIVE_ZERO)).toBe(quad.POSITIVE_INFINITY);
    expect(quad.isNaN(quad.div(quad.POSITIVE_ZERO, quad.POSITIVE_ZERO))).toBe(true);
    expect(quad.isNaN(quad.mul(quad.POSITIVE_INFINITY, quad.POSITIVE_ZERO))).toBe(true);
    expect(quad.add(quad.POSITIVE_INFINITY, quad.ONE)).toBe(quad.POSITIVE_INFINITY);
    expect(quad.cmp(quad.POSITIVE_ZERO, quad.NEGATIVE_ZERO)).toBe(1); // the library's bitwise quirk
    expect(() => quad.cmp(quad.NAN, quad.ONE)).toThrow(ContractRevert);
    expect(quad.mul(u(1n << 100n), quad.quadFromHex('0x7ffe0000000000000000000000000000'))).toBe(
      quad.POSITIVE_INFINITY,
    );
  });
});

describe('exponential and logarithm', () => {
  it('exact cases: log₂ of powers of two, 2^n, e^0, log₂ 1', () => {
    expect(quad.toInt(quad.log_2(u(1n << 40n)))).toBe(40n);
    expect(quad.toInt(quad.log_2(quad.div(quad.ONE, u(1n << 20n))))).toBe(-20n);
    expect(quad.pow_2(u(10n))).toBe(u(1024n));
    expect(quad.exp(quad.POSITIVE_ZERO)).toBe(quad.ONE);
    expect(quad.log_2(quad.ONE)).toBe(quad.POSITIVE_ZERO);
    expect(quad.log_2(quad.NEGATIVE_ZERO)).toBe(quad.NEGATIVE_INFINITY);
    expect(quad.isNaN(quad.log_2(quad.fromInt(-3n)))).toBe(true);
  });

  it('agrees with double-precision maths to ~1e-15 (the library is a near-full-precision approximation)', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (x) => {
        const scaled = quad.div(quad.fromInt(BigInt(Math.round(x * 2 ** 40))), u(1n << 40n));
        const value = quad.quadToNumber(scaled);
        expect(Math.abs(quad.quadToNumber(quad.exp(scaled)) / Math.exp(value) - 1)).toBeLessThan(1e-14);
        const positive = quad.abs(scaled);
        if (quad.quadToNumber(positive) > 0) {
          expect(quad.quadToNumber(quad.log_2(positive))).toBeCloseTo(
            Math.log2(quad.quadToNumber(positive)),
            12,
          );
        }
      }),
    );
  });

  it('2^(log₂ x) returns x to within a few units in the last place', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 2n, max: 1n << 100n }), (x) => {
        const back = quad.pow_2(quad.log_2(u(x)));
        const diff = quad.abs(quad.sub(back, u(x)));
        // |error| ≤ 2^-100 relative: far inside the 113-bit precision the pools need.
        expect(quad.cmp(quad.mul(diff, u(1n << 100n)), u(x))).toBeLessThanOrEqual(0);
      }),
    );
  });

  it('e^(ln x) ≈ x', () => {
    const x = u(12345n);
    expect(quad.quadToNumber(quad.exp(quad.ln(x)))).toBeCloseTo(12345, 9);
  });
});

describe('constants are computed, and equal the ones compiled into the deployed bytecode', () => {
  const require = createRequire(import.meta.url);
  const factoryPath = require.resolve(
    '@tracer-protocol/perpetual-pools-contracts/types/factories/PoolSwapLibrary__factory.js',
  );
  const source = readFileSync(factoryPath, 'utf8');
  const bytecode = /var _bytecode = "0x([0-9a-f]+)"/.exec(source)?.[1];

  /** Every PUSHn immediate of the bytecode, by width in bytes. */
  function pushImmediates(code: string): Map<number, Set<bigint>> {
    const byWidth = new Map<number, Set<bigint>>();
    for (let i = 0; i < code.length; ) {
      const op = Number.parseInt(code.slice(i, i + 2), 16);
      i += 2;
      if (op >= 0x60 && op <= 0x7f) {
        const width = op - 0x5f;
        const value = BigInt(`0x${code.slice(i, i + width * 2) || '0'}`);
        if (!byWidth.has(width)) byWidth.set(width, new Set());
        byWidth.get(width)?.add(value);
        i += width * 2;
      }
    }
    return byWidth;
  }

  it('isqrt is the integer square root', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 1n << 300n }), (n) => {
        const r = isqrt(n);
        return r * r <= n && (r + 1n) * (r + 1n) > n;
      }),
    );
  });

  it('all 126 factors of pow_2 appear as 17-byte immediates of PoolSwapLibrary', () => {
    expect(bytecode).toBeDefined();
    const push17 = pushImmediates(bytecode ?? '').get(17) ?? new Set<bigint>();
    const factors = POW2_FACTORS.slice(2);
    expect(factors).toHaveLength(126);
    for (const factor of factors) expect(push17.has(factor)).toBe(true);
  });

  it('the construction matters: the true ⌊2^(2^-k) · 2^128⌋ differs from the library in most last places', () => {
    // The same square-root chain carried with 512 extra bits, then truncated: the correctly truncated factors.
    const extra = 512n;
    let precise = isqrt(1n << (2n * (128n + extra) + 1n));
    let differing = 0;
    for (let bit = 127; bit >= 2; bit--) {
      const trueFloor = precise >> extra;
      const table = POW2_FACTORS[bit]!;
      expect(trueFloor - table).toBeGreaterThanOrEqual(0n);
      expect(trueFloor - table).toBeLessThanOrEqual(2n);
      if (trueFloor !== table) differing++;
      precise = isqrt(precise << (128n + extra));
    }
    expect(differing).toBeGreaterThan(60);
  });

  it('log₂e (the factor of exp) appears as an immediate', () => {
    // The compiler keeps this bytes16 literal as c/2 (its lowest bit is 0) and shifts it back at run time.
    const all = [...pushImmediates(bytecode ?? '').values()].flatMap((set) => [...set]);
    const shiftsBack = (v: bigint) => [0n, 1n, 2n, 128n].some((shift) => v << shift === quad.LOG2_E);
    expect(all.some(shiftsBack)).toBe(true);
    expect(quad.quadToNumber(quad.LOG2_E)).toBeCloseTo(Math.LOG2E, 15);
    expect(quad.quadToNumber(quad.LN2)).toBeCloseTo(Math.LN2, 15);
  });
});
