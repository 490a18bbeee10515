/**
 * The simulator's page, `#/simulator?…`: its parameters (one per input) are the parsers in simulatorParams.ts,
 * and other features link to it with `simulatorLink`.
 */
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export { simulatorLink } from './simulatorParams.ts';

export const simulatorNav = { to: '/simulator', label: 'Simulator', also: [] } as const;

const loadSimulatorPage = () => import('./SimulatorPage.tsx');

/** The page's code by path, to fetch it while React starts when it is the landing page. */
export const simulatorPages = { '/simulator': loadSimulatorPage };

export const simulatorRoutes: RouteObject[] = [
  {
    path: 'simulator',
    Component: lazy(() => loadSimulatorPage().then((m) => ({ default: m.SimulatorPage }))),
  },
];
