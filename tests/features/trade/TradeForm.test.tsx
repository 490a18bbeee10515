import { act, fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { parseUnits } from 'viem';
import { arbitrum } from 'viem/chains';
import { afterEach, describe, expect, it } from 'vitest';
import { connect } from 'wagmi/actions';
import type { PoolSnapshot } from '../../../src/chain/pools/poolReader.ts';
import { rememberSent, resetSentForTests } from '../../../src/chain/tx/sentTransactions.ts';
import { CommitType } from '../../../src/engine/commits.ts';
import type { TradeChoice } from '../../../src/features/trade/links.ts';
import { TradeForm } from '../../../src/features/trade/TradeForm.tsx';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { NOW, OHM_POOL, ohmPool, poolSnapshot, withUser } from '../../fixtures/pools.ts';
import { renderWithWallet, TEST_USER } from '../../ui/renderWithWallet.tsx';

const devnet = { ...arbitrum, id: 31337, name: 'Olympus devnet' };

function Harness({ pool }: { pool: PoolSnapshot }) {
  const [choice, setChoice] = useState<TradeChoice>({
    pool: pool.info.address,
    side: 'long',
    action: 'mint',
  });
  return (
    <TradeForm
      pools={[pool]}
      pool={pool}
      choice={choice}
      onChoice={(patch) => setChoice((c) => ({ ...c, ...patch }))}
      chainNow={NOW}
      blockTimestamp={BigInt(NOW)}
      chainId={31337}
      chainName="Olympus devnet"
      staleSeconds={undefined}
    />
  );
}

// What one case remembered as sent must not be in flight in the next.
afterEach(resetSentForTests);

const setup = (pool: PoolSnapshot) =>
  renderWithWallet(<Harness pool={pool} />, { appChains: [devnet, arbitrum], devnet: DEVNET_FIXTURE });

const amount = () => screen.getByLabelText(/^Amount/);
const type = (text: string) => fireEvent.change(amount(), { target: { value: text } });

describe('TradeForm', () => {
  it('asks to connect a wallet first', async () => {
    setup(withUser(OHM_POOL, 0n));
    expect(await screen.findByRole('button', { name: 'Connect wallet' })).toBeEnabled();
  });

  it('asks to switch network when the wallet is on another chain', async () => {
    const { wagmi } = setup(withUser(OHM_POOL, 0n));
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
      await connected(withUser(OHM_POOL, 0n));
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
      await connected(withUser(OHM_POOL, parseUnits('1', 9)));
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
      await connected(withUser(OHM_POOL, 0n));
      fireEvent.click(screen.getByLabelText('Escrow'));
      type('1');
      expect(await screen.findByRole('button', { name: 'Mint long' })).toBeEnabled();
      fireEvent.click(screen.getByLabelText('Wallet'));
      fireEvent.click(screen.getByLabelText('Burn'));
      type('2');
      expect(screen.getByRole('button', { name: 'Burn long' })).toBeEnabled();
      expect(screen.getByText('Expected to receive')).toBeInTheDocument();
    });

    it('offers a paid claim, off by default, and sends nothing until its reward is priced', async () => {
      await connected(withUser(OHM_POOL, parseUnits('1', 9)));
      type('0.5');
      const option = screen.getByLabelText(/Claim for me after execution/);
      expect(option).not.toBeChecked();
      expect(screen.getByRole('button', { name: 'Mint long' })).toBeEnabled();
      fireEvent.click(option);
      // The gas price is unreachable here, so the reward stays unknown and the commit waits for it.
      expect(await screen.findByText('Reading the gas price to price the claim…')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Mint long' })).toBeDisabled();
      fireEvent.click(option);
      expect(screen.getByRole('button', { name: 'Mint long' })).toBeEnabled();
    });

    it('refuses a mint that would give no token, naming the least that gives one, and shows no preview', async () => {
      // The long token is worth 1.5 OHM: one unit of OHM buys no token unit.
      const pool = poolSnapshot({
        name: '3-ETH/USD+OHM',
        address: '0x0000000000000000000000000000000000000002',
        collateral: 'OHM',
        leverage: 3,
        long: '1500',
        short: '1000',
      });
      await connected(withUser(pool, parseUnits('1', 9)));
      type('0.000000001');
      expect(
        await screen.findByText(
          'This mint would give you 0 L tokens: the smallest mint that gives at least one unit (0.000000001 L tokens) is 0.000000002 OHM.',
        ),
      ).toBeInTheDocument();
      expect(screen.queryByText('Expected L tokens')).toBeNull();
      type('0.000000002');
      expect(await screen.findByText('Expected L tokens')).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Mint long' })).toBeEnabled();
    });

    it('says, next to the figures, how far the keeper’s estimated reward may move them', async () => {
      // Inside the front-running window: the commit waits for the upkeep after the coming one.
      const pool = ohmPool({ lastPriceTimestamp: NOW - 55 });
      await connected(withUser(pool, parseUnits('100', 9)));
      type('100');
      expect(
        await screen.findByText(/real gas is known only when it runs, so you may get up to/),
      ).toBeInTheDocument();
    });

    it('shows the balance and fills Max in the notation the field reads', async () => {
      // In German "128,009" is 128 and a bit: the hint, the placeholder and Max follow the locale the field reads.
      Object.defineProperty(window.navigator, 'language', { value: 'de-DE', configurable: true });
      try {
        const pool = withUser(OHM_POOL, 0n);
        const held = parseUnits('128009.010092818', 9);
        await connected({ ...pool, user: { ...pool.user!, settlementWallet: held } });
        expect(await screen.findByText('Wallet: 128.009 OHM')).toBeInTheDocument();
        expect(amount()).toHaveAttribute('placeholder', '0,0');
        fireEvent.click(screen.getByRole('button', { name: 'Max' }));
        expect(amount()).toHaveValue('128009,010092818');
        expect(amount()).not.toHaveAttribute('aria-invalid');
        expect(screen.queryByRole('alert')).toBeNull();
      } finally {
        Reflect.deleteProperty(window.navigator, 'language');
      }
      expect(window.navigator.language).toBe('en-US');
    });

    it('refuses to trade on a paused pool', async () => {
      await connected(withUser({ ...OHM_POOL, paused: true }, 0n));
      type('1');
      expect(await screen.findByRole('button', { name: 'Pool paused' })).toBeDisabled();
    });

    it('after a reload, says the same commit is in flight and holds it back until a second is asked for', async () => {
      // What the transactor remembered before the reload: a mint long on this pool, sent, fate unknown.
      rememberSent({
        hash: `0x${'ab'.repeat(32)}`,
        chainId: 31337,
        account: TEST_USER,
        label: 'Mint long 0.5 OHM',
        sentAt: Date.now() - 20_000,
        intent: {
          kind: 'commit',
          pool: OHM_POOL.info.address,
          commitType: CommitType.LongMint,
          amount: 500_000_000n,
          fromEscrow: false,
        },
        refresh: [],
      });
      await connected(withUser(OHM_POOL, parseUnits('1', 9)));
      expect(await screen.findByText('Sent, not yet confirmed')).toBeInTheDocument();
      expect(screen.getByText(/Mint long 0\.5 OHM, sent \d+ s ago/)).toBeInTheDocument();
      type('0.5');
      const held = screen.getByRole('button', { name: 'Waiting for your commit to be mined…' });
      expect(held).toBeDisabled();
      fireEvent.click(screen.getByRole('button', { name: 'I want a second commit' }));
      expect(screen.getByRole('button', { name: 'Mint long' })).toBeEnabled();
    });
  });
});
