import { type ReactNode, Suspense, useState } from 'react';
import { PageErrorBoundary } from '../ui/PageErrorBoundary.tsx';

/**
 * A part beside the pages rather than one of them (the wallet connection, the alerts): drawn only once it is
 * wanted, nothing on screen while its code loads, and its failure told in its own place so that it cannot take
 * the pages down with it. Once drawn it stays: what asked for it may stop asking (the wallet layer is wanted
 * for a click on "Connect Wallet" until it honours that click, which may be before the page has settled), and
 * taking it away then would close the modal it has just opened and start it all over again later.
 */
export function AddOn({ wanted, what, children }: { wanted: boolean; what: string; children: ReactNode }) {
  const [drawn, setDrawn] = useState(wanted);
  // Set while rendering, as React allows for state that follows a prop: the part is drawn in this very render.
  if (wanted && !drawn) setDrawn(true);
  if (!wanted && !drawn) return null;
  return (
    <PageErrorBoundary what={what}>
      <Suspense fallback={null}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
