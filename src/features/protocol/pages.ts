/** The protocol page, `#/protocol`, as its own lazily loaded chunk; only the shell imports this file. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const loadProtocolPage = () => import('./ProtocolPage.tsx');

/** The page's code by path, to fetch it while React starts when it is the landing page. */
export const protocolPages = { '/protocol': loadProtocolPage };

export const protocolRoutes: RouteObject[] = [
  { path: 'protocol', Component: lazy(() => loadProtocolPage().then((m) => ({ default: m.ProtocolPage }))) },
];
