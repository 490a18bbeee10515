export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

/** "about 3 min": what a countdown may claim when the figures behind it are stale. */
export function formatApproximate(totalSeconds: number): string {
  if (totalSeconds < 60) return 'under a minute';
  return `about ${formatDuration(Math.round(totalSeconds / 60) * 60).replace(/ 00s$/, '')}`;
}

/**
 * "42s", or what is happening once the moment has passed (`overdueWarn`: in the warning colour, for a claim
 * that something is wrong). `approximate` when the figures behind it are stale: then it claims no seconds, and
 * a passed moment is "due" rather than a keeper's fault.
 */
export function Countdown({
  seconds,
  overdueLabel,
  overdueWarn = true,
  approximate = false,
}: {
  seconds: number;
  overdueLabel: string;
  overdueWarn?: boolean;
  approximate?: boolean;
}) {
  if (approximate)
    return (
      <span className="text-ink-400" title="The figures are stale: this time is approximate">
        {seconds <= 0 ? 'due (figures stale)' : formatApproximate(seconds)}
      </span>
    );
  if (seconds <= 0) return <span className={overdueWarn ? 'text-warn' : undefined}>{overdueLabel}</span>;
  return <span className="font-mono">{formatDuration(seconds)}</span>;
}
