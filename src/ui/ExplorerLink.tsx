import type { ReactNode } from 'react';

/**
 * An address or transaction on the chain's explorer, in a new tab that cannot reach back to the app; on a
 * chain without an explorer, the text alone. Tall enough for a finger on a touch screen, like every other
 * link in the app.
 */
export function ExplorerLink({
  explorer,
  path,
  className = '',
  title,
  children,
}: {
  explorer: string | undefined;
  /** The explorer's page: `address/0x…` or `tx/0x…`. */
  path: `${'address' | 'tx'}/${string}`;
  /** The link's look; touch-screen height is added. */
  className?: string;
  title?: string;
  children: ReactNode;
}) {
  if (!explorer) return <span title={title}>{children}</span>;
  return (
    <a
      className={`${className} pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center`}
      href={`${explorer}/${path}`}
      target="_blank"
      rel="noopener noreferrer"
      title={title}
    >
      {children}
    </a>
  );
}
