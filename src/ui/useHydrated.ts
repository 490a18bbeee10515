/**
 * False while React hydrates the prerendered HTML (and in the prerender itself), true in every render after
 * it (and at once when nothing was prerendered). What the build cannot draw as the browser will (the devnet's
 * nav entry, found at run time; a chart, which measures its box) joins one render after hydration, so that
 * hydration's render matches the HTML (docs/first-paint.md).
 */
import { useSyncExternalStore } from 'react';

const noChange = () => () => {};

export function useHydrated(): boolean {
  return useSyncExternalStore(
    noChange,
    () => true,
    () => false,
  );
}
