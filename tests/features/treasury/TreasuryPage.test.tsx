/**
 * The treasury page's form in jsdom: each bad field refused with its one sentence and nothing offered to
 * send, the pool's name as the factory will build it, and the warning for an account that is not the
 * treasury. The RPC is a closed port here, so every feed read fails, which the form says too.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { arbitrum } from 'viem/chains';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { connect } from 'wagmi/actions';
import type { Deployment } from '../../../contracts-abi/deployment.ts';
import { TreasuryPage } from '../../../src/features/treasury/TreasuryPage.tsx';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { linkQuery } from '../../ui/linkQuery.ts';
import { renderWithWallet, TEST_USER } from '../../ui/renderWithWallet.tsx';

// The pools list already shows one Olympus pool, 1-ETH/USD+OHM: what a launch under its name is warned of.
vi.mock('../../../src/chain/react/usePools.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../src/chain/react/usePools.ts')>();
  const { poolSnapshot } = await import('../../fixtures/pools.ts');
  const listed = poolSnapshot({
    name: '1-ETH/USD+OHM',
    address: '0x00000000000000000000000000000000000000a7',
    collateral: 'OHM',
    leverage: 1,
    long: '1',
    short: '1',
  }).info;
  const registry = { pools: [listed], rejected: [], otherCollateralCount: 0, unverifiedCount: 0 };
  return { ...actual, usePoolRegistry: () => ({ data: { ...registry, factoryPoolCount: 1n } }) };
});

const devnetChain = { ...arbitrum, id: 31337, name: 'Olympus devnet' };
const ETH_USD = '0x00000000000000000000000000000000000000f1';
const devnet: Deployment = {
  ...DEVNET_FIXTURE,
  feeds: [
    { pair: 'ETH/USD', feed: ETH_USD, wrapper: '0x00000000000000000000000000000000000000e1', decimals: 8 },
    {
      pair: 'ETH/gOHM',
      feed: '0x00000000000000000000000000000000000000f2',
      wrapper: '0x00000000000000000000000000000000000000e2',
      decimals: 8,
    },
  ],
};

function open(query: string) {
  window.history.replaceState(null, '', `/#/treasury${query}`);
  return renderWithWallet(<TreasuryPage />, { appChains: [devnetChain, arbitrum], devnet });
}

const alerts = () => screen.queryAllByRole('alert').map((a) => a.textContent ?? '');

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('TreasuryPage', () => {
  it('refuses each bad field from a link with one sentence, and offers nothing to send', async () => {
    open(
      '?feed=0x1234&leverage=0&collateral=USDC&update=60&frontRunning=60&mintFee=101&burnFee=10.5&change=abc',
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Treasury' })).toBeInTheDocument();
    const expected = [
      '“0x1234” is not an address: it is 0x followed by 40 hexadecimal characters.',
      'The leverage cannot be 0: the factory refuses it.',
      '“USDC” is not an Olympus collateral: choose OHM or gOHM.',
      'Enter a settlement/ETH feed: no ETH/USDC feed is known on this chain.',
      'The front-running interval must be shorter than the update interval (60 seconds).',
      'The minting fee can be at most 100%.',
      'The burning fee can be at most 10%: the committer refuses more.',
      'Enter a percentage, like 0.5.',
    ];
    await waitFor(() => expect(alerts()).toEqual(expect.arrayContaining(expected)));
    expect(screen.queryByRole('button', { name: /Send step/ })).toBeNull();
  });

  // A message can come a render after its keystroke (a CI run under load saw one missing on the spot): each is
  // waited for.
  it('refuses what is typed, field by field, and names the pool as the factory will', async () => {
    const user = userEvent.setup();
    open(`?feed=${ETH_USD}`);
    // The known feed's pair names the market; the factory puts the leverage in front.
    expect(await screen.findByText('2-ETH/USD+gOHM')).toBeInTheDocument();
    const leverage = screen.getByLabelText('Leverage');
    for (const [text, message] of [
      ['x', 'The leverage is a whole number, like 2.'],
      ['70000', 'The leverage can be at most 65535: the contracts keep it in 16 bits.'],
    ] as const) {
      await user.clear(leverage);
      await user.type(leverage, text);
      await waitFor(() => expect(alerts()).toContain(message));
      expect(leverage).toHaveAttribute('aria-invalid', 'true');
    }
    await user.clear(leverage);
    await user.type(leverage, '3');
    expect(await screen.findByText('3-ETH/USD+gOHM')).toBeInTheDocument();
    await user.click(screen.getByLabelText('OHM'));
    expect(await screen.findByText('3-ETH/USD+OHM')).toBeInTheDocument();
    // No ETH/OHM feed is known in this deployment: the settlement feed must then be typed.
    await waitFor(() =>
      expect(alerts()).toContain('Enter a settlement/ETH feed: no ETH/OHM feed is known on this chain.'),
    );

    const update = screen.getByLabelText('Update interval (seconds)');
    await user.clear(update);
    await user.type(update, '0');
    await waitFor(() => expect(alerts()).toContain('The update interval must be at least 1 second.'));
    const mint = screen.getByLabelText('Minting fee (%)');
    await user.clear(mint);
    await user.type(mint, '0.00000000000000001');
    await waitFor(() => expect(alerts()).toContain('Use at most 16 digits after the point.'));
    await user.clear(mint);
    await user.type(mint, '-1');
    await waitFor(() => expect(alerts()).toContain('A fee cannot be negative.'));
    const market = screen.getByLabelText('Market');
    await user.type(market, 'ETH USD');
    await waitFor(() => expect(alerts()).toContain('Name the market as BASE/QUOTE, like ETH/USD.'));
    // nuqs writes the link a moment after an edit, every queued field at once: wait for the last edit to land,
    // so that nothing of this test is written into the next one's link.
    await waitFor(() => expect(linkQuery().get('market')).toBe('ETH USD'));
  });

  it('warns before anything is sent of a front-running interval of 0 and of a pool name already listed', async () => {
    open(`?feed=${ETH_USD}&leverage=1&collateral=OHM&update=60&frontRunning=0`);
    expect(await screen.findByText('1-ETH/USD+OHM')).toBeInTheDocument();
    await waitFor(() =>
      expect(alerts()).toEqual(
        expect.arrayContaining([
          'With no front-running interval, a commit sent just before an upkeep executes at that upkeep, at a price the committer may already see in the feed, so they can trade on a known price at the expense of the other holders.',
          'A pool named 1-ETH/USD+OHM already exists at 0x00000000000000000000000000000000000000a7: a second one would appear under the same name in the pools list, and holders could not tell them apart by name.',
        ]),
      ),
    );
    // A warning, not a refusal: the field is not marked invalid.
    expect(screen.getByLabelText('Front-running interval (seconds)')).not.toHaveAttribute('aria-invalid');
  });

  it('says when a feed cannot be read', async () => {
    open(`?feed=${ETH_USD}`);
    await waitFor(
      () => expect(alerts().some((a) => a.startsWith('The feed could not be read:'))).toBe(true),
      {
        timeout: 5000,
      },
    );
  });

  it('warns an account that is not the treasury, and shows no step until the launch is valid', async () => {
    const { wagmi } = open(`?feed=${ETH_USD}`);
    await act(async () => {
      await connect(wagmi, { connector: wagmi.connectors[0]!, chainId: 31337 });
    });
    expect(
      await screen.findByText(new RegExp(`You are connected as ${TEST_USER}, not the Olympus treasury`)),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/receives (10%|the factory’s share) of its\s+management fees/),
    ).toBeInTheDocument();
    expect(
      await screen.findByText(/Fill in every field to see the steps|Checking what is already/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Send step/ })).toBeNull();
  });

  it('wires each text field to its value in the link, its input mode and its hint', async () => {
    open('?market=BTC%2FUSD&leverage=4&update=3600&frontRunning=300&mintFee=0.5&burnFee=0.25&change=1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Treasury' })).toBeInTheDocument();
    const fields: Array<[label: string, value: string, inputMode: string, hint: string | undefined]> = [
      ['Market', 'BTC/USD', 'text', undefined],
      ['Leverage', '4', 'numeric', 'A whole number from 1 to 65535.'],
      ['Update interval (seconds)', '3600', 'numeric', 'How often the pool rebalances.'],
      [
        'Front-running interval (seconds)',
        '300',
        'numeric',
        'Commits made this close to a rebalance wait for the next.',
      ],
      ['Minting fee (%)', '0.5', 'decimal', 'Of each mint; at most 100.'],
      ['Burning fee (%)', '0.25', 'decimal', 'Of each burn; at most 10.'],
      ['Change interval (%)', '1', 'decimal', 'How far the minting fee moves per rebalance.'],
    ];
    for (const [label, value, inputMode, hint] of fields) {
      const input = screen.getByLabelText(label);
      expect([label, input]).toEqual([label, expect.objectContaining({ value })]);
      expect(input).toHaveAttribute('inputmode', inputMode);
      const described = input.getAttribute('aria-describedby') ?? '';
      const hints = described.split(' ').filter((id) => id.endsWith('-hint'));
      expect([label, hints.map((id) => document.getElementById(id)?.textContent)]).toEqual([
        label,
        hint === undefined ? [] : [hint],
      ]);
    }
    // Every field has an id of its own.
    const ids = fields.map(([label]) => screen.getByLabelText(label).id);
    expect(new Set(ids).size).toBe(fields.length);
  });
});
