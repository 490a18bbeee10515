import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, useEffect, useMemo, useState } from 'react';
import type { DevnetDeployment } from '../chain/config/devnet.ts';
import { type AppConfigSource, DeploymentProvider } from '../chain/react/DeploymentContext.tsx';
import { TxReporterProvider } from '../chain/react/txReporter.ts';
import { useConnectWallet } from '../chain/wallet/connectWallet.ts';
import { AddOn } from './AddOn.tsx';
import { whenIdle } from './idle.ts';
import { reportTx } from './txToasts.tsx';

// The wallet stack (wagmi, RainbowKit, the toaster) is the largest part of the app's code: the pages draw
// without it and it arrives once the page has settled, beside the app rather than around it, so its arrival
// re-renders nothing but what reads the wallet (src/chain/wallet/wallet.ts).
const WalletUi = lazy(() => import('./wallet/WalletUi.tsx').then((m) => ({ default: m.WalletUi })));

/**
 * True once the read clients have loaded and the browser is then idle (at the latest `maxWaitMs` later), or at
 * once when the user asks to connect: the wallet stack's download and start-up do not compete with the
 * page's own code and first reads.
 */
function useAfterPageSettles(app: AppConfigSource, maxWaitMs: number): boolean {
  const { connectRequested } = useConnectWallet();
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    let cancel = () => {};
    let stopped = false;
    const whenReady = () => {
      if (!stopped) cancel = whenIdle(() => setSettled(true), maxWaitMs);
    };
    // If the read clients failed to load, the page says so; the wallet layer stays away.
    app.ready.then(whenReady, () => {});
    return () => {
      stopped = true;
      cancel();
    };
  }, [app, maxWaitMs]);
  return settled || connectRequested;
}

export function Providers({
  app,
  devnet,
  children,
}: {
  app: AppConfigSource;
  devnet: DevnetDeployment | undefined;
  children: ReactNode;
}) {
  const walletWanted = useAfterPageSettles(app, 3000);
  // One value for the app's life: a new one would reach every reader, the page not yet hydrated among them,
  // which React would then draw afresh instead of hydrating (docs/first-paint.md).
  const deployment = useMemo(() => ({ app, devnet }), [app, devnet]);
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <DeploymentProvider value={deployment}>
        <TxReporterProvider value={reportTx}>
          {children}
          <AddOn wanted={walletWanted} what="The wallet connection">
            <WalletUi />
          </AddOn>
        </TxReporterProvider>
      </DeploymentProvider>
    </QueryClientProvider>
  );
}
