/**
 * The Simulator page in jsdom. Recharts draws nothing here (its ResponsiveContainer has no size), so these
 * check the figures and tables that carry the same data, the form's errors and the link.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { skewChartData, skewFigures } from '../../../src/features/simulator/chartData.ts';
import { SimulatorPage } from '../../../src/features/simulator/SimulatorPage.tsx';
import { SkewExplorer } from '../../../src/features/simulator/SkewExplorer.tsx';
import { linkQuery } from '../../ui/linkQuery.ts';
import { renderInRouter } from '../../ui/renderWithWallet.tsx';

function open(query: string) {
  window.history.replaceState(null, '', `/#/simulator${query}`);
  return renderInRouter(<SimulatorPage />);
}

/** A <dl> of figures by its aria-label (a description list has no role to query by). */
function figures(label: string): HTMLElement {
  const list = document.querySelector<HTMLElement>(`dl[aria-label="${label}"]`);
  if (!list) throw new Error(`no figures labelled “${label}”`);
  return list;
}

function figure(list: HTMLElement, label: string): string {
  const term = within(list).getByText(label);
  return term.nextElementSibling?.textContent ?? '';
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('SkewExplorer', () => {
  it('shows the seed’s example: a 1x pool at skew 1.1 gives the short 1.1x on gains and 1x on losses', () => {
    render(<SkewExplorer leverage={1} figures={skewFigures(1.1, 1)} rows={skewChartData(1.1, 1)} />);
    const list = figures('Effective leverage at the chosen skew');
    expect(figure(list, 'Short gains')).toBe('1.1x');
    expect(figure(list, 'Short losses')).toBe('1x');
    expect(figure(list, 'Long gains')).toBe('0.909x');
    expect(figure(list, 'Long losses')).toBe('1x');
    expect(screen.getByText('+10%')).toBeInTheDocument();
  });
});

describe('SimulatorPage', () => {
  it('fills itself from a "Simulate this pool" link', () => {
    open('?leverage=1&skew=1.1&pool=1-BTC%2FUSD&market=BTC%2FUSD&mintFee=0.5');
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Simulator: 1-BTC/USD · BTC/USD');
    expect(screen.getByLabelText('Leverage')).toHaveValue('1');
    expect(screen.getByLabelText('Mint fee (%)')).toHaveValue('0.5');
    const list = figures('Effective leverage at the chosen skew');
    expect(figure(list, 'Short gains')).toBe('1.1x');
    expect(figure(list, 'Short losses')).toBe('1x');
  });

  it('shows a bad value at its field, keeps it in the link, and keeps the charts on the last valid value', async () => {
    const user = userEvent.setup();
    open('?leverage=1&skew=1.1');
    const skew = screen.getByLabelText('Skew (long ÷ short)');
    await user.clear(skew);
    await user.type(skew, '-2');
    expect(skew).toHaveAttribute('aria-invalid', 'true');
    const describedBy = skew.getAttribute('aria-describedby') ?? '';
    const message = describedBy
      .split(' ')
      .map((id) => document.getElementById(id)?.textContent)
      .join(' ');
    expect(message).toMatch(/skew must be above 0/);
    await waitFor(() => expect(window.location.hash).toContain('skew=-2'));
    const list = figures('Effective leverage at the chosen skew');
    expect(figure(list, 'Short gains')).toBe('1.1x');
    expect(screen.getByText(/One input needs fixing/)).toBeInTheDocument();

    await user.clear(skew);
    await user.type(skew, '2');
    expect(skew).not.toHaveAttribute('aria-invalid');
    await waitFor(() => expect(figure(list, 'Short gains')).toBe('2x'));
    // nuqs writes the link a moment after an edit: wait for it to land, so that nothing of this test is
    // written into the next one's link.
    await waitFor(() => expect(linkQuery().get('skew')).toBe('2'));
  });

  it('reads the payoff at the chosen move and lets the model toggles write the link', async () => {
    const user = userEvent.setup();
    open('?leverage=3&skew=1&annualFee=0&move=10');
    const readout = screen.getByRole('table', { name: /Value at a move of \+10%/ });
    const sigmoid = within(readout).getByRole('row', { name: /V2 sigmoid/ });
    expect(within(sigmoid).getAllByRole('cell')[0]).toHaveTextContent('×1.2662');
    await user.click(screen.getByRole('checkbox', { name: 'V1 power' }));
    await waitFor(() => expect(window.location.hash).toMatch(/models=sigmoid(%2C|,)perpetual/));
  });

  it('opens the payoff chart as a table of its 400 points', async () => {
    const user = userEvent.setup();
    open('');
    const [payoffTableToggle] = screen.getAllByText('Show as a table');
    await user.click(payoffTableToggle!);
    const table = await screen.findByRole('table', { name: /Payoff of a 3x position/ });
    expect(within(table).getAllByRole('row')).toHaveLength(401);
  }, 15_000); // 401 rows of 12 cells: seconds of jsdom on a busy machine

  it('runs the Monte Carlo in the background and reports the chance of a large loss', async () => {
    open('?paths=200&horizon=24&loss=10');
    expect(screen.getByText(/Running 200 paths/)).toBeInTheDocument();
    await screen.findByText('Long loses > 10%', undefined, { timeout: 5000 });
    const list = figures('Chance of a large loss at the horizon');
    expect(figure(list, 'Long loses > 10%')).toMatch(/^\d+(\.\d)?%$/);
    expect(screen.queryByText(/Running 200 paths/)).not.toBeInTheDocument();
  });
});

describe('a chart’s table', () => {
  it('opens behind the chart and sorts by a column: ascending, descending, then the chart’s order again', async () => {
    const user = userEvent.setup();
    render(<SkewExplorer leverage={3} figures={skewFigures(2, 3)} rows={skewChartData(2, 3)} />);
    await user.click(screen.getByText('Show as a table'));
    const table = screen.getByRole('table', { name: /Effective leverage of each side of a 3x pool/ });
    const header = within(table).getByRole('columnheader', { name: 'Short gains' });
    const firstSkew = () => within(table).getAllByRole('row')[1]!.querySelector('td')!.textContent;
    expect(firstSkew()).toBe('0.25');
    expect(header).not.toHaveAttribute('aria-sort');

    await user.click(within(header).getByRole('button', { name: 'Short gains' }));
    expect(header).toHaveAttribute('aria-sort', 'ascending');
    expect(firstSkew()).toBe('0.25'); // the short gains least where it is the majority
    await user.click(within(header).getByRole('button', { name: 'Short gains' }));
    expect(header).toHaveAttribute('aria-sort', 'descending');
    expect(firstSkew()).toBe('4');
    await user.click(within(header).getByRole('button', { name: 'Short gains' }));
    expect(header).not.toHaveAttribute('aria-sort');
    expect(firstSkew()).toBe('0.25');
    expect(within(table).getAllByRole('row')).toHaveLength(skewChartData(2, 3).length + 1);
  });
});
