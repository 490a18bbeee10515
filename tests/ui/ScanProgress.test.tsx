/**
 * The time left of a long history read: the estimator on its own (no figure before a real rate, rounded
 * figures, a stall that never counts down), then the progress line as a person reads it while props arrive
 * over (fake) time.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ScanProgress } from '../../src/ui/ScanProgress.tsx';
import {
  estimateTimeLeft,
  formatTimeLeft,
  RATE_WINDOW_MS,
  recordSample,
  roundTimeLeft,
  type ScanSample,
  type TimeLeft,
} from '../../src/ui/scanEta.ts';

// A scan from Arbitrum One's factory block to block 400,000,000: ~387M blocks.
const TOTAL = 386_612_478n;

/** Samples of a steady read: `blocksPerStep` blocks every `stepMs`, for `steps` steps from t = 0. */
function steady(steps: number, stepMs: number, blocksPerStep: bigint, total = TOTAL): ScanSample[] {
  let samples: ScanSample[] = [];
  for (let i = 0; i <= steps; i++)
    samples = recordSample(samples, { atMs: i * stepMs, scanned: BigInt(i) * blocksPerStep, total });
  return samples;
}

const secondsOf = (left: TimeLeft) => (left.kind === 'left' ? left.seconds : undefined);

describe('estimateTimeLeft', () => {
  it('says nothing before three seconds of samples, nor without a block done', () => {
    const early = steady(10, 200, 10_000n);
    expect(estimateTimeLeft(early, 2_000)).toEqual({ kind: 'estimating' });
    const idle = recordSample([], { atMs: 0, scanned: 0n, total: TOTAL });
    expect(estimateTimeLeft(idle, 5_000)).toEqual({ kind: 'estimating' });
    expect(estimateTimeLeft([], 5_000)).toEqual({ kind: 'estimating' });
  });

  it('gives the rounded time left of a steady read', () => {
    // 10,000 blocks every 200 ms is 50,000 blocks a second: ~386.1M blocks left after 10 s is ~7,722 s.
    const samples = steady(50, 200, 10_000n);
    expect(estimateTimeLeft(samples, 10_000)).toEqual({ kind: 'left', seconds: 7_800 });
    expect(formatTimeLeft(7_800)).toBe('about 2 h 10 min left');
  });

  it('never counts down while no block arrives, and calls the read stalled after ten seconds', () => {
    const samples = steady(50, 200, 10_000n);
    const shown: number[] = [];
    for (let now = 10_000; now < 19_999; now += 1_000) {
      const seconds = secondsOf(estimateTimeLeft(samples, now));
      expect(seconds).toBeDefined();
      shown.push(seconds!);
    }
    for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeGreaterThanOrEqual(shown[i - 1]!);
    expect(shown.at(-1)).toBeGreaterThan(shown[0]!);
    expect(estimateTimeLeft(samples, 20_000)).toEqual({ kind: 'stalled', forSeconds: 10 });
    expect(estimateTimeLeft(samples, 95_000)).toEqual({ kind: 'stalled', forSeconds: 85 });
  });

  it('calls a read stalled that never started', () => {
    const samples = recordSample([], { atMs: 0, scanned: 0n, total: TOTAL });
    expect(estimateTimeLeft(samples, 9_999)).toEqual({ kind: 'estimating' });
    expect(estimateTimeLeft(samples, 12_000)).toEqual({ kind: 'stalled', forSeconds: 12 });
  });

  it('waits five usual gaps before calling a slow but moving read stalled', () => {
    // A page every 4 s: 12 s without one is slow, not stalled; 20 s is.
    const samples = steady(5, 4_000, 10_000n, 1_000_000n);
    expect(estimateTimeLeft(samples, 32_000).kind).toBe('left');
    expect(estimateTimeLeft(samples, 40_000)).toEqual({ kind: 'stalled', forSeconds: 20 });
  });

  it('says the read is finishing once every block is read', () => {
    const samples = steady(10, 500, 100n, 1_000n);
    expect(estimateTimeLeft(samples, 6_000)).toEqual({ kind: 'finishing' });
  });
});

describe('recordSample', () => {
  it('starts over on a new read, and keeps only when progress last moved', () => {
    const a = recordSample([], { atMs: 0, scanned: 0n, total: 100n });
    const b = recordSample(a, { atMs: 100, scanned: 10n, total: 100n });
    expect(recordSample(b, { atMs: 900, scanned: 10n, total: 100n })).toEqual(b);
    expect(recordSample(b, { atMs: 200, scanned: 0n, total: 100n })).toEqual([
      { atMs: 200, scanned: 0n, total: 100n },
    ]);
    expect(recordSample(b, { atMs: 200, scanned: 20n, total: 500n })).toEqual([
      { atMs: 200, scanned: 20n, total: 500n },
    ]);
  });

  it('keeps about a minute of samples, anchored at or before the window start', () => {
    const samples = steady(200, 1_000, 1_000n);
    const last = samples.at(-1)!;
    expect(samples[0]!.atMs).toBeLessThanOrEqual(last.atMs - RATE_WINDOW_MS);
    expect(samples[1]!.atMs).toBeGreaterThan(last.atMs - RATE_WINDOW_MS);
  });
});

describe('roundTimeLeft and formatTimeLeft', () => {
  it.each([
    [1, 10, 'about 10 s left'],
    [37, 40, 'about 40 s left'],
    [58, 60, 'about 1 min left'],
    [731, 720, 'about 12 min left'],
    [3_580, 3_600, 'about 1 h left'],
    [4_750, 4_800, 'about 1 h 20 min left'],
  ])('%d s is shown as %d s: "%s"', (seconds, rounded, text) => {
    expect(roundTimeLeft(seconds)).toBe(rounded);
    expect(formatTimeLeft(rounded)).toBe(text);
  });
});

describe('ScanProgress', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  const line = () => screen.getByText(/^Reading the pool's history:/).textContent;

  it('estimates first, then shows the time left, then says when progress stops', () => {
    const view = render(<ScanProgress what="the pool's history" scanned={0n} total={TOTAL} />);
    expect(line()).toBe("Reading the pool's history: 0 of 386.6M blocks, estimating time left…");
    for (let step = 1; step <= 25; step++) {
      act(() => vi.advanceTimersByTime(200));
      view.rerender(
        <ScanProgress what="the pool's history" scanned={BigInt(step) * 10_000n} total={TOTAL} />,
      );
    }
    // 250,000 blocks in 5 s: ~7,727 s left, shown to ten minutes.
    expect(line()).toBe("Reading the pool's history: 250k of 386.6M blocks, about 2 h 10 min left");
    act(() => vi.advanceTimersByTime(12_000));
    expect(line()).toMatch(
      /250k of 386\.6M blocks, no progress for 12 s: the endpoint may be refusing or slow$/,
    );
    expect(screen.getByRole('progressbar', { name: "Reading the pool's history" })).toHaveAttribute(
      'aria-valuenow',
      '0',
    );
  });

  it('shows seconds for a short read', () => {
    const view = render(<ScanProgress what="your history" scanned={0n} total={120_000n} />);
    for (let step = 1; step <= 8; step++) {
      act(() => vi.advanceTimersByTime(500));
      view.rerender(<ScanProgress what="your history" scanned={BigInt(step) * 2_000n} total={120_000n} />);
    }
    // 16,000 blocks in 4 s: 104,000 left at 4,000 a second is 26 s, shown as 30 s.
    expect(screen.getByText(/^Reading your history:/).textContent).toBe(
      'Reading your history: 16k of 120k blocks, about 30 s left',
    );
  });
});
