/**
 * The Portfolio's activity rows: each commit shows its execution (pending, or the interval and the token
 * price it executed at, with what it gave) and its fee in collateral, exact on hover and copied whole;
 * AutoClaim rows show their reward in the chain's own currency, not as a fee; a claim has neither.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Chain } from 'viem';
import { arbitrum } from 'viem/chains';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserPoolHistory } from '../../../src/chain/history/userHistory.ts';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { historyPool } from '../../fixtures/pools.ts';
import { ACTIVITY, OHM } from './activityFixture.ts';
import { showHistory } from './showHistory.tsx';

const chain: Chain = { ...arbitrum, id: 31337, name: 'Olympus devnet' };
const pool = historyPool({
  name: '3-ETH/USD+OHM',
  address: '0x00000000000000000000000000000000000000b3',
  collateral: 'OHM',
});

// A mint of 100.123456789 OHM: its 1% fee, 1.001234567 OHM, has more digits than the row shows.
const events = ACTIVITY.events.map((e) =>
  e.kind === 'commit' && e.blockNumber === 200n ? { ...e, amount: 100n * OHM + 123_456_789n } : e,
);
const data: UserPoolHistory[] = [{ ...ACTIVITY, pool, events, secondaryFeePercent: 0n }];

function show() {
  showHistory(data, { appChains: [chain], devnet: DEVNET_FIXTURE });
}

async function rowWith(text: string): Promise<HTMLElement> {
  const table = await screen.findByRole('table');
  const row = within(table)
    .getAllByRole('row')
    .find((r) => r.textContent?.includes(text));
  if (!row) throw new Error(`no row with ${text}`);
  return row;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the activity rows', () => {
  it("heads the table's execution and fee columns", async () => {
    show();
    const table = await screen.findByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Execution' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: 'Fees' })).toBeInTheDocument();
  });

  it('shows an executed mint: its interval, the price it executed at, the tokens it gave, and its fee', async () => {
    show();
    const row = await rowWith('Mint short');
    expect(row).toHaveTextContent('Interval 8 at 2 OHM per token');
    // 100.123456789 less its fee 1.001234567, at 2 OHM a token: 49.561111111 S tokens.
    expect(within(row).getByTitle('49.561111111 S tokens')).toHaveTextContent('49.5611 S tokens');
    const fee = within(row).getByTitle('1.001234567 OHM');
    expect(fee).toHaveTextContent('1.00123 OHM');
  });

  it('copies the exact fee', async () => {
    show();
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const row = await rowWith('Mint short');
    fireEvent.click(within(row).getByRole('button', { name: 'Copy the exact fee' }));
    await waitFor(() => expect(writeText).toHaveBeenCalledWith('1.001234567'));
  });

  it("shows an executed burn's collateral and fee, and a pending burn as pending, its fee not known yet", async () => {
    show();
    const rows = (await screen.findAllByRole('row')).filter((r) => r.textContent?.includes('Burn short'));
    expect(rows).toHaveLength(2);
    const [pending, executed] = rows as [HTMLElement, HTMLElement];
    expect(executed).toHaveTextContent('Interval 9 at 2 OHM per token');
    expect(within(executed).getByTitle('39.8 OHM')).toBeInTheDocument();
    expect(within(executed).getByTitle('0.2 OHM')).toBeInTheDocument();
    expect(pending).toHaveTextContent('Pending (interval 10)');
    expect(pending).toHaveTextContent('at execution');
    expect(within(pending).queryByRole('button', { name: /Copy/ })).toBeNull();
  });

  it('shows AutoClaim rewards in ETH, never as a collateral fee, and a claim with no amount or fee', async () => {
    show();
    const request = await rowWith('Paid AutoClaim');
    expect(request).toHaveTextContent('0.001 ETH reward offered');
    const paid = await rowWith('Claimed for you by AutoClaim');
    expect(paid).toHaveTextContent('0.001 ETH reward paid');
    const claim = await rowWith('Claimed escrow to wallet');
    for (const row of [request, paid, claim]) {
      const cells = within(row).getAllByRole('cell');
      // Execution and fees: none.
      expect(cells[4]).toHaveTextContent(/^—$/);
      expect(cells[5]).toHaveTextContent(/^—$/);
      // Nothing in collateral (the pool's name aside).
      for (const cell of cells.slice(3)) expect(cell).not.toHaveTextContent('OHM');
    }
    expect(within(claim).getAllByRole('cell')[3]).toHaveTextContent(/^—$/);
  });
});
