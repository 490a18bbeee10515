/** The devnet's faucet and deployment page, `#/devnet`, mounted only when the app runs on the local chain. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export const devnetNav = { to: '/devnet', label: 'Devnet', also: [] } as const;

export const devnetRoutes: RouteObject[] = [
  {
    path: 'devnet',
    Component: lazy(() => import('./DevnetPage.tsx').then((m) => ({ default: m.DevnetPage }))),
  },
];
