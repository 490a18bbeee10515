/** A pool's health in one word, drawn the same in the pools list and on the pool page (health.ts says which). */
import { type HealthStatus, statusDetail, statusLabel, statusWord } from './health.ts';
import type { PoolRowView } from './poolView.ts';

const HEALTH_TONE: Record<HealthStatus['kind'], string> = {
  healthy: 'bg-long/15 text-long',
  late: 'bg-warn/15 text-warn',
  'feed-stale': 'bg-warn/15 text-warn',
  paused: 'bg-short/20 text-short',
};

/**
 * One word on the pool's health (docs/protocol.md, "Pool health"), and in the list (`compact`) its detail on a
 * line of its own, so the column stays narrow. With stale figures it says only what the last read showed, at
 * that read's block, muted: a keeper may have come since.
 */
export function HealthBadge({
  row,
  stale,
  compact = false,
}: {
  row: PoolRowView;
  stale: boolean;
  compact?: boolean;
}) {
  const status = stale ? row.healthAtRead : row.health;
  const detail = compact ? statusDetail(status) : undefined;
  const badge = (
    <span
      className={`inline-flex items-center gap-1.5 rounded px-1.5 py-0.5 text-xs font-semibold whitespace-nowrap ${
        stale ? 'bg-ink-800 text-ink-400' : HEALTH_TONE[status.kind]
      }`}
    >
      <span aria-hidden className="inline-block size-1.5 rounded-full bg-current" />
      {compact ? statusWord(status) : statusLabel(status)}
    </span>
  );
  return (
    <span
      className="inline-flex flex-col items-start gap-1"
      title={stale ? 'As of the last read: the figures are stale' : undefined}
      data-health={status.kind}
    >
      {badge}
      {detail ? (
        <>
          {' '}
          <span className="text-xs text-ink-400">{detail}</span>
        </>
      ) : null}
    </span>
  );
}
