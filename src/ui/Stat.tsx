import type { ReactNode } from 'react';

export function Stat({ label, value, hint }: { label: ReactNode; value: ReactNode; hint?: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs uppercase tracking-wide text-ink-400">{label}</dt>
      <dd className="mt-1 truncate text-lg font-semibold">{value}</dd>
      {hint ? <dd className="text-xs text-ink-400">{hint}</dd> : null}
    </div>
  );
}
