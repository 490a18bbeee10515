/**
 * The Portfolio history's filters (docs/ledger.md, "Filters"): labelled native selects for pool, side and
 * type whose choices go into the link; a link with a filter opens on only its rows; a linked pool the account
 * has no event in is said in one sentence and all pools shown; an empty result offers to clear; and "Export"
 * downloads exactly the rows shown.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { getAddress } from 'viem';
import { arbitrum } from 'viem/chains';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HISTORY, tx } from './ledgerFixture.ts';
import { showHistory } from './showHistory.tsx';

const devnet = { ...arbitrum, id: 42161, blockExplorers: undefined };
const BTC = '0x00000000000000000000000000000000000000b1';
const ETH = '0x00000000000000000000000000000000000000b2';

// The fixture as the card's query answers it (the fields the card does not read are left empty).
const data = HISTORY.map((h) => ({
  ...h,
  events: [...h.events],
  priceHistory: new Map(),
  burnFeeHistory: new Map(),
  updateIntervalId: 0n,
  mintingFeeWad: 0n,
})) as never;

function open(query = '') {
  window.history.replaceState(null, '', `/#/portfolio${query}`);
  showHistory(data, { appChains: [devnet] });
}

/** The transactions of the table's rows, by the number the fixture gave them, newest first. */
function rows(): number[] {
  const table = screen.getByRole('table');
  return within(table)
    .getAllByTitle(/^0x[0-9a-f]{64}$/)
    .map((cell) => Number.parseInt(cell.getAttribute('title')!.slice(2), 16));
}

const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  vi.restoreAllMocks();
  URL.createObjectURL = objectUrls.create;
  URL.revokeObjectURL = objectUrls.revoke;
  window.history.replaceState(null, '', '/');
});

describe('the history filters', () => {
  it('are labelled native selects, "All" by default, offering only the pools the account has events in', async () => {
    open();
    const pool = await screen.findByRole('combobox', { name: 'Pool' });
    const side = screen.getByRole('combobox', { name: 'Side' });
    const type = screen.getByRole('combobox', { name: 'Type' });
    for (const select of [pool, side, type]) {
      expect(select.tagName).toBe('SELECT');
      // As tall as a fingertip on a touch screen (the phone journey measures it).
      expect(select.className).toContain('pointer-coarse:min-h-11');
    }
    expect((pool as HTMLSelectElement).value).toBe('');
    expect(
      within(pool)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All pools', '3-ETH/USD+OHM', HISTORY[0]!.pool.name]);
    expect(
      within(type)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['All types', 'Mint', 'Burn', 'Flip', 'Transfer in', 'Transfer out', 'Claims']);
    expect(rows()).toEqual([6, 5, 4, 3, 2, 1]);
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull();
  });

  it('puts a choice in the link and shows only the matching rows', async () => {
    open();
    fireEvent.change(await screen.findByRole('combobox', { name: 'Side' }), { target: { value: 'long' } });
    await waitFor(() => expect(window.location.hash).toContain('side=long'));
    await waitFor(() => expect(rows()).toEqual([5, 4, 1]));
    fireEvent.change(screen.getByRole('combobox', { name: 'Pool' }), { target: { value: getAddress(BTC) } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Type' }), { target: { value: 'mint' } });
    await waitFor(() => expect(window.location.hash).toContain('type=mint'));
    // The link carries the pool checksummed, however the history spelt it.
    expect(window.location.hash).toContain(`pool=${getAddress(BTC)}`);
    await waitFor(() => expect(rows()).toEqual([1]));

    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(window.location.hash).toBe('#/portfolio'));
    await waitFor(() => expect(rows()).toEqual([6, 5, 4, 3, 2, 1]));
  });

  it('puts the order in the link, and keeps it when the filters are cleared', async () => {
    open('?side=short');
    fireEvent.change(await screen.findByRole('combobox', { name: 'Order' }), { target: { value: 'oldest' } });
    await waitFor(() => expect(window.location.hash).toContain('order=oldest'));
    await waitFor(() => expect(rows()).toEqual([2, 3, 5, 6]));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(rows()).toEqual([1, 2, 3, 4, 5, 6]));
    expect(window.location.hash).toBe('#/portfolio?order=oldest');
  });

  it('opens a link with a filter on only its rows', async () => {
    open(`?pool=${ETH}&side=short&type=mint`);
    await screen.findByRole('table');
    await waitFor(() => expect(rows()).toEqual([3]));
    expect((screen.getByRole('combobox', { name: 'Pool' }) as HTMLSelectElement).value).toBe(ETH);
    expect((screen.getByRole('combobox', { name: 'Side' }) as HTMLSelectElement).value).toBe('short');
    expect((screen.getByRole('combobox', { name: 'Type' }) as HTMLSelectElement).value).toBe('mint');
  });

  it('ignores malformed values, and says so in one sentence for a pool the account has no history in', async () => {
    open(`?pool=0x${'d'.repeat(40)}&side=sideways&type=flip`);
    await screen.findByRole('table');
    expect(
      screen.getByText('This link filters on a pool you have no history in; showing all pools.'),
    ).toBeInTheDocument();
    expect(rows()).toEqual([5]);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('says when nothing matches, with a way out', async () => {
    open(`?pool=${BTC}&type=burn`);
    expect(await screen.findByText('No event matches these filters.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(screen.getByRole('table')).toBeInTheDocument());
    expect(rows()).toHaveLength(6);
  });

  it('exports only the rows the filter shows, in a file named as filtered', async () => {
    open('?type=mint');
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:ledger';
    });
    URL.revokeObjectURL = vi.fn();
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Export these 2 rows as CSV' }));
    await waitFor(() => expect(blobs).toHaveLength(1));
    const lines = (await blobs[0]!.text()).split('\r\n').filter((l) => l !== '');
    expect(lines).toHaveLength(3);
    expect(lines.slice(1).map((l) => l.split(',')[3])).toEqual([tx(1), tx(3)]);
    expect(clicked[0]?.download).toMatch(/^olympus-pools-ledger-42161-\d{4}-\d{2}-\d{2}-filtered\.csv$/);
  });
});
