/**
 * The app's routes: hash routing (`#/pools`, `#/trade?…`), so the built app is plain static files that any
 * host (or IPFS) can serve. Each feature declares its paths and link parameters in its `links.ts` and its
 * lazy pages in its `pages.ts`, which only the shell imports; this file only mounts them under the shell.
 * Each page is its own chunk (`React.lazy`), loaded under the shell's Suspense, so the header and nav draw
 * at once and only the page's room waits.
 *
 * React Router's declarative `HashRouter` rather than `createHashRouter`: the app has no loaders or actions
 * (the chain layer and TanStack Query fetch), and the data router's extra code is about 17 KB gzip on the
 * first load (32.5 KB against 15.6 KB, measured with esbuild) for nothing the app uses.
 */
import { HashRouter, Navigate, Outlet, type RouteObject, useRoutes } from 'react-router';
import { devnetRoutes } from '../features/devnet/pages.ts';
import { poolsNav } from '../features/pools/links.ts';
import { poolsPages, poolsRoutes } from '../features/pools/pages.ts';
import { portfolioRoutes } from '../features/portfolio/pages.ts';
import { protocolPages, protocolRoutes } from '../features/protocol/pages.ts';
import { simulatorPages, simulatorRoutes } from '../features/simulator/pages.ts';
import { tradePages, tradeRoutes } from '../features/trade/pages.ts';
import { treasuryPages, treasuryRoutes } from '../features/treasury/pages.ts';
import { Layout, NotFound } from './Layout.tsx';
import { NuqsRouterAdapter } from './nuqsHashAdapter.tsx';

function Shell() {
  return (
    <NuqsRouterAdapter>
      <Layout>
        <Outlet />
      </Layout>
    </NuqsRouterAdapter>
  );
}

export function appRoutes(withDevnet: boolean): RouteObject[] {
  return [
    {
      path: '/',
      element: <Shell />,
      children: [
        // The pools are the home page.
        { index: true, element: <Navigate to={poolsNav.to} replace /> },
        ...poolsRoutes,
        ...tradeRoutes,
        ...portfolioRoutes,
        ...simulatorRoutes,
        ...treasuryRoutes,
        ...protocolRoutes,
        ...(withDevnet ? devnetRoutes : []),
        { path: '*', element: <NotFound /> },
      ],
    },
  ];
}

/** The routes under whichever router holds the location: the hash in the browser, a fixed path in the prerender. */
export function AppRoutes({ withDevnet }: { withDevnet: boolean }) {
  return useRoutes(appRoutes(withDevnet));
}

export function AppRouter({ withDevnet }: { withDevnet: boolean }) {
  return (
    <HashRouter>
      <AppRoutes withDevnet={withDevnet} />
    </HashRouter>
  );
}

const PAGES: Record<string, () => Promise<unknown>> = {
  ...poolsPages,
  ...tradePages,
  ...simulatorPages,
  ...treasuryPages,
  ...protocolPages,
};

/**
 * Starts fetching the landing page's code at boot, while React starts, instead of once the router has
 * rendered the route: one round trip less before the page draws. `hash` is `location.hash`.
 */
export function preloadLandingPage(hash: string): void {
  const path = hash.replace(/^#/, '').split('?')[0] || poolsNav.to;
  void PAGES[path === '/' ? poolsNav.to : path]?.().catch(() => {});
}
