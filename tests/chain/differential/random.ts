/** Seeded draws for the differential run, on top of the engine's own sfc32 generator (it is not under test here). */
import { createPrng, type Prng } from '../../../src/engine/simulate/prng.ts';

export class Draw {
  private readonly prng: Prng;

  constructor(seed: number) {
    this.prng = createPrng(seed);
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.prng.nextFloat();
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.prng.nextFloat() < p;
  }

  /** Uniform integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.prng.nextFloat() * (hi - lo + 1));
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /** Uniform bigint in [0, n). */
  below(n: bigint): bigint {
    if (n <= 0n) throw new Error('below(0)');
    const bits = n.toString(2).length + 32;
    let value = 0n;
    for (let b = 0; b < bits; b += 32) value = (value << 32n) | BigInt(this.prng.nextUint32());
    return value % n;
  }

  /** Uniform bigint in [lo, hi]. */
  between(lo: bigint, hi: bigint): bigint {
    return lo + this.below(hi - lo + 1n);
  }

  /**
   * Log-uniform bigint in [lo, hi] (lo ≥ 1): a uniform number of digits, then a uniform value with that many
   * digits, so that 3 wei and 3·10^25 wei are about as likely.
   */
  logUniform(lo: bigint, hi: bigint): bigint {
    if (lo < 1n) lo = 1n;
    if (hi <= lo) return lo;
    const loDigits = lo.toString().length;
    const hiDigits = hi.toString().length;
    const digits = this.int(loDigits, hiDigits);
    const floor = digits === loDigits ? lo : 10n ** BigInt(digits - 1);
    const ceil = digits === hiDigits ? hi : 10n ** BigInt(digits) - 1n;
    return this.between(floor, ceil);
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.int(0, i);
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
}
