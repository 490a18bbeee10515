import { memo, type ReactNode, Suspense, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useDevnet } from '../chain/react/DeploymentContext.tsx';
import { AlertNotices, AlertsToggle } from '../features/alerts/lazyAlerts.ts';
import { devnetNav } from '../features/devnet/links.ts';
import { poolsNav } from '../features/pools/links.ts';
import { portfolioNav } from '../features/portfolio/links.ts';
import { protocolNav } from '../features/protocol/links.ts';
import { simulatorNav } from '../features/simulator/links.ts';
import { tradeNav } from '../features/trade/links.ts';
import { treasuryNav } from '../features/treasury/links.ts';
import { PageErrorBoundary } from '../ui/PageErrorBoundary.tsx';
import { PageHeader } from '../ui/PageHeader.tsx';
import { useHydrated } from '../ui/useHydrated.ts';
import { AddOn } from './AddOn.tsx';
import { useOnceIdle } from './idle.ts';
import { NetworkGuard } from './NetworkGuard.tsx';
import { WalletButton } from './wallet/WalletButton.tsx';

interface NavEntry {
  to: string;
  label: string;
  /** Other pages that belong to this entry (a pool's page to the pools). */
  also: readonly string[];
}

const NAV: readonly NavEntry[] = [poolsNav, tradeNav, portfolioNav, protocolNav, simulatorNav, treasuryNav];

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
          <Link
            className="text-sand-400 underline pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
            to={poolsNav.to}
          >
            Go to the pools
          </Link>
          .
        </>
      }
    />
  );
}

/** The pages, as a row of links on wide screens and as a menu on phones. */
function MainNav() {
  const devnet = useDevnet();
  // The prerendered nav (docs/first-paint.md) has no devnet entry: it joins once the HTML is hydrated.
  const hydrated = useHydrated();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const links: readonly NavEntry[] = devnet && hydrated ? [...NAV, devnetNav] : NAV;
  const current = links.find((l) => pathname === l.to || l.also.includes(pathname));
  const items = (vertical: boolean) =>
    links.map((link) => (
      <Link
        key={link.to}
        to={link.to}
        // A pool's own page counts as the pools section.
        aria-current={link === current ? 'page' : undefined}
        // Following a link closes the menu.
        onClick={() => setOpen(false)}
        className={`rounded-lg px-3 py-2 text-sm text-ink-200 hover:bg-ink-800 hover:text-ink-50 aria-[current=page]:bg-ink-800 aria-[current=page]:text-sand-400${vertical ? ' flex min-h-11 items-center' : ''}`}
      >
        {link.label}
      </Link>
    ));
  return (
    <>
      <nav aria-label="Main" className="hidden flex-1 gap-1 md:flex">
        {items(false)}
      </nav>
      <button
        type="button"
        className="order-last inline-flex size-11 items-center justify-center rounded-lg border border-ink-700 text-ink-200 md:hidden"
        aria-label="Menu"
        aria-expanded={open}
        aria-controls="main-menu"
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" fill="none" stroke="currentColor">
          {open ? (
            <path d="M5 5l10 10M15 5L5 15" strokeWidth="2" strokeLinecap="round" />
          ) : (
            <path d="M3 6h14M3 10h14M3 14h14" strokeWidth="2" strokeLinecap="round" />
          )}
        </svg>
      </button>
      {open ? (
        <nav
          id="main-menu"
          aria-label="Main"
          className="order-last flex w-full flex-col gap-1 pb-2 md:hidden"
        >
          {items(true)}
          <Suspense fallback={null}>
            <AlertsToggle />
          </Suspense>
        </nav>
      ) : null}
    </>
  );
}

/**
 * The page's room. Its own component, kept from the shell's re-renders (the alerts arriving): a page still
 * waiting for its code to hydrate would be drawn afresh by React if its boundary were re-rendered
 * (docs/first-paint.md).
 */
const PageRoom = memo(function PageRoom({ pathname, children }: { pathname: string; children: ReactNode }) {
  return (
    // A new page starts without the last one's error.
    <PageErrorBoundary key={pathname}>
      <Suspense fallback={<PageFallback />}>{children}</Suspense>
    </PageErrorBoundary>
  );
});

export function Layout({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  // The alerts read what the pages have already read (docs/alerts.md): nothing is lost by starting them late.
  const alertsWanted = useOnceIdle(3000);
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
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-3 gap-y-2 px-4 py-3 md:gap-x-8">
          <Link
            to={poolsNav.to}
            className="mr-auto flex min-h-11 items-center gap-2 font-semibold text-ink-50 md:mr-0"
          >
            <img src="/olympus-logo.svg" alt="" width={28} height={28} />
            <span>
              Olympus <span className="hidden text-sand-400 sm:inline">Perpetual Pools</span>
            </span>
          </Link>
          <MainNav />
          {/* On phones the alerts control is in the menu: the header row has no room for it. Its size is kept
              while its code loads, so that nothing in the header moves when it arrives. */}
          <div className="hidden h-10 w-[7.5rem] md:block">
            {alertsWanted ? (
              <Suspense fallback={null}>
                <AlertsToggle />
              </Suspense>
            ) : null}
          </div>
          <WalletButton />
        </div>
      </header>
      {/* The guard needs the chains, which arrive just after the first paint. */}
      <Suspense fallback={null}>
        <NetworkGuard />
      </Suspense>
      <AddOn wanted={alertsWanted} what="The alerts">
        <AlertNotices />
      </AddOn>
      {/* At least a screen tall, so that the footer starts below the fold: a page's height changes as its
          figures arrive, and the footer would jump each time (docs/first-paint.md). */}
      <main id="main" tabIndex={-1} className="mx-auto min-h-svh max-w-7xl px-4 py-8">
        <PageRoom pathname={pathname}>{children}</PageRoom>
      </main>
      <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-ink-400">
        Leveraged positions on Tracer Perpetual Pools V2.1, settled in OHM or gOHM. 10% of the management fees
        of Olympus pools accrue to the Olympus treasury. Positions are never liquidated, but they can lose
        almost all of their value.
      </footer>
    </div>
  );
}
