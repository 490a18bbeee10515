/** The portfolio page, `#/portfolio`, as its own lazily loaded chunk; only the shell imports this file. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export const portfolioRoutes: RouteObject[] = [
  {
    path: 'portfolio',
    Component: lazy(() => import('./PortfolioPage.tsx').then((m) => ({ default: m.PortfolioPage }))),
  },
];
