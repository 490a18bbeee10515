import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, type ReactNode, Suspense, useState } from 'react';
import { WagmiProvider } from 'wagmi';
import { DeploymentProvider } from '../chain/DeploymentContext.tsx';
import type { DevnetDeployment } from '../chain/devnet.ts';
import { TxReporterProvider } from '../chain/useTransactor.ts';
import type { AppConfig } from '../chain/wagmi.ts';
import { reportTx } from './txToasts.tsx';

// RainbowKit is the largest part of the wallet stack; the pages draw without it and it arrives just after.
const WalletUi = lazy(() => import('./WalletUi.tsx').then((m) => ({ default: m.WalletUi })));

export function Providers({
  app,
  devnet,
  children,
}: {
  app: AppConfig;
  devnet: DevnetDeployment | undefined;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false } } }),
  );
  return (
    <WagmiProvider config={app.wagmi}>
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
    </WagmiProvider>
  );
}
