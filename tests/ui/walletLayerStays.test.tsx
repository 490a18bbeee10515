/**
 * A click on "Connect Wallet" before the page has settled loads the wallet layer at once (src/app/Providers.tsx)
 * and the layer opens the modal for it; the layer must then stay (src/app/AddOn.tsx). It used to be taken
 * away as soon as it had honoured the click, since the click was all that wanted it until the page settled:
 * the modal it had just opened vanished, and the layer came back later with no click to honour. In the
 * production journey under load that cost 10 to 30 s, one lost click after another.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AddOn } from '../../src/app/AddOn.tsx';
import { Providers } from '../../src/app/Providers.tsx';
import { WalletButton } from '../../src/app/wallet/WalletButton.tsx';
import type { AppConfigSource } from '../../src/chain/react/DeploymentContext.tsx';
import { resetConnectWalletForTests } from '../../src/chain/wallet/connectWallet.ts';

const layer = vi.hoisted(() => ({ mounts: 0, unmounts: 0, open: vi.fn() }));

// The wallet layer stands in for RainbowKit's: on mount it publishes an opener, as ConnectBridge does.
vi.mock('../../src/app/wallet/WalletUi.tsx', async () => {
  const { connectWallet } = await import('../../src/chain/wallet/connectWallet.ts');
  return {
    WalletUi() {
      useEffect(() => {
        layer.mounts += 1;
        connectWallet.publish(layer.open);
        return () => {
          layer.unmounts += 1;
        };
      }, []);
      return <p>wallet layer</p>;
    },
  };
});

/** A page that never settles: its read clients are still loading, so only the click wants the wallet layer. */
const neverReady: AppConfigSource = { current: undefined, ready: new Promise(() => {}) };

describe('the wallet layer, loaded for a click before the page settled', () => {
  afterEach(() => {
    resetConnectWalletForTests();
    layer.mounts = 0;
    layer.unmounts = 0;
    layer.open.mockClear();
  });

  it('opens the modal once and stays once it has', async () => {
    const user = userEvent.setup();
    render(
      <Providers app={neverReady} devnet={undefined}>
        <WalletButton />
      </Providers>,
    );
    expect(screen.queryByText('wallet layer')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Connect Wallet' }));
    await screen.findByText('wallet layer');
    // Let anything the published opener set in motion settle.
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 50));
    });
    expect(layer.open).toHaveBeenCalledTimes(1);
    expect(screen.getByText('wallet layer')).toBeInTheDocument();
    expect({ mounts: layer.mounts, unmounts: layer.unmounts }).toEqual({ mounts: 1, unmounts: 0 });
  });
});

describe('AddOn', () => {
  it('keeps a part it has drawn when it is no longer asked for', () => {
    const { rerender } = render(
      <AddOn wanted what="The wallet connection">
        <p>drawn</p>
      </AddOn>,
    );
    rerender(
      <AddOn wanted={false} what="The wallet connection">
        <p>drawn</p>
      </AddOn>,
    );
    expect(screen.getByText('drawn')).toBeInTheDocument();
  });
});
