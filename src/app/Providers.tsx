import { darkTheme, RainbowKitProvider } from '@rainbow-me/rainbowkit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { WagmiProvider } from 'wagmi';
import { DeploymentProvider } from '../chain/DeploymentContext.tsx';
import type { DevnetDeployment } from '../chain/devnet.ts';
import type { AppConfig } from '../chain/wagmi.ts';
import { ToastProvider } from '../ui/Toaster.tsx';

const theme = darkTheme({ accentColor: '#F8CC82', accentColorForeground: '#0f172a', borderRadius: 'medium' });

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
        <RainbowKitProvider theme={theme} initialChain={app.defaultChain} modalSize="compact">
          <DeploymentProvider value={{ app, devnet }}>
            <ToastProvider>{children}</ToastProvider>
          </DeploymentProvider>
        </RainbowKitProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
}
