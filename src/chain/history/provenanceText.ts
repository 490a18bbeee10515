/**
 * What the page says about where its history came from and how fresh it is: one short sentence, in the app's
 * own words (nothing the indexer or the endpoint wrote).
 */
import type { HistoryProvenance } from './historySource.ts';

const WHY: Record<NonNullable<Extract<HistoryProvenance, { kind: 'chain' }>['why']>, string> = {
  unreachable: 'the history indexer is not answering',
  'other-chain': 'the history indexer follows another chain',
  'not-served': 'the history indexer does not serve this pool',
  'not-ready': 'the history indexer is still starting',
};

function age(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s ago`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  return `${Math.round(seconds / 3600)} h ago`;
}

export function provenanceText(source: HistoryProvenance, nowSeconds: number): string {
  if (source.kind === 'chain')
    return source.why
      ? `Read from the chain's own logs: ${WHY[source.why]}.`
      : "Read from the chain's own logs.";
  const indexed = `From the history indexer, indexed to block ${source.indexedTo} (${age(nowSeconds - source.indexedAt)})`;
  return source.chainFrom === undefined
    ? `${indexed}.`
    : `${indexed}; blocks since ${source.chainFrom} read from the chain's own logs.`;
}

/** How soon a history read that fell back to the chain asks the indexer again. */
export const INDEXER_RETRY_MS = 30_000;

/**
 * When a history query reads again on its own: after a failure, every two polls (so it clears when the
 * endpoint is back); after a read that fell back to the chain because the indexer was away or starting, after
 * a while (the page switches to the indexer once it answers; the logs already read are kept, so the fallback
 * costs little meanwhile); otherwise never (new blocks bring their own reason to read).
 */
export function historyRereadMs(
  failed: boolean,
  source: HistoryProvenance | undefined,
  pollIntervalMs: number,
): number | false {
  if (failed) return 2 * pollIntervalMs;
  const indexerMayComeBack =
    source?.kind === 'chain' && (source.why === 'unreachable' || source.why === 'not-ready');
  return indexerMayComeBack ? INDEXER_RETRY_MS : false;
}
