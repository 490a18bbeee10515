/**
 * No false keeper state (docs/protocol.md §9): between the due time on the clock extrapolated from a read and
 * the next read, the pools list, the health badge and the trade preview say the upkeep is due, never that the
 * keeper is late; once the block read says it is, all three give the same count. A paused pool's queued
 * commits say they wait for the pool to be unpaused.
 */
import { render, screen, within } from '@testing-library/react';
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PoolSnapshot } from '../../src/chain/pools/poolSnapshot.ts';
import { emptyTotals } from '../../src/engine/commits.ts';
import { keeperTiming } from '../../src/engine/keeperTiming.ts';
import { statusLabel } from '../../src/features/pools/health.ts';
import { PendingCommits } from '../../src/features/pools/PendingCommits.tsx';
import { PoolTable } from '../../src/features/pools/PoolTable.tsx';
import { poolRowView } from '../../src/features/pools/poolView.ts';
import { commitWaitText } from '../../src/features/trade/PendingCommit.tsx';
import { TradePreview } from '../../src/features/trade/TradePreview.tsx';
import { deriveTrade, EMPTY_INPUTS } from '../../src/features/trade/tradeDerivation.ts';
import { NOW, ohmPool, poolsSnapshot, withUser } from '../fixtures/pools.ts';
import { tradeContext } from '../fixtures/trade.ts';
import { renderInRouter } from './renderWithWallet.tsx';

const MAX_AGE = 120;
const NAME = '3-ETH/USD+OHM';

/** The pool read at a block of time NOW, `sinceUpkeep` seconds after its last upkeep; the clock at `chainNow`. */
function views(sinceUpkeep: number, chainNow: number, overrides: { paused?: boolean } = {}) {
  const pool = withUser(
    ohmPool({ lastPriceTimestamp: NOW - sinceUpkeep, ...overrides }),
    parseUnits('100', 9),
  );
  const snapshot = poolsSnapshot([pool]);
  const row = poolRowView(pool, snapshot, chainNow, MAX_AGE);
  const trade = deriveTrade(
    tradeContext(pool, {
      inputs: { ...EMPTY_INPUTS, amount: '10' },
      chainNow,
      blockTimestamp: snapshot.blockTimestamp,
    }),
  );
  return { pool, row, trade, snapshot };
}

/** The text of the pool's row in the list, of its health badge, and of the trade preview's "Executes". */
function shown(sinceUpkeep: number, chainNow: number) {
  const { pool, row, trade, snapshot } = views(sinceUpkeep, chainNow);
  const table = renderInRouter(<PoolTable rows={[row]} unit="collateral" chainNow={chainNow} />);
  const cells = screen.getByRole('link', { name: NAME }).closest('tr')!;
  const rowText = cells.textContent ?? '';
  const badge = cells.querySelector('[data-health]')?.textContent ?? '';
  table.unmount();
  if (!trade.preview) throw new Error(`no preview: ${trade.previewError}`);
  const preview = render(
    <TradePreview
      pool={pool}
      preview={trade.preview}
      notes={trade.previewNotes}
      side="long"
      action="mint"
      chainNow={chainNow}
      blockTimestamp={snapshot.blockTimestamp}
    />,
  );
  const executes = screen.getByText('Executes').nextElementSibling?.textContent ?? '';
  const notes = trade.previewNotes.join(' ');
  preview.unmount();
  return { rowText, badge, executes, notes, label: statusLabel(row.health) };
}

/** Due, and late nowhere: not in the list's row, the health badge and label, nor the preview's notes. */
function expectDueNotLate({ rowText, badge, notes, label }: ReturnType<typeof shown>) {
  expect(rowText).toContain('Due now');
  expect(rowText).not.toMatch(/Waiting for keeper|late/i);
  expect(badge).toBe('Healthy');
  expect(label).toBe('Healthy');
  expect(notes).not.toMatch(/late/i);
}

