/** A grey placeholder of the shape of what is loading; hidden from screen readers, which get a status text. */
export function Skeleton({ className = 'h-4 w-24' }: { className?: string }) {
  return <span aria-hidden className={`inline-block animate-pulse rounded bg-ink-800 ${className}`} />;
}
