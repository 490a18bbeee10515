import { type ReactNode, Suspense } from 'react';
import { Link, useLocation } from 'react-router';
import { useDevnet } from '../chain/DeploymentContext.tsx';
import { devnetNav } from '../features/devnet/routes.ts';
import { poolsNav } from '../features/pools/routes.ts';
import { portfolioNav } from '../features/portfolio/routes.ts';
import { simulatorNav } from '../features/simulator/routes.ts';
import { tradeNav } from '../features/trade/routes.ts';
import { PageErrorBoundary } from '../ui/PageErrorBoundary.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { NetworkGuard } from './NetworkGuard.tsx';
import { WalletButton } from './WalletButton.tsx';

interface NavEntry {
  to: string;
  label: string;
  /** Other pages that belong to this entry (a pool's page to the pools). */
  also: readonly string[];
}

const NAV: readonly NavEntry[] = [poolsNav, tradeNav, portfolioNav, simulatorNav];

/** Takes the page's room while its code loads, so the footer does not flash up and jump away. */
export function PageFallback() {
  return (
    <p role="status" className="min-h-[80vh] text-sm text-ink-400">
      Loading…
    </p>
  );
}

export function NotFound() {
  return (
    <PageHeader
      title="Page not found"
      subtitle={
        <>
          There is no such page.{' '}
          <Link className="text-sand-400 underline" to={poolsNav.to}>
            Go to the pools
          </Link>
          .
        </>
      }
    />
  );
}

function MainNav() {
  const devnet = useDevnet();
  const { pathname } = useLocation();
  const links: readonly NavEntry[] = devnet ? [...NAV, devnetNav] : NAV;
  return (
    <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
      {links.map((link) => (
        <Link
          key={link.to}
          to={link.to}
          // A pool's own page counts as the pools section.
          aria-current={pathname === link.to || link.also.includes(pathname) ? 'page' : undefined}
          className="rounded-lg px-3 py-2 text-sm text-ink-200 hover:bg-ink-800 hover:text-ink-50 aria-[current=page]:bg-ink-800 aria-[current=page]:text-sand-400"
        >
          {link.label}
        </Link>
      ))}
    </nav>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <div className="min-h-screen">
      {/* The hash holds the route, so skipping to the content moves focus rather than following `#main`. */}
      <button
        type="button"
        onClick={() => document.getElementById('main')?.focus()}
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50"
      >
        Skip to content
      </button>
      <header className="border-b border-ink-800 bg-ink-950/80 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-3 px-4 py-3">
          <Link to={poolsNav.to} className="flex items-center gap-2 font-semibold text-ink-50">
            <img src="/olympus-logo.svg" alt="" width={28} height={28} />
            <span>
              Olympus <span className="text-sand-400">Perpetual Pools</span>
            </span>
          </Link>
          <MainNav />
          <WalletButton />
        </div>
      </header>
      {/* The guard needs the chains, which arrive just after the first paint. */}
      <Suspense fallback={null}>
        <NetworkGuard />
      </Suspense>
      <main id="main" tabIndex={-1} className="mx-auto max-w-7xl px-4 py-8">
        {/* A new page starts without the last one's error. */}
        <PageErrorBoundary key={pathname}>
          <Suspense fallback={<PageFallback />}>{children}</Suspense>
        </PageErrorBoundary>
      </main>
      <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-ink-400">
        Leveraged positions on Tracer Perpetual Pools V2.1, settled in OHM or gOHM. 10% of the management fees
        of Olympus pools accrue to the Olympus treasury. Positions are never liquidated, but they can lose
        almost all of their value.
      </footer>
    </div>
  );
}
