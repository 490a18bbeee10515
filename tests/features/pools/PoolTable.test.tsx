import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PoolTable } from '../../../src/features/pools/PoolTable.tsx';
import { TradeAction } from '../../../src/features/pools/poolColumns.tsx';
import { poolRowView } from '../../../src/features/pools/poolView.ts';
import { tradeLink } from '../../../src/features/trade/links.ts';
import { NOW, poolsSnapshot, samplePools } from '../../fixtures/pools.ts';
import { renderInRouter } from '../../ui/renderWithWallet.tsx';

const { btc, eth, paused } = samplePools();
const snapshot = poolsSnapshot([btc, eth, paused]);
const rows = snapshot.pools.map((p) => poolRowView(p, snapshot, NOW, 120));

function rowOf(name: string): HTMLElement {
  const row = screen.getByRole('link', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
}

describe('PoolTable with a fixed pool state', () => {
  it('shows skew, rebalancing rate and effective leverage from the side balances', () => {
    renderInRouter(<PoolTable rows={rows} unit="collateral" chainNow={NOW} />);
    const row = within(rowOf('3-BTC/USD+gOHM'));
    // 1200 / 800: skew 1.5, rate +50%; longs gain 3/1.5 = 2x, shorts 3·1.5 = 4.5x, both lose 3x.
    expect(row.getByText('1.5')).toBeInTheDocument();
    expect(row.getByText('rate +50%')).toBeInTheDocument();
    expect(row.getByText('2x / 3x')).toBeInTheDocument();
    expect(row.getByText('4.5x / 3x')).toBeInTheDocument();
  });

  it('keeps long on the L line and short on the S line', () => {
    renderInRouter(<PoolTable rows={rows} unit="collateral" chainNow={NOW} />);
    const row = within(rowOf('3-BTC/USD+gOHM'));
    expect(row.getByText('1,200').closest('.font-mono')?.parentElement?.textContent).toMatch(/^L1,200/);
    expect(row.getByText('800').closest('.font-mono')?.parentElement?.textContent).toMatch(/^S800/);
    // Token prices: 1200 / 1000 and 800 / 1000 settlement per token.
    expect(row.getByText(/^1\.2$/)).toBeInTheDocument();
    expect(row.getByText(/^0\.8$/)).toBeInTheDocument();
  });

  it('counts down to the next rebalance, says when the keeper is late, and marks a paused pool', () => {
    renderInRouter(<PoolTable rows={rows} unit="collateral" chainNow={NOW} />);
    expect(within(rowOf('3-BTC/USD+gOHM')).getByText('30s')).toBeInTheDocument();
    expect(within(rowOf('1-ETH/USD+OHM')).getByText('Waiting for keeper')).toBeInTheDocument();
    expect(within(rowOf('3-ETH/USD+OHM')).getAllByText(/paused/i).length).toBeGreaterThan(0);
  });

  it('shows balances in USD through the collateral price when asked', () => {
    renderInRouter(<PoolTable rows={rows} unit="usd" chainNow={NOW} />);
    // 1200 gOHM at $5,000.
    expect(within(rowOf('3-BTC/USD+gOHM')).getByText('$6,000,000.00')).toBeInTheDocument();
  });
});

describe('the Trade action, in the table and in the cards', () => {
  it('links each Olympus pool to its trade page under the pool’s name, and offers none for other pools', () => {
    const row = rows[0]!;
    renderInRouter(
      <>
        <TradeAction row={row} unverified={false} className="table-look" />
        <TradeAction row={row} unverified className="card-look" />
      </>,
    );
    const links = screen.getAllByRole('link', { name: `Trade ${row.name}` });
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveTextContent('Trade');
    expect(links[0]).toHaveClass('table-look');
    expect(links[0]?.getAttribute('href')).toBe(`#${tradeLink({ pool: row.address })}`);
  });
});
