import { useEffect, useState } from 'react';

export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, '0')}m`;
  if (m > 0) return `${m}m ${String(sec).padStart(2, '0')}s`;
  return `${sec}s`;
}

/** Seconds on the chain's clock, ticking locally between blocks from a known block timestamp. */
export function useChainNow(blockTimestamp: bigint | undefined, observedAtMs: number): number | undefined {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  if (blockTimestamp === undefined) return undefined;
  return Number(blockTimestamp) + Math.max(0, (now - observedAtMs) / 1000);
}

/** "in 42s", or what is happening once the moment has passed. */
export function Countdown({ seconds, overdueLabel }: { seconds: number; overdueLabel: string }) {
  if (seconds <= 0) return <span className="text-warn">{overdueLabel}</span>;
  return <span className="font-mono">{formatDuration(seconds)}</span>;
}
