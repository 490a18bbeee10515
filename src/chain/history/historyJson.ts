/** The JSON form of history that the indexer stores in its rows and sends in its answers (indexerApi.ts). */

/**
 * History as JSON, for the indexer's rows and its answers alike: bigints travel as `{ "$bigint": "…" }`
 * (decimal, exact), everything else as itself.
 */
export function historyToJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? { $bigint: v.toString() } : v));
}

export function historyFromJson<T>(text: string): T {
  return JSON.parse(text, (_key, v: unknown) => {
    if (typeof v === 'object' && v !== null && '$bigint' in v) {
      const digits = (v as { $bigint: unknown }).$bigint;
      if (typeof digits === 'string' && /^-?\d+$/.test(digits)) return BigInt(digits);
      throw new Error('history JSON: a $bigint that is not a whole number');
    }
    return v;
  }) as T;
}
