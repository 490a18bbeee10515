import type { ReactNode } from 'react';
import { useDeployment } from '../chain/DeploymentContext.tsx';
import { NetworkGuard } from './NetworkGuard.tsx';
import { hrefOf, ROUTES, type RoutePath } from './routes.ts';
import { WalletButton } from './WalletButton.tsx';

export function Layout({ current, children }: { current: RoutePath | 'not-found'; children: ReactNode }) {
  const { devnet } = useDeployment();
  const links: Array<{ path: RoutePath; label: string }> = [...ROUTES];
  if (devnet) links.push({ path: 'devnet', label: 'Devnet' });
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-50"
      >
        Skip to content
      </a>
      <header className="border-b border-ink-800 bg-ink-950/80 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-8 gap-y-3 px-4 py-3">
          <a href={hrefOf('pools')} className="flex items-center gap-2 font-semibold text-ink-50">
            <img src="/olympus-logo.svg" alt="" width={28} height={28} />
            <span>
              Olympus <span className="text-sand-400">Perpetual Pools</span>
            </span>
          </a>
          <nav aria-label="Main" className="flex flex-1 flex-wrap gap-1">
            {links.map((link) => (
              <a
                key={link.path}
                href={hrefOf(link.path)}
                aria-current={
                  current === link.path || (current === 'pool' && link.path === 'pools') ? 'page' : undefined
                }
                className="rounded-lg px-3 py-2 text-sm text-ink-200 hover:bg-ink-800 hover:text-ink-50 aria-[current=page]:bg-ink-800 aria-[current=page]:text-sand-400"
              >
                {link.label}
              </a>
            ))}
          </nav>
          <WalletButton />
        </div>
      </header>
      <NetworkGuard />
      <main id="main" className="mx-auto max-w-7xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-7xl px-4 pb-8 text-xs text-ink-400">
        Leveraged positions on Tracer Perpetual Pools V2.1, settled in OHM or gOHM. 10% of the management fees
        of Olympus pools accrue to the Olympus treasury. Positions are never liquidated, but they can lose
        almost all of their value.
      </footer>
    </div>
  );
}
