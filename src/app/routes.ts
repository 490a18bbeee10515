/** Hash routes: static hosting works anywhere, and every page (with its query) can be shared as a link. */
import { useSyncExternalStore } from 'react';

export const ROUTES = [
  { path: 'pools', label: 'Pools' },
  { path: 'trade', label: 'Trade' },
  { path: 'portfolio', label: 'Portfolio' },
  { path: 'simulator', label: 'Simulator' },
] as const;

export type RoutePath = (typeof ROUTES)[number]['path'] | 'devnet' | 'pool';

export interface Route {
  path: RoutePath | 'not-found';
  params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const [rawPath = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const path = rawPath === '' ? 'pools' : rawPath;
  const known = path === 'devnet' || path === 'pool' || ROUTES.some((r) => r.path === path);
  return { path: known ? (path as RoutePath) : 'not-found', params: new URLSearchParams(query) };
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseHash(hash);
}

export function hrefOf(path: RoutePath, params?: Record<string, string>): string {
  const query = params ? `?${new URLSearchParams(params).toString()}` : '';
  return `#/${path}${query}`;
}
