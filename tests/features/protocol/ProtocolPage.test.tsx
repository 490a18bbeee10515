/**
 * The protocol page from canned indexer answers: every pool's rows in its charts' tables and exact totals; the
 * plain sentence where no indexer runs (and no figure); an indexer that fails, in the app's words only.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Address } from 'viem';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PoolDayFigures } from '../../../src/chain/history/indexerApi.ts';
import type { ProtocolDaysOutcome } from '../../../src/chain/history/protocolDays.ts';
import { NO_INDEXER_TEXT, ProtocolPage } from '../../../src/features/protocol/ProtocolPage.tsx';
import { poolDay } from '../../fixtures/protocolDays.ts';

const BTC = '0x00000000000000000000000000000000000000b1' as Address;
const ETH = '0x00000000000000000000000000000000000000e2' as Address;
const D0 = 20_400 * 86_400;

const state = vi.hoisted(() => ({
  query: {} as { data?: ProtocolDaysOutcome; error?: Error | null },
  refetch: vi.fn(),
}));

vi.mock('../../../src/chain/react/useProtocolDays.ts', () => ({
  useProtocolDays: () => ({ error: null, ...state.query, refetch: state.refetch }),
}));

vi.mock('../../../src/chain/react/usePools.ts', () => ({
  usePoolRegistry: () => ({
    data: {
      pools: [
        { address: BTC, name: '3-BTC/USD+gOHM', collateral: { symbol: 'gOHM', decimals: 18 } },
        { address: ETH, name: '1-ETH/USD+OHM', collateral: { symbol: 'OHM', decimals: 9 } },
      ],
    },
  }),
}));

function day(pool: Address, n: number, figures: Partial<PoolDayFigures>): PoolDayFigures {
  return poolDay(pool, D0 + n * 86_400, { commits: 1, ...figures });
}

const figures = (days: PoolDayFigures[]): ProtocolDaysOutcome => ({
  kind: 'figures',
  days,
  indexedTo: 1234n,
  indexedAt: 1_800_000_000,
});

beforeEach(() => {
  state.query = {};
  state.refetch.mockReset();
});

describe('protocol page', () => {
  it("draws every pool's days in its tables, with exact totals and the treasury's", async () => {
    state.query = {
      data: figures([
        day(BTC, 1, { longBalance: 10n ** 18n, shortBalance: 1n, secondaryFees: 3n, primaryFees: 27n }),
        day(BTC, 0, { longBalance: 5n, shortBalance: 5n, mintVolume: 2n * 10n ** 18n }),
        day(ETH, 0, { longBalance: 1_500_000_000n, shortBalance: 0n, secondaryFees: 100_000_000n }),
      ]),
    };
    render(<ProtocolPage />);
    expect(screen.getByRole('heading', { name: 'Protocol' })).toBeInTheDocument();
    const totals = screen.getByRole('table', { name: /Totals of every Olympus pool/ });
    // To the last wei, never rounded through a float.
    expect(within(totals).getByTestId('treasury-total-gOHM')).toHaveTextContent('0.000000000000000003 gOHM');
    expect(within(totals).getByTestId('treasury-total-OHM')).toHaveTextContent('0.1 OHM');
    expect(within(totals).getByRole('row', { name: /gOHM/ })).toHaveTextContent('1.000000000000000001 gOHM');
    expect(within(totals).getByRole('row', { name: /gOHM/ })).toHaveTextContent('10.00%');

    const btc = screen.getByRole('heading', { name: '3-BTC/USD+gOHM' }).closest('section')!;
    const figure = (caption: RegExp) => within(btc).getByText(caption).closest('figure')!;
    const tvl = (await within(btc).findByText(/^TVL of 3-BTC\/USD\+gOHM/)).closest('figure')!;
    await userEvent.click(within(tvl).getByText('Show as a table'));
    const rows = within(within(tvl).getByRole('table')).getAllByRole('row').slice(1);
    // The days in order, each with its exact TVL.
    expect(rows.map((r) => r.textContent)).toEqual([
      expect.stringMatching(
        /^\d{4}-\d{2}-\d{2}0\.0000000000000000050\.0000000000000000050\.00000000000000001$/,
      ),
      expect.stringMatching(/1\.000000000000000001$/),
    ]);
    const fees = figure(/^Fees of 3-BTC/);
    await userEvent.click(within(fees).getByText('Show as a table'));
    expect(within(fees).getByRole('columnheader', { name: /Treasury claimed \(gOHM\)/ })).toBeInTheDocument();
    expect(screen.getByText(/last recorded balances that day/)).toBeInTheDocument();
  });

  it('says plainly that no indexer means no figures, and shows none', () => {
    state.query = { data: { kind: 'no-indexer' } };
    render(<ProtocolPage />);
    expect(screen.getByText(NO_INDEXER_TEXT)).toBeInTheDocument();
    expect(NO_INDEXER_TEXT).toMatch(/need the history indexer/);
    expect(NO_INDEXER_TEXT).toMatch(/not computed from the browser/);
    expect(screen.queryByRole('table')).toBeNull();
    expect(screen.queryByRole('figure')).toBeNull();
  });

  it('says when no pool has recorded a day', () => {
    state.query = { data: figures([]) };
    render(<ProtocolPage />);
    expect(screen.getByText('No Olympus pool has recorded a day yet.')).toBeInTheDocument();
  });

  it("fails in the app's words, not the endpoint's", async () => {
    state.query = { error: new Error('pg: relation "pool_day" does not exist at SELECT secret') };
    render(<ProtocolPage />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/Could not read the protocol's figures/);
    // The endpoint's own text only behind the closed "as it was raised" toggle, never in the sentence.
    const reply = alert.querySelector('details[data-provider-reply]') as HTMLDetailsElement;
    expect(reply.open).toBe(false);
    const sentence = (alert.textContent ?? '').replace(reply.textContent ?? '', '');
    expect(sentence).not.toMatch(/pool_day|secret/);
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(state.refetch).toHaveBeenCalled();
  });

  it('says an indexer that is not answering is not replaced by browser sums', () => {
    state.query = { data: { kind: 'unavailable', why: 'unreachable' } };
    render(<ProtocolPage />);
    expect(screen.getByRole('alert')).toHaveTextContent(
      'The history indexer is not answering, so these figures cannot be shown now. They are not computed from the browser.',
    );
  });
});
