/**
 * Watches a page load for the first pool row with data and for the main-thread tasks over 50 ms before it:
 * the blocking a visitor sits through before the first figure shows. Installed before the page's own
 * scripts (Playwright's init script, CDP's Page.addScriptToEvaluateOnNewDocument), so no task is missed.
 */
import type { Page } from 'playwright-core';

/** A row with a figure in it, not a skeleton. */
export const FIRST_ROW = 'tbody tr td .font-mono';

export interface FirstRowWatch {
  /** When the row was put in the document, in the page's clock (from the navigation's start). */
  rowAtMs: number;
  /** Long tasks that started before that; the one that rendered the row counts too. */
  count: number;
  /** Their time beyond 50 ms each, summed, as total blocking time counts it. */
  blockingMs: number;
}

interface WatchState {
  rowAt: number;
  tasks: Array<[start: number, duration: number]>;
}

/** Runs in the page, serialized by Playwright: it may use nothing from this module's scope. */
export function firstRowWatch(selector: string) {
  const state: WatchState = { rowAt: -1, tasks: [] };
  (window as unknown as { __benchFirstRow: WatchState }).__benchFirstRow = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.tasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task timing in this browser: the count stays at zero and rowAt still says when.
  }
  // A mutation observer's callback runs right after the DOM change, before the frame that paints it.
  const rows = new MutationObserver(() => {
    if (state.rowAt >= 0 || !document.querySelector(selector)) return;
    state.rowAt = performance.now();
    rows.disconnect();
  });
  rows.observe(document, { childList: true, subtree: true });
}

/** After the row showed: lets the long-task observer hear of the task still running, then counts. */
export async function readFirstRowWatch(page: Page): Promise<FirstRowWatch> {
  return page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 100)));
    const state = (window as unknown as { __benchFirstRow?: WatchState }).__benchFirstRow;
    if (!state || state.rowAt < 0) return { rowAtMs: Number.NaN, count: Number.NaN, blockingMs: Number.NaN };
    const before = state.tasks.filter(([start]) => start < state.rowAt);
    return {
      rowAtMs: state.rowAt,
      count: before.length,
      blockingMs: before.reduce((sum, [, duration]) => sum + Math.max(0, duration - 50), 0),
    };
  });
}
