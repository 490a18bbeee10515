import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { type AppConfigSource, DeploymentProvider } from '../chain/DeploymentContext.tsx';
import type { DevnetDeployment } from '../chain/devnet.ts';
import { TxReporterProvider } from '../chain/txReporter.ts';
import { reportTx } from './txToasts.tsx';

// The wallet stack (wagmi, RainbowKit, the toaster) is the largest part of the app's code: the pages draw
// without it and it arrives just after, beside the app rather than around it, so its arrival re-renders
// nothing but what reads the wallet (src/chain/wallet.ts).
const WalletUi = lazy(() => import('./WalletUi.tsx').then((m) => ({ default: m.WalletUi })));

export function Providers({
  app,
  devnet,
  children,
}: {
  app: AppConfigSource;
  devnet: DevnetDeployment | undefined;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <DeploymentProvider value={{ app, devnet }}>
        <TxReporterProvider value={reportTx}>
          {children}
          <Suspense fallback={null}>
            <WalletUi />
          </Suspense>
        </TxReporterProvider>
      </DeploymentProvider>
    </QueryClientProvider>
  );
}
