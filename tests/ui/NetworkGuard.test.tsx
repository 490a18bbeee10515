import { act, screen } from '@testing-library/react';
import { arbitrum, mainnet } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { connect } from 'wagmi/actions';
import { NetworkGuard } from '../../src/app/NetworkGuard.tsx';
import { renderWithWallet } from './renderWithWallet.tsx';

// A wallet on Ethereum mainnet while the app serves Arbitrum One only.
const setup = () =>
  renderWithWallet(<NetworkGuard />, { appChains: [arbitrum], walletChains: [arbitrum, mainnet] });

describe('NetworkGuard', () => {
  it('shows nothing while no wallet is connected', () => {
    setup();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('names the wrong chain and offers the switch to a supported one', async () => {
    const { wagmi } = setup();
    await act(async () => {
      await connect(wagmi, { connector: wagmi.connectors[0]!, chainId: mainnet.id });
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('unsupported network (chain id 1)');
    expect(screen.getByRole('button', { name: 'Switch to Arbitrum One' })).toBeEnabled();
  });
});
