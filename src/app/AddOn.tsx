import { type ReactNode, Suspense } from 'react';
import { PageErrorBoundary } from '../ui/PageErrorBoundary.tsx';

/**
 * A part beside the pages rather than one of them (the wallet connection, the alerts): drawn only once it is
 * wanted, nothing on screen while its code loads, and its failure told in its own place so that it cannot take
 * the pages down with it.
 */
export function AddOn({ wanted, what, children }: { wanted: boolean; what: string; children: ReactNode }) {
  if (!wanted) return null;
  return (
    <PageErrorBoundary what={what}>
      <Suspense fallback={null}>{children}</Suspense>
    </PageErrorBoundary>
  );
}
