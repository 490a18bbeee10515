/**
 * Pool health in jsdom (docs/protocol.md, "Pool health"): the list's badge in each state, and the pool page's
 * section with its "Run upkeep" button (hidden when nothing is due, refused with one sentence on a paused
 * pool or a stale feed, asking for a wallet, showing the reward and the gas). The gas estimate and the
 * pre-send check are the chain layer's (src/chain/react/upkeepCost.ts), replaced here by fixed answers: nothing
 * reaches a network.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { arbitrum } from 'viem/chains';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { connect } from 'wagmi/actions';
import { devnetChainDeployment } from '../../../src/chain/config/chainDeployments.ts';
import type { PoolSnapshot } from '../../../src/chain/pools/poolSnapshot.ts';
import { PoolHealth } from '../../../src/features/pools/PoolHealth.tsx';
import { PoolTable } from '../../../src/features/pools/PoolTable.tsx';
import { poolRowView } from '../../../src/features/pools/poolView.ts';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { NOW, poolSnapshot, poolsSnapshot } from '../../fixtures/pools.ts';
import { renderInRouter, renderWithWallet } from '../../ui/renderWithWallet.tsx';

const chainCalls = vi.hoisted(() => ({ stillRequired: true, checks: 0 }));

vi.mock('../../../src/chain/react/upkeepCost.ts', () => ({
  // 300,000 gas at 1 gwei: 0.0003 ETH.
  useUpkeepCost: (_pool: unknown, _last: unknown, _user: unknown, enabled: boolean) => ({
    data: enabled ? { gas: 300_000n, gasPriceWei: 1_000_000_000n, costWei: 300_000_000_000_000n } : undefined,
    error: null,
  }),
  useReadClient: () => ({}),
  upkeepStillRequired: async () => {
    chainCalls.checks += 1;
    return chainCalls.stillRequired;
  },
}));

const devnetChain = { ...arbitrum, id: 31337, name: 'Olympus devnet' };
const deployment = devnetChainDeployment(DEVNET_FIXTURE);
const MAX_AGE = deployment.priceFeedMaxAgeSeconds;

function pool(overrides: Partial<Parameters<typeof poolSnapshot>[0]> & { address: `0x${string}` }) {
  return poolSnapshot({
    name: '3-ETH/USD+OHM',
    collateral: 'OHM',
    leverage: 3,
    long: '1000',
    short: '1000',
    ...overrides,
  });
}

const rowOf = (snapshot: PoolSnapshot) => poolRowView(snapshot, poolsSnapshot([snapshot]), NOW, MAX_AGE);

describe('health badge in the pools list', () => {
  const pools = [
    pool({ name: '3-BTC/USD+OHM', address: '0x0000000000000000000000000000000000000001' }),
    pool({
      name: '1-BTC/USD+OHM',
      address: '0x0000000000000000000000000000000000000002',
      lastPriceTimestamp: NOW - 190,
    }),
    pool({
      name: '3-ETH/USD+OHM',
      address: '0x0000000000000000000000000000000000000003',
      feedAgeSeconds: 4000,
    }),
    pool({ name: '1-ETH/USD+OHM', address: '0x0000000000000000000000000000000000000004', paused: true }),
  ];
  const snapshot = poolsSnapshot(pools);
  const rows = pools.map((p) => poolRowView(p, snapshot, NOW, MAX_AGE));
  const badgeOf = (name: string) => {
    const row = screen.getByRole('link', { name }).closest('tr');
    if (!row) throw new Error(`no row for ${name}`);
    const badge = row.querySelector('[data-health]');
    if (!badge) throw new Error(`no health badge for ${name}`);
    return badge;
  };

  it('says healthy, late by how many intervals, feed stale, or paused', () => {
    renderInRouter(<PoolTable rows={rows} unit="collateral" chainNow={NOW} />);
    expect(screen.getByRole('columnheader', { name: /Health/ })).toBeInTheDocument();
    expect(badgeOf('3-BTC/USD+OHM')).toHaveTextContent('Healthy');
    expect(badgeOf('1-BTC/USD+OHM')).toHaveTextContent('Late 2 intervals');
    // In the list the detail goes on a line of its own, to keep the column narrow.
    expect(badgeOf('3-ETH/USD+OHM')).toHaveTextContent('Feed stale 66 min old');
    expect(badgeOf('1-ETH/USD+OHM')).toHaveTextContent('Paused');
  });

  it('claims only what the last read showed while the figures are stale', () => {
    // Read on time at NOW; the clock has run ten minutes since, with no fresh read.
    const later = pools.map((p) => poolRowView(p, snapshot, NOW + 600, MAX_AGE));
    renderInRouter(<PoolTable rows={later} unit="collateral" chainNow={NOW + 600} stale />);
    const badge = badgeOf('3-BTC/USD+OHM');
    expect(badge).toHaveTextContent('Healthy');
    expect(badge).toHaveAttribute('title', 'As of the last read: the figures are stale');
  });
});

describe('health section and Run upkeep', () => {
  beforeEach(() => {
    chainCalls.stillRequired = true;
    chainCalls.checks = 0;
  });

  function show(snapshot: PoolSnapshot, staleSeconds?: number) {
    return renderWithWallet(
      <PoolHealth
        row={rowOf(snapshot)}
        chainNow={NOW}
        chainId={31337}
        chainName="Olympus devnet"
        deployment={deployment}
        staleSeconds={staleSeconds}
      />,
      { appChains: [devnetChain], devnet: DEVNET_FIXTURE },
    );
  }

  async function connected(snapshot: PoolSnapshot) {
    const { wagmi } = show(snapshot);
    await act(async () => {
      await connect(wagmi, { connector: wagmi.connectors[0]!, chainId: 31337 });
    });
  }

  const due = pool({ address: '0x0000000000000000000000000000000000000002', lastPriceTimestamp: NOW - 86 });
  const runButton = () => screen.queryByRole('button', { name: 'Run upkeep' });
  /** The reason shown, once it is, and no upkeep to run. */
  async function expectRefused(reason: string) {
    expect(await screen.findByText(reason)).toBeInTheDocument();
    expect(runButton()).toBeDisabled();
  }

  it('shows the upkeep as on time and offers nothing to run when nothing is due', () => {
    show(pool({ address: '0x0000000000000000000000000000000000000002' }));
    expect(screen.getByText('on time')).toBeInTheDocument();
    expect(screen.getByText('Holds')).toBeInTheDocument();
    expect(runButton()).toBeNull();
  });

  it('shows the reward the caller would earn and the gas it costs, and runs once connected', async () => {
    await connected(due);
    const section = screen.getByRole('region', { name: 'Run upkeep' });
    // 300,000 gas → 523,660 OHM units with a 15% tip (tests/features/pools/health.test.ts works it out).
    expect(within(section).getByText('0.00052366 OHM')).toBeInTheDocument();
    expect(within(section).getByText(/tip 15%/)).toBeInTheDocument();
    expect(within(section).getByText('0.0003 ETH')).toBeInTheDocument();
    expect(await screen.findByRole('button', { name: 'Run upkeep' })).toBeEnabled();
  });

  it('asks for a wallet before running, with the connect action', async () => {
    show(due);
    expect(await screen.findByText('Connect a wallet to run this upkeep.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect wallet' })).toBeEnabled();
    expect(runButton()).toBeDisabled();
    // The gas is estimated for the wallet that would send it: none without one.
    expect(screen.queryByText('0.0003 ETH')).toBeNull();
  });

  it('refuses on a paused pool, with one sentence', async () => {
    await connected(
      pool({
        address: '0x0000000000000000000000000000000000000002',
        lastPriceTimestamp: NOW - 86,
        paused: true,
      }),
    );
    expect(
      screen.getByText('The pool is paused: an upkeep reverts until governance unpauses it.'),
    ).toBeInTheDocument();
    expect(runButton()).toBeDisabled();
    expect(
      screen.getByText(/Yes: commits and claims revert until governance unpauses it/),
    ).toBeInTheDocument();
  });

  it('refuses on a stale feed, saying how old it is and what an upkeep would do', async () => {
    await connected(
      pool({
        address: '0x0000000000000000000000000000000000000002',
        lastPriceTimestamp: NOW - 86,
        feedAgeSeconds: 3725,
      }),
    );
    expect(
      screen.getByText(
        'The price feed last updated 62 min ago: an upkeep now would rebalance the pool and execute its commits at that old price.',
      ),
    ).toBeInTheDocument();
    expect(runButton()).toBeDisabled();
  });

  it('refuses on stale figures', async () => {
    show(due, 30);
    expect(
      screen.getByText('These figures are 30 s old: wait for fresh ones before running an upkeep.'),
    ).toBeInTheDocument();
    expect(runButton()).toBeDisabled();
  });

  it('offers nothing to run where the upkeep would pay nothing: an empty pool', async () => {
    // A look-alike nobody minted in: the keeper is paid from the balances the upkeep leaves, and there are none.
    await connected(
      pool({
        address: '0x0000000000000000000000000000000000000002',
        lastPriceTimestamp: NOW - 86,
        long: '0',
        short: '0',
      }),
    );
    await expectRefused(
      'After the upkeep the pool would hold less than this reward, so it would pay you nothing for its gas.',
    );
  });

  it('offers nothing to run where the keeper reward comes to 0', async () => {
    // A settlement/ETH price of 1 wei per ETH: the gas is worth less than one unit of OHM.
    await connected({ ...due, health: { ...due.health, settlementEthPrice: 1n } });
    await expectRefused(
      "The keeper reward comes to 0 OHM at this pool's gas and settlement/ETH prices: the upkeep would cost you gas and pay nothing.",
    );
  });

  it('says when the gas costs more than the reward, and still lets the user choose', async () => {
    // 300,000 gas at 1 gwei (0.0003 ETH) against a reward of about 0.0000035 ETH at 0.01 gwei.
    await connected(due);
    expect(await screen.findByText(/the gas costs more than the reward/)).toBeInTheDocument();
    expect(runButton()).toBeEnabled();
  });

  it('on a pool that is not an Olympus pool, asks for the risk to be accepted before offering the upkeep', async () => {
    const lookalike: PoolSnapshot = {
      ...due,
      info: {
        ...due.info,
        verification: { verified: false, failures: ['deployer', 'settlementEthFeed'] },
      },
    };
    await connected(lookalike);
    const warning = screen.getByRole('alert', { name: '3-ETH/USD+OHM is not an Olympus pool' });
    expect(warning).toHaveTextContent(/not the Olympus treasury/);
    expect(warning).toHaveTextContent(/drain the pool through keeper rewards/);
    expect(runButton()).toBeNull();
    expect(screen.queryByText('0.0003 ETH')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'I understand the risk: let me run this upkeep' }));
    expect(await screen.findByRole('button', { name: 'Run upkeep' })).toBeEnabled();
    expect(screen.queryByRole('alert', { name: '3-ETH/USD+OHM is not an Olympus pool' })).toBeNull();
  });

  it('sends nothing when someone else upkept the pool a moment before', async () => {
    chainCalls.stillRequired = false;
    await connected(due);
    fireEvent.click(await screen.findByRole('button', { name: 'Run upkeep' }));
    expect(
      await screen.findByText('Someone upkept this pool a moment ago: there is nothing left to run.'),
    ).toBeInTheDocument();
    expect(chainCalls.checks).toBe(1);
  });
});
