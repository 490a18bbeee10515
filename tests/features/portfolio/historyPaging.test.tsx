/**
 * The Portfolio's history draws a page of rows at a time, newest first, and "Show older" adds the next page.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { arbitrum } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import type { UserPoolHistory } from '../../../src/chain/history/userHistory.ts';
import { LEDGER_PAGE_ROWS as HISTORY_PAGE } from '../../../src/chain/history/userLedger.ts';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { historyPool } from '../../fixtures/pools.ts';
import { showHistory } from './showHistory.tsx';

const pool = historyPool();

const COUNT = HISTORY_PAGE * 2 + 7;
const data: UserPoolHistory[] = [
  {
    pool,
    events: Array.from({ length: COUNT }, (_, i) => ({
      kind: 'transfer' as const,
      blockNumber: BigInt(100 + i),
      logIndex: 0,
      transactionHash: `0x${(i + 1).toString(16).padStart(64, '0')}` as const,
      side: 'long' as const,
      direction: 'in' as const,
      amount: BigInt(i + 1),
    })),
    priceHistory: new Map(),
    burnFeeHistory: new Map(),
    updateIntervalId: 3n,
    mintingFeeWad: 0n,
    secondaryFeePercent: 0n,
  },
];

describe('the history table, a page at a time', () => {
  it('draws the newest page, then one more page per click, and says how many there are', async () => {
    showHistory(data, { appChains: [{ ...arbitrum, id: 31337 }], devnet: DEVNET_FIXTURE });
    const table = await screen.findByRole('table');
    const rows = () => within(table).getAllByRole('row').length - 1;
    expect(rows()).toBe(HISTORY_PAGE);
    // Newest first: the last event's block heads the table.
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(`block ${100 + COUNT - 1}`);
    expect(screen.getByText(`Showing the newest ${HISTORY_PAGE} of ${COUNT}.`)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: `Show ${HISTORY_PAGE} older` }));
    await waitFor(() => expect(rows()).toBe(HISTORY_PAGE * 2));
    fireEvent.click(screen.getByRole('button', { name: 'Show 7 older' }));
    await waitFor(() => expect(rows()).toBe(COUNT));
    expect(screen.queryByRole('button', { name: /older$/ })).toBeNull();
  });
});
