/** The devnet's page, `#/devnet`, as its own lazily loaded chunk; only the shell imports this file. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export const devnetRoutes: RouteObject[] = [
  {
    path: 'devnet',
    Component: lazy(() => import('./DevnetPage.tsx').then((m) => ({ default: m.DevnetPage }))),
  },
];
