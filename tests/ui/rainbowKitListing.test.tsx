/**
 * The devnet's burner wallets reach RainbowKit's modal as plain wagmi connectors carrying the `rkDetails`
 * metadata that RainbowKit's own `connectorsForWallets` would attach (src/chain/wallet/wagmi.ts). That
 * metadata is RainbowKit's private shape, read by its modal's wallet list: this test opens the modal with the
 * app's wagmi config and looks for the burner by name, and it is pinned to the RainbowKit version it was
 * written against, so a bump makes its author check the shape again.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { RainbowKitProvider, useConnectModal } from '@rainbow-me/rainbowkit';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WagmiProvider } from 'wagmi';
import { createAppConfig } from '../../src/chain/config/appConfig.ts';
import { createWagmiConfig } from '../../src/chain/wallet/wagmi.ts';
import { DEVNET_FIXTURE } from '../fixtures/deployment.ts';

/** The RainbowKit release whose modal this test read; see the header. */
const WRITTEN_FOR = '2.2.11';

const DEVNET = {
  ...DEVNET_FIXTURE,
  devAccounts: [
    {
      label: 'Alice',
      address: '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const,
      privateKey: `0x${'11'.repeat(32)}` as const,
    },
  ],
};

function installedRainbowKit(): string {
  // The package's exports do not include its package.json: found from its entry point instead.
  const entry = createRequire(import.meta.url).resolve('@rainbow-me/rainbowkit');
  let dir = dirname(entry);
  while (!dir.endsWith(join('@rainbow-me', 'rainbowkit'))) dir = dirname(dir);
  const manifest: { version: string } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return manifest.version;
}

function OpenModal() {
  const { openConnectModal } = useConnectModal();
  return (
    <button type="button" disabled={!openConnectModal} onClick={openConnectModal}>
      Open
    </button>
  );
}

describe("RainbowKit's wallet list", () => {
  it('is the release the forged listing was checked against', () => {
    expect(installedRainbowKit()).toBe(WRITTEN_FOR);
  });

  it("lists the devnet's burner wallet by its name", async () => {
    const user = userEvent.setup();
    const app = createAppConfig(DEVNET);
    const wagmi = createWagmiConfig(app, DEVNET, []);
    render(
      <WagmiProvider config={wagmi}>
        <QueryClientProvider client={new QueryClient()}>
          <RainbowKitProvider initialChain={app.defaultChain} modalSize="compact">
            <OpenModal />
          </RainbowKitProvider>
        </QueryClientProvider>
      </WagmiProvider>,
    );
    const open = await screen.findByRole('button', { name: 'Open' });
    await expect.poll(() => open.hasAttribute('disabled')).toBe(false);
    await user.click(open);
    expect(await screen.findByText('Alice (devnet)')).toBeInTheDocument();
    expect(screen.getByText('Devnet dev accounts')).toBeInTheDocument();
  });
});
