import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, render, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { arbitrum, mainnet } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { createConfig, http, WagmiProvider } from 'wagmi';
import { connect } from 'wagmi/actions';
import { mock } from 'wagmi/connectors';
import { NetworkGuard } from '../../src/app/NetworkGuard.tsx';
import { createChainClients } from '../../src/chain/clients.ts';
import { ARBITRUM_DEPLOYMENT } from '../../src/chain/config.ts';
import { DeploymentProvider } from '../../src/chain/DeploymentContext.tsx';
import { memoryCache } from '../../src/chain/history/historyCache.ts';
import type { AppConfig } from '../../src/chain/wagmi.ts';

// A wallet on Ethereum mainnet while the app serves Arbitrum One only: the mock connector stands in for the
// wallet, which is what this unit test isolates (the e2e suite drives a real wallet against the devnet).
function setup() {
  const wagmi = createConfig({
    chains: [arbitrum, mainnet],
    connectors: [mock({ accounts: ['0x976EA74026E726554dB657fA54763abd0C3a0aa9'] })],
    transports: { [arbitrum.id]: http('http://127.0.0.1:1'), [mainnet.id]: http('http://127.0.0.1:1') },
  });
  const app: AppConfig = {
    wagmi,
    chains: [arbitrum],
    defaultChain: arbitrum,
    clients: new Map([[arbitrum.id, createChainClients(arbitrum, ARBITRUM_DEPLOYMENT, memoryCache())]]),
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <WagmiProvider config={wagmi}>
      <QueryClientProvider client={new QueryClient()}>
        <DeploymentProvider value={{ app, devnet: undefined }}>{children}</DeploymentProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
  return { wagmi, wrapper };
}

describe('NetworkGuard', () => {
  it('shows nothing while no wallet is connected', () => {
    const { wrapper } = setup();
    render(<NetworkGuard />, { wrapper });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the wrong chain and offers the switch to a supported one', async () => {
    const { wagmi, wrapper } = setup();
    render(<NetworkGuard />, { wrapper });
    await act(async () => {
      await connect(wagmi, { connector: wagmi.connectors[0]!, chainId: mainnet.id });
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('unsupported network (chain id 1)');
    expect(screen.getByRole('button', { name: 'Switch to Arbitrum One' })).toBeEnabled();
  });
});