describe('the keeper between reads', () => {
  it('read just before the due time, the clock 3 s past it: due, not late, anywhere', () => {
    const views = shown(59, NOW + 4);
    expectDueNotLate(views);
    // The upkeep due now comes first; the commit, inside its front-running window, joins the next one.
    expect(views.executes).toBe('at the rebalance in 1m 00s');
  });

  it('read in the first interval after due, the clock past a whole interval: still due, not late', () => {
    const views = shown(119, NOW + 5);
    expectDueNotLate(views);
    expect(views.executes).not.toMatch(/late/);
  });

  it('read two whole intervals after due: late, with the same count in the list, the badge and the preview', () => {
    const { rowText, badge, executes, label } = shown(190, NOW);
    expect(rowText).toContain('Waiting for keeper');
    expect(rowText).toContain('2 intervals');
    expect(badge).toBe('Late 2 intervals');
    expect(label).toBe('Late 2 intervals');
    expect(executes).toMatch(/\(it is 2 intervals late\)$/);
  });

  it('counts at the block read, not on the clock run on since', () => {
    // Read at 190 s (two intervals late); the clock has run 60 s more without a new read.
    const { rowText, label, executes } = shown(190, NOW + 60);
    expect(rowText).toContain('2 intervals');
    expect(label).toBe('Late 2 intervals');
    expect(executes).toMatch(/\(it is 2 intervals late\)$/);
  });
});

describe('a paused pool’s queued commits', () => {
  const queued = (pool: PoolSnapshot): PoolSnapshot => ({
    ...pool,
    state: {
      ...pool.state,
      commits: [
        {
          intervalId: pool.state.updateIntervalId,
          totals: { ...emptyTotals(), longMintSettlement: parseUnits('5', 9) },
        },
      ],
    },
  });

  it('on the trade page: wait for the pool to be unpaused, never a countdown or the keeper', () => {
    for (const [sinceUpkeep, chainNow] of [
      [30, NOW],
      [200, NOW],
    ] as const) {
      const { pool } = views(sinceUpkeep, chainNow, { paused: true });
      const keeper = keeperTiming({
        lastPriceTimestamp: pool.state.lastPriceTimestamp,
        updateInterval: 60,
        blockTimestamp: BigInt(NOW),
        chainNow,
      });
      const secondsLeft = keeper.dueAt - chainNow;
      expect(commitWaitText({ paused: true, secondsLeft, keeper, stale: false })).toEqual({
        text: 'paused: executes only once the pool is unpaused',
        tone: 'paused',
      });
    }
  });

  it('on the pool page too: paused, not a time of execution', () => {
    const { row } = views(30, NOW, { paused: true });
    render(<PendingCommits row={{ ...row, snapshot: queued(row.snapshot) }} />);
    const item = screen.getByText(/^Interval/).closest('li')!;
    expect(within(item).getByText('paused: executes only once the pool is unpaused')).toBeInTheDocument();
    expect(item.textContent).not.toMatch(/executes at about/);
  });

  it('in a pool that is not paused: a countdown, then due, then waiting for the keeper only when late', () => {
    const timing = (sinceUpkeep: number, chainNow: number) =>
      keeperTiming({
        lastPriceTimestamp: BigInt(NOW - sinceUpkeep),
        updateInterval: 60,
        blockTimestamp: BigInt(NOW),
        chainNow,
      });
    const wait = (sinceUpkeep: number, chainNow: number) =>
      commitWaitText({
        paused: false,
        secondsLeft: NOW - sinceUpkeep + 60 - chainNow,
        keeper: timing(sinceUpkeep, chainNow),
        stale: false,
      }).text;
    expect(wait(23, NOW)).toBe('executes in 37s');
    expect(wait(59, NOW + 3)).toBe('due now');
    expect(wait(190, NOW)).toBe('waiting for keeper (2 intervals late)');
  });
});
