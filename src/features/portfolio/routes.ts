/** The portfolio page, `#/portfolio`: everything on it follows from the connected wallet, so no parameters. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export const portfolioNav = { to: '/portfolio', label: 'Portfolio', also: [] } as const;

export const portfolioRoutes: RouteObject[] = [
  {
    path: 'portfolio',
    Component: lazy(() => import('./PortfolioPage.tsx').then((m) => ({ default: m.PortfolioPage }))),
  },
];
