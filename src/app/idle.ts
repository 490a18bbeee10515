/**
 * Work the first paint does not need (the wallet layer, the alerts) waits until the browser is first idle, or
 * `maxWaitMs` at the most: on a slow phone, evaluating it beside the page's own scripts delays the page.
 */
import { useEffect, useState } from 'react';

/** Calls `run` once the browser is idle; returns what cancels it. */
export function whenIdle(run: () => void, maxWaitMs: number): () => void {
  if ('requestIdleCallback' in window) {
    const handle = window.requestIdleCallback(run, { timeout: maxWaitMs });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = setTimeout(run, 200);
  return () => clearTimeout(timer);
}

/** False until the browser has first been idle (or `maxWaitMs` has passed), then true. */
export function useOnceIdle(maxWaitMs: number): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true), maxWaitMs), [maxWaitMs]);
  return idle;
}
