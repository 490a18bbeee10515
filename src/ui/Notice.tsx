import type { ReactNode } from 'react';

type Tone = 'info' | 'warn' | 'error' | 'success';

const TONES: Record<Tone, string> = {
  info: 'border-ink-700 bg-ink-900 text-ink-200',
  warn: 'border-warn/40 bg-warn/10 text-warn',
  error: 'border-short/40 bg-short/10 text-short',
  success: 'border-long/40 bg-long/10 text-long',
};

/** An inline message. Errors and warnings are announced to screen readers. */
export function Notice({
  tone = 'info',
  children,
  action,
}: {
  tone?: Tone;
  children: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div
      role={tone === 'error' || tone === 'warn' ? 'alert' : 'status'}
      className={`flex flex-wrap items-center justify-between gap-3 rounded-xl border px-4 py-3 text-sm ${TONES[tone]}`}
    >
      {/* Addresses and hashes break anywhere rather than widen a phone's page. */}
      <div className="min-w-0 [overflow-wrap:anywhere]">{children}</div>
      {action}
    </div>
  );
}
