/** The simulator's page, `#/simulator`, as its own lazily loaded chunk; only the shell imports this file. */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const loadSimulatorPage = () => import('./SimulatorPage.tsx');

/** The page's code by path, to fetch it while React starts when it is the landing page. */
export const simulatorPages = { '/simulator': loadSimulatorPage };

export const simulatorRoutes: RouteObject[] = [
  {
    path: 'simulator',
    Component: lazy(() => loadSimulatorPage().then((m) => ({ default: m.SimulatorPage }))),
  },
];
