/** Logs read at different times kept as one list in chain order (logScanSource.ts joins its re-scans here). */

/**
 * Joins a re-scan to what was already known: known logs at or after `rescannedFrom` are dropped (a reorg may
 * have replaced them), fresh ones are added, and the result is unique by (block, log index) and in order.
 */
export function mergeLogs<T extends { blockNumber: bigint; logIndex: number }>(
  known: T[],
  fresh: T[],
  rescannedFrom: bigint,
): T[] {
  const byPosition = new Map<string, T>();
  for (const log of known) if (log.blockNumber < rescannedFrom) byPosition.set(positionKey(log), log);
  for (const log of fresh) byPosition.set(positionKey(log), log);
  return [...byPosition.values()].sort((a, b) =>
    a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1,
  );
}

function positionKey(log: { blockNumber: bigint; logIndex: number }): string {
  return `${log.blockNumber}:${log.logIndex}`;
}
