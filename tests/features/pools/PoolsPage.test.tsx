/**
 * The pools page with a look-alike added by address (docs/protocol.md §8): it is never drawn among the
 * Olympus pools, but apart, under a heading that says it is not an Olympus pool and why that matters, with no
 * Trade action, in the table on wide screens and in the cards on phones. The page's data hook is replaced
 * by fixed rows: nothing reaches a network.
 */
import { fireEvent, screen, within } from '@testing-library/react';
import { arbitrum } from 'viem/chains';
import { describe, expect, it, vi } from 'vitest';
import type { PoolSnapshot } from '../../../src/chain/pools/poolSnapshot.ts';
import { poolLink } from '../../../src/features/pools/links.ts';
import { PoolCards } from '../../../src/features/pools/PoolCards.tsx';
import { PoolsPage } from '../../../src/features/pools/PoolsPage.tsx';
import { type PoolRowView, poolRowView, splitByVerification } from '../../../src/features/pools/poolView.ts';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { NOW, poolsSnapshot, samplePools } from '../../fixtures/pools.ts';
import { renderInRouter, renderWithWallet } from '../../ui/renderWithWallet.tsx';

const page = vi.hoisted(() => ({
  rows: [] as PoolRowView[],
  registryError: null as unknown,
  refetch: (): unknown => undefined,
}));

vi.mock('../../../src/features/pools/usePoolRows.ts', () => ({
  usePoolRows: () => ({
    rows: page.rows,
    registry: {
      data: {
        pools: page.rows.map((r) => r.snapshot.info),
        rejected: [],
        otherCollateralCount: 0,
        unverifiedCount: 0,
        factoryPoolCount: BigInt(page.rows.length),
      },
      refetch: () => page.refetch(),
    },
    registryError: page.registryError,
    chainId: 31337,
    chainNow: NOW,
    freshness: { kind: 'live', ageSeconds: 1, blockNumber: 100n },
    malformed: [],
    checksumFailed: [],
    requested: [],
  }),
}));

const devnetChain = { ...arbitrum, id: 31337, name: 'Olympus devnet' };
const { btc, eth } = samplePools();
const LOOKALIKE = '0x00000000000000000000000000000000000000ee' as const;
/** Deployed by someone else over their own feed, under the Olympus pool's very name. */
const lookalike: PoolSnapshot = {
  ...btc,
  info: {
    ...btc.info,
    address: LOOKALIKE,
    imported: true,
    verification: { verified: false, failures: ['deployer', 'governance', 'marketFeed'] },
  },
};
const snapshot = poolsSnapshot([btc, eth, lookalike]);
const rows = snapshot.pools.map((p) => poolRowView(p, snapshot, NOW, 120));

const hrefsIn = (element: HTMLElement, name: string) =>
  within(element)
    .getAllByRole('link', { name })
    .map((link) => link.getAttribute('href'));

describe('pools list with a pool added by address that is not an Olympus pool', () => {
  it('splits the rows by verification', () => {
    const { olympus, unverified } = splitByVerification(rows);
    expect(olympus.map((r) => r.address)).toEqual([btc.info.address, eth.info.address]);
    expect(unverified.map((r) => r.address)).toEqual([LOOKALIKE]);
  });

  it('lists it apart from the Olympus pools, under its own warning, with nothing to trade', async () => {
    page.rows = rows;
    renderWithWallet(<PoolsPage />, { appChains: [devnetChain], devnet: DEVNET_FIXTURE });

    const olympusTable = await screen.findByRole('table', { name: /^Olympus pools/ });
    // Same name, so told apart by where each link leads: only the Olympus pool is in the Olympus list.
    expect(hrefsIn(olympusTable, '3-BTC/USD+gOHM')).toEqual([`#${poolLink(btc.info.address)}`]);
    expect(within(olympusTable).queryByText('not an Olympus pool')).toBeNull();

    const heading = screen.getByRole('heading', { level: 2, name: 'Not Olympus pools' });
    const section = heading.closest('section');
    if (!section) throw new Error('the warning heading heads no section');
    expect(section).toHaveTextContent(/Whoever controls them can\s+move their price/);
    const apart = within(section).getByRole('table', { name: /^Pools that are not Olympus pools/ });
    expect(hrefsIn(apart, '3-BTC/USD+gOHM')).toEqual([`#${poolLink(LOOKALIKE)}`]);
    expect(within(apart).queryByRole('link', { name: /^Trade/ })).toBeNull();
    // The Olympus pools keep their Trade action.
    expect(within(olympusTable).getAllByRole('link', { name: /^Trade/ })).toHaveLength(2);
  });

  it('on a phone, draws it as a card in a list of its own, with nothing to trade', () => {
    const { unverified } = splitByVerification(rows);
    renderInRouter(<PoolCards rows={unverified} unit="collateral" chainNow={NOW} unverified />);
    const list = screen.getByRole('list', { name: 'Pools that are not Olympus pools' });
    expect(within(list).getByRole('article', { name: '3-BTC/USD+gOHM' })).toBeInTheDocument();
    expect(within(list).queryByRole('link', { name: /^Trade/ })).toBeNull();
  });
});

describe('pools page head', () => {
  it('says the pool list failed in the app’s words, and its Retry reads the list again', () => {
    const refetch = vi.fn();
    Object.assign(page, { rows: [], registryError: new Error('fetch failed'), refetch });
    renderWithWallet(<PoolsPage />, { appChains: [devnetChain], devnet: DEVNET_FIXTURE });
    expect(screen.getByText(/Could not read the pools\./)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    expect(refetch).toHaveBeenCalledOnce();
    Object.assign(page, { registryError: null, refetch: () => undefined });
  });
});
