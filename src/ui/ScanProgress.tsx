import { useEffect, useState } from 'react';
import { describeTimeLeft, estimateTimeLeft, recordSample, type ScanSample } from './scanEta.ts';

/** How often the time left is looked at again, so a stall shows even when no progress arrives. */
const TICK_MS = 1000;

/** "1.2M", "120k", "950": block counts as people read them. */
export function formatBlocks(blocks: bigint): string {
  const n = Number(blocks);
  if (n >= 1e6) return `${(n / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
  if (n >= 1e4) return `${Math.round(n / 1e3)}k`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1).replace(/\.0$/, '')}k`;
  return String(n);
}

/**
 * A long history read under way: how far it is, as a bar and in words, and the time left once its rate is
 * known (scanEta.ts). It watches its own props over time, so it is mounted only while a read runs.
 */
export function ScanProgress({ scanned, total, what }: { scanned: bigint; total: bigint; what: string }) {
  const [samples, setSamples] = useState<ScanSample[]>([]);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const atMs = Date.now();
    setSamples((previous) => recordSample(previous, { atMs, scanned, total }));
    setNow(atMs);
  }, [scanned, total]);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const percent = total > 0n ? Number((scanned * 100n) / total) : 0;
  return (
    <div role="status" className="space-y-2 text-sm text-ink-400">
      <p>
        Reading {what}: {formatBlocks(scanned)} of {formatBlocks(total)} blocks,{' '}
        {describeTimeLeft(estimateTimeLeft(samples, now))}
      </p>
      <div
        className="h-1.5 w-full overflow-hidden rounded-full bg-ink-800"
        role="progressbar"
        aria-label={`Reading ${what}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <div className="h-full bg-sand-400 transition-[width]" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
