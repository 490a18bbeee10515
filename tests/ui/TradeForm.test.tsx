/**
 * The trade form's validation and button states with a fixed pool state. The wallet is wagmi's mock connector
 * (this unit test isolates the form; the chain tests and the browser journeys use real wallets and contracts).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { type ReactNode, useState } from 'react';
import { parseUnits } from 'viem';
import { arbitrum } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { createConfig, http, WagmiProvider } from 'wagmi';
import { connect } from 'wagmi/actions';
import { mock } from 'wagmi/connectors';
import { devnetChainDeployment } from '../../src/chain/chainDeployments.ts';
import { createChainClients } from '../../src/chain/clients.ts';
import { ARBITRUM_DEPLOYMENT } from '../../src/chain/config.ts';
import { DeploymentProvider } from '../../src/chain/DeploymentContext.tsx';
import { memoryCache } from '../../src/chain/history/historyCache.ts';
import type { PoolSnapshot } from '../../src/chain/poolReader.ts';
import type { AppConfig } from '../../src/chain/wagmi.ts';
import { TradeForm } from '../../src/features/trade/TradeForm.tsx';
import type { TradeFormState } from '../../src/features/trade/useTradeForm.ts';
import { ToastProvider } from '../../src/ui/Toaster.tsx';
import { DEVNET_FIXTURE } from './fixtures/deployment.ts';
import { NOW, poolSnapshot } from './fixtures/pools.ts';

const USER = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;
const devnet = { ...arbitrum, id: 31337, name: 'Olympus devnet' };

function withUser(pool: PoolSnapshot, allowance: bigint): PoolSnapshot {
  return {
    ...pool,
    info: { ...pool.info, chainId: 31337 },
    user: {
      longWallet: parseUnits('10', 9),
      shortWallet: 0n,
      settlementWallet: parseUnits('100', 9),
      allowance,
      escrow: { longTokens: 0n, shortTokens: 0n, settlementTokens: parseUnits('2', 9) },
      commits: [],
    },
  };
}

const ohmPool = poolSnapshot({
  name: '3-ETH/USD+OHM',
  address: '0x0000000000000000000000000000000000000002',
  collateral: 'OHM',
  leverage: 3,
  long: '1000',
  short: '1000',
});

function Harness({ pool }: { pool: PoolSnapshot }) {
  const [form, setForm] = useState<TradeFormState>({
    pool: pool.info.address,
    side: 'long',
    action: 'mint',
    source: 'wallet',
    amount: '',
    unlimitedApproval: false,
  });
  return (
    <TradeForm
      pools={[pool]}
      form={form}
      update={(patch) => setForm((f) => ({ ...f, ...patch }))}
      chainNow={NOW}
      chainId={31337}
      chainName="Olympus devnet"
      staleSeconds={undefined}
    />
  );
}

function setup(pool: PoolSnapshot) {
  const wagmi = createConfig({
    chains: [devnet, arbitrum],
    connectors: [mock({ accounts: [USER] })],
    transports: { [devnet.id]: http('http://127.0.0.1:1'), [arbitrum.id]: http('http://127.0.0.1:1') },
  });
  const app: AppConfig = {
    wagmi,
    chains: [devnet, arbitrum],
    defaultChain: devnet,
    clients: new Map([
      [devnet.id, createChainClients(devnet, devnetChainDeployment(DEVNET_FIXTURE), memoryCache())],
      [arbitrum.id, createChainClients(arbitrum, ARBITRUM_DEPLOYMENT, memoryCache())],
    ]),
  };
  const wrapper = ({ children }: { children: ReactNode }) => (
    <WagmiProvider config={wagmi}>
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <DeploymentProvider value={{ app, devnet: DEVNET_FIXTURE }}>
          <ToastProvider>{children}</ToastProvider>
        </DeploymentProvider>
      </QueryClientProvider>
    </WagmiProvider>
  );
  render(<Harness pool={pool} />, { wrapper });
  return { wagmi };
}

const amount = () => screen.getByLabelText(/^Amount/);
const type = (text: string) => fireEvent.change(amount(), { target: { value: text } });

describe('TradeForm', () => {
  it('asks to connect a wallet first', () => {
    setup(withUser(ohmPool, 0n));
    expect(screen.getByRole('button', { name: 'Connect wallet' })).toBeEnabled();
  });

  it('asks to switch network when the wallet is on another chain', async () => {
    const { wagmi } = setup(withUser(ohmPool, 0n));
    await act(async () => {
      await connect(wagmi, { connector: wagmi.connectors[0]!, chainId: arbitrum.id });
    });
    expect(await screen.findByRole('button', { name: 'Switch to Olympus devnet' })).toBeEnabled();
  });

  describe('connected on the pool’s chain', () => {
    async function connected(pool: PoolSnapshot) {
      const { wagmi } = setup(pool);
      await act(async () => {
        await connect(wagmi, { connector: wagmi.connectors[0]!, chainId: 31337 });
      });
    }

    it('shows each bad amount at the field, and offers no transaction for it', async () => {
      await connected(withUser(ohmPool, 0n));
      // With no amount yet the button names the trade; pressing it only reveals what is missing.
      fireEvent.click(await screen.findByRole('button', { name: 'Mint long' }));
      expect(await screen.findByRole('alert')).toHaveTextContent('Enter an amount.');
      for (const [input, message] of [
        ['x', 'Enter a number, like 12.5.'],
        ['-2', 'The amount cannot be negative.'],
        ['0', 'The amount must be above zero.'],
        ['1.0000000001', 'OHM has 9 decimals'],
        ['100.5', 'That is more than your wallet holds.'],
      ] as const) {
        type(input);
        expect(screen.getByRole('alert')).toHaveTextContent(message);
        expect(amount()).toHaveAttribute('aria-invalid', 'true');
        expect(screen.queryByRole('button', { name: /Approve OHM/ })).toBeNull();
      }
      // Escrow holds 2 OHM: 3 is too much from there.
      fireEvent.click(screen.getByLabelText('Escrow'));
      type('3');
      expect(screen.getByRole('alert')).toHaveTextContent('That is more than your escrow holds.');
    });

    it('walks Approve → Mint: exact approval first, unlimited only when ticked, with a warning', async () => {
      await connected(withUser(ohmPool, parseUnits('1', 9)));
      type('5');
      expect(await screen.findByRole('button', { name: 'Approve OHM' })).toBeEnabled();
      expect(screen.getByText('By default you approve exactly this amount.')).toBeInTheDocument();
      fireEvent.click(screen.getByLabelText(/Approve an unlimited amount/));
      expect(screen.getByText(/could then move all of your OHM/)).toBeInTheDocument();
      // Within the allowance no approval is needed.
      type('0.5');
      expect(screen.getByRole('button', { name: 'Mint long' })).toBeEnabled();
      // The preview is on screen before signing: the mint fee line and the expected tokens.
      expect(screen.getByText('Expected L tokens')).toBeInTheDocument();
    });

    it('needs no approval to mint from escrow, nor to burn', async () => {
      await connected(withUser(ohmPool, 0n));
      fireEvent.click(screen.getByLabelText('Escrow'));
      type('1');
      expect(await screen.findByRole('button', { name: 'Mint long' })).toBeEnabled();
      fireEvent.click(screen.getByLabelText('Wallet'));
      fireEvent.click(screen.getByLabelText('Burn'));
      type('2');
      expect(screen.getByRole('button', { name: 'Burn long' })).toBeEnabled();
      expect(screen.getByText('Expected to receive')).toBeInTheDocument();
    });

    it('refuses to trade on a paused pool', async () => {
      await connected(withUser({ ...ohmPool, paused: true }, 0n));
      type('1');
      expect(await screen.findByRole('button', { name: 'Pool paused' })).toBeDisabled();
    });
  });
});
