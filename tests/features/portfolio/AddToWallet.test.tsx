/**
 * "Add to wallet" in jsdom, with wagmi's mock connector behind the app's wallet store: the button asks the
 * wallet `wallet_watchAsset` for the pool's token with a symbol wallets accept and the pool's decimals, a
 * refusal in the wallet is one sentence that changes nothing, and a wallet without the method is told plainly.
 * The wallet's provider is wrapped to record and answer `wallet_watchAsset`; every other request reaches the
 * mock as before (the token's own symbol cannot be read here: the transports point at a closed port).
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { type EIP1193RequestFn, UserRejectedRequestError } from 'viem';
import { arbitrum } from 'viem/chains';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config } from 'wagmi';
import { connect, disconnect } from 'wagmi/actions';
import { walletSymbol } from '../../../src/chain/wallet/watchAsset.ts';
import { AddToWallet } from '../../../src/features/portfolio/AddToWallet.tsx';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { btcPool, OHM_POOL } from '../../fixtures/pools.ts';
import { renderWithWallet } from '../../ui/renderWithWallet.tsx';

const devnet = { ...arbitrum, id: 31337, name: 'Olympus devnet' };

type Answer = (params: unknown) => unknown;

/** Connects the mock wallet, with `wallet_watchAsset` answered by `answer`; returns what it was asked. */
async function connectedWallet(wagmi: Config, answer: Answer, chainId = 31337) {
  const asked: { method: string; params: unknown }[] = [];
  const connector = wagmi.connectors[0]!;
  const original = connector.getProvider.bind(connector);
  vi.spyOn(connector, 'getProvider').mockImplementation(async (parameters) => {
    const provider = (await original(parameters)) as { request: EIP1193RequestFn };
    const request = (async (args: { method: string; params?: unknown }) => {
      asked.push({ method: args.method, params: args.params });
      if (args.method === 'wallet_watchAsset') return answer(args.params);
      return provider.request(args as never);
    }) as EIP1193RequestFn;
    return { ...provider, request };
  });
  await act(async () => {
    await connect(wagmi, { connector, chainId });
  });
  return asked;
}

const setup = () =>
  renderWithWallet(<AddToWallet pool={OHM_POOL.info} side="long" />, {
    appChains: [devnet, arbitrum],
    devnet: DEVNET_FIXTURE,
  });

const press = async () =>
  fireEvent.click(await screen.findByRole('button', { name: 'Add 3-ETH/USD+OHM L tokens to your wallet' }));

describe('Add to wallet', () => {
  let wagmi: Config | undefined;
  afterEach(async () => {
    if (wagmi) await act(async () => void (await disconnect(wagmi!)));
    vi.restoreAllMocks();
  });

  it('offers nothing without a wallet', () => {
    ({ wagmi } = setup());
    expect(screen.queryByRole('button', { name: /to your wallet/ })).toBeNull();
  });

  it('asks wallet_watchAsset for the token, with an 11-character symbol and the pool’s decimals', async () => {
    ({ wagmi } = setup());
    const asked = await connectedWallet(wagmi, () => true);
    await press();
    expect(await screen.findByRole('status', {}, { timeout: 5000 })).toHaveTextContent(
      'Your wallet now lists 3-ETH/USD+OHM L tokens as 3L-ETH+OHM.',
    );
    const watch = asked.filter((a) => a.method === 'wallet_watchAsset');
    expect(watch).toHaveLength(1);
    expect(watch[0]!.params).toEqual({
      type: 'ERC20',
      options: { address: OHM_POOL.info.longToken, symbol: '3L-ETH+OHM', decimals: 9 },
    });
  });

  it('first asks a wallet on another chain to switch to the pool’s, where the token lives', async () => {
    ({ wagmi } = setup());
    const asked = await connectedWallet(wagmi, () => true, arbitrum.id);
    await press();
    await screen.findByRole('status', {}, { timeout: 5000 });
    const methods = asked.map((a) => a.method);
    expect(methods.indexOf('wallet_switchEthereumChain')).toBeGreaterThan(-1);
    expect(methods.indexOf('wallet_switchEthereumChain')).toBeLessThan(methods.indexOf('wallet_watchAsset'));
  });

  it('says in one sentence that a refusal in the wallet changed nothing', async () => {
    ({ wagmi } = setup());
    await connectedWallet(wagmi, () => {
      throw new UserRejectedRequestError(new Error('User rejected the request.'));
    });
    await press();
    const status = await screen.findByRole('status', {}, { timeout: 5000 });
    expect(status).toHaveTextContent(
      'You declined adding 3-ETH/USD+OHM L tokens in your wallet; nothing changed.',
    );
    expect(status.textContent).not.toMatch(/User rejected/);
  });

  it('says plainly when the wallet cannot add tokens', async () => {
    ({ wagmi } = setup());
    await connectedWallet(wagmi, () => {
      throw Object.assign(new Error('the method wallet_watchAsset does not exist'), { code: -32601 });
    });
    await press();
    expect(await screen.findByRole('status', {}, { timeout: 5000 })).toHaveTextContent(
      'Your wallet cannot add tokens from a page; add the token address by hand instead.',
    );
  });
});

describe('walletSymbol', () => {
  const btc = btcPool({ long: '1', short: '1' }).info;

  it('keeps the token’s own symbol when a wallet accepts it, else makes one of 11 characters from the pool', () => {
    expect(walletSymbol('3L-BTC', btc, 'long')).toBe('3L-BTC');
    expect(walletSymbol('3L-BTC/USD+gOHM', btc, 'long')).toBe('3L-BTC+gOHM');
    expect(walletSymbol(undefined, btc, 'short')).toBe('3S-BTC+gOHM');
    const long = { ...btc, market: 'DOGECOIN/USD', leverage: 10 };
    expect(walletSymbol(undefined, long, 'long')).toBe('10L-DOGECOI');
  });
});
