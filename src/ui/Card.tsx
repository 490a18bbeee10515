import type { ReactNode } from 'react';

export function Card({
  title,
  children,
  className = '',
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <section className={`rounded-2xl border border-ink-800 bg-ink-900 p-5 ${className}`}>
      {title ? <h2 className="mb-3 text-base font-semibold text-ink-50">{title}</h2> : null}
      {children}
    </section>
  );
}
