/** Whether a CSS media query matches now, following it as the window changes (a rotated phone). */
import { useSyncExternalStore } from 'react';

const lists = new Map<string, MediaQueryList>();
/** One MediaQueryList per query, rather than a new one on every render's snapshot. */
function mediaList(query: string): MediaQueryList {
  let list = lists.get(query);
  if (!list) {
    list = window.matchMedia(query);
    lists.set(query, list);
  }
  return list;
}

export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = mediaList(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => mediaList(query).matches,
    () => false,
  );
}

/** Tailwind's `md` breakpoint: below it the app lays out for phones. */
export const WIDE_SCREEN = '(min-width: 768px)';
