import { lazy, Suspense } from 'react';
import { PageHeader } from '../ui/PageHeader.tsx';
import { Layout } from './Layout.tsx';
import { hrefOf, useRoute } from './routes.ts';

// Each page is its own chunk: the simulator's charts cost nothing on the pools page, and so on.
const PoolsPage = lazy(() =>
  import('../features/pools/PoolsPage.tsx').then((m) => ({ default: m.PoolsPage })),
);
const TradePage = lazy(() =>
  import('../features/trade/TradePage.tsx').then((m) => ({ default: m.TradePage })),
);
const PortfolioPage = lazy(() =>
  import('../features/portfolio/PortfolioPage.tsx').then((m) => ({ default: m.PortfolioPage })),
);
const SimulatorPage = lazy(() =>
  import('../features/simulator/SimulatorPage.tsx').then((m) => ({ default: m.SimulatorPage })),
);
const PoolPage = lazy(() => import('../features/pools/PoolPage.tsx').then((m) => ({ default: m.PoolPage })));
const DevnetPage = lazy(() =>
  import('../features/devnet/DevnetPage.tsx').then((m) => ({ default: m.DevnetPage })),
);

/** Takes the page's room while its code loads, so the footer does not flash up and jump away. */
function PageFallback() {
  return (
    <p role="status" className="min-h-[80vh] text-sm text-ink-400">
      Loading…
    </p>
  );
}

export function App() {
  const route = useRoute();
  return (
    <Layout current={route.path}>
      <Suspense fallback={<PageFallback />}>
        {route.path === 'pools' ? <PoolsPage /> : null}
        {route.path === 'pool' ? <PoolPage /> : null}
        {route.path === 'trade' ? <TradePage /> : null}
        {route.path === 'portfolio' ? <PortfolioPage /> : null}
        {route.path === 'simulator' ? <SimulatorPage /> : null}
        {route.path === 'devnet' ? <DevnetPage /> : null}
        {route.path === 'not-found' ? (
          <PageHeader
            title="Page not found"
            subtitle={
              <>
                There is no such page.{' '}
                <a className="text-sand-400 underline" href={hrefOf('pools')}>
                  Go to the pools
                </a>
                .
              </>
            }
          />
        ) : null}
      </Suspense>
    </Layout>
  );
}
