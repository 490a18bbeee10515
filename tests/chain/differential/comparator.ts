/**
 * The differential test's ledger: every comparison of an engine prediction with what the chain did, the largest
 * absolute difference seen, and enough context on each mismatch (pool, step, field, engine vs chain) to replay it.
 *
 * Integer fields are compared in wei (raw token units, WAD rates, seconds, ids). Quads (`priceHistory`) are compared
 * by their bit patterns, as a distance in units in the last place, and counted separately: a wei and an ulp are not
 * the same unit.
 */
import type { Quad } from '../../../src/engine/quad.ts';

export interface Mismatch {
  context: string;
  field: string;
  engine: string;
  chain: string;
  difference: string;
}

export class Comparator {
  comparisons = 0;
  quadComparisons = 0;
  largestDifference = 0n;
  largestQuadUlps = 0n;
  /** Where the largest difference was seen (empty while it is 0). */
  largestAt = '';
  readonly mismatches: Mismatch[] = [];
  /** Differences of exactly the tolerance: allowed, but listed. */
  readonly nearMisses: Mismatch[] = [];

  constructor(readonly toleranceWei = 1n) {}

  /** Engine prediction against chain value, in wei. */
  wei(context: string, field: string, engine: bigint, chain: bigint): void {
    this.comparisons += 1;
    const difference = engine > chain ? engine - chain : chain - engine;
    if (difference > this.largestDifference) {
      this.largestDifference = difference;
      this.largestAt = `${context} ${field}`;
    }
    if (difference === 0n) return;
    const row = {
      context,
      field,
      engine: engine.toString(),
      chain: chain.toString(),
      difference: difference.toString(),
    };
    if (difference > this.toleranceWei) this.mismatches.push(row);
    else this.nearMisses.push(row);
  }

  /** The same for a set of named fields, in the order given. */
  fields<K extends string>(
    context: string,
    engine: Readonly<Record<K, bigint>>,
    chain: Readonly<Record<K, bigint>>,
    keys: readonly K[],
  ): void {
    for (const key of keys) this.wei(context, key, engine[key], chain[key]);
  }

  /** A quad the engine predicts against the chain's `bytes16`, bit for bit (any difference fails). */
  quad(context: string, field: string, engine: Quad, chain: Quad): void {
    this.quadComparisons += 1;
    const ulps = engine > chain ? engine - chain : chain - engine;
    if (ulps > this.largestQuadUlps) this.largestQuadUlps = ulps;
    if (ulps === 0n) return;
    this.mismatches.push({
      context,
      field,
      engine: `0x${engine.toString(16).padStart(32, '0')}`,
      chain: `0x${chain.toString(16).padStart(32, '0')}`,
      difference: `${ulps} ulp`,
    });
  }

  /** Something that cannot be put as a number: the engine reverted where the chain did not, or the reverse. */
  outcome(context: string, field: string, engine: string, chain: string): void {
    this.comparisons += 1;
    if (engine === chain) return;
    this.mismatches.push({ context, field, engine, chain, difference: 'outcome' });
  }

  static describe(rows: readonly Mismatch[], limit = 40): string {
    const shown = rows
      .slice(0, limit)
      .map((m) => `  ${m.context} ${m.field}: engine ${m.engine}, chain ${m.chain} (diff ${m.difference})`);
    if (rows.length > limit) shown.push(`  … and ${rows.length - limit} more`);
    return shown.join('\n');
  }
}
