/**
 * The portfolio page, `#/portfolio`: what it shows follows from the connected wallet; the link keeps only the
 * history's filters, `?pool=0x…&side=long&type=mint` (portfolioParams.ts).
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export const portfolioNav = { to: '/portfolio', label: 'Portfolio', also: [] } as const;

export const portfolioRoutes: RouteObject[] = [
  {
    path: 'portfolio',
    Component: lazy(() => import('./PortfolioPage.tsx').then((m) => ({ default: m.PortfolioPage }))),
  },
];
