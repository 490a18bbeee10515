/** The protocol page, `#/protocol`: the Olympus pools' figures from the history indexer; no parameters. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export const protocolNav = { to: '/protocol', label: 'Protocol', also: [] } as const;

const loadProtocolPage = () => import('./ProtocolPage.tsx');

/** The page's code by path, to fetch it while React starts when it is the landing page. */
export const protocolPages = { '/protocol': loadProtocolPage };

export const protocolRoutes: RouteObject[] = [
  { path: 'protocol', Component: lazy(() => loadProtocolPage().then((m) => ({ default: m.ProtocolPage }))) },
];
