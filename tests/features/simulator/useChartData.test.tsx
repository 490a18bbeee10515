/**
 * useChartData against a runner whose answers the test hands back when and in the order it chooses, as a
 * worker's may arrive: only the newest request's answer is drawn, and a view is always drawn with the inputs
 * its data was built from.
 */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  type ChartsAnswer,
  type ChartsRequest,
  computeCharts,
} from '../../../src/features/simulator/chartsCompute.ts';
import type { SimulatorInputs } from '../../../src/features/simulator/fieldRules.ts';
import { DEFAULT_INPUTS } from '../../../src/features/simulator/simulatorParams.ts';
import { type ChartsRunnerFactory, useChartData } from '../../../src/features/simulator/useChartData.ts';

/** A runner that holds every request until the test answers it. */
function heldRunner() {
  const requests: ChartsRequest[] = [];
  let send: ((answer: ChartsAnswer) => void) | undefined;
  const factory: ChartsRunnerFactory = (onAnswer) => {
    send = onAnswer;
    return { post: (request) => requests.push(request), dispose() {} };
  };
  const reply = (request: ChartsRequest | undefined) => {
    if (!request) throw new Error('no such request');
    act(() => send?.(computeCharts(request)));
  };
  const fail = (seq: number, error: string) => act(() => send?.({ seq, error }));
  return { factory, requests, reply, fail };
}

function mount(first: SimulatorInputs | undefined, factory: ChartsRunnerFactory) {
  return renderHook(({ inputs }) => useChartData(inputs, factory), { initialProps: { inputs: first } });
}

const THREE_X = { ...DEFAULT_INPUTS, leverage: 3 };
const FIVE_X = { ...DEFAULT_INPUTS, leverage: 5 };

describe('useChartData', () => {
  it('draws nothing until the first answer, then the view for those inputs', () => {
    const runner = heldRunner();
    const { result } = mount(THREE_X, runner.factory);
    expect(result.current.view).toBeUndefined();
    expect(result.current.pending).toBe(true);
    expect(runner.requests).toHaveLength(1);
    runner.reply(runner.requests[0]);
    expect(result.current.pending).toBe(false);
    expect(result.current.view?.inputs.leverage).toBe(3);
    expect(result.current.view?.skew.figures.longLoss).toBe(3);
  });

  it('ignores a stale answer, whether it comes before or after the newest one', () => {
    const runner = heldRunner();
    const { result, rerender } = mount(THREE_X, runner.factory);
    rerender({ inputs: FIVE_X });
    const [stale, newest] = runner.requests;
    expect(newest!.seq).toBeGreaterThan(stale!.seq);

    runner.reply(stale); // late for 3x: the inputs are 5x now
    expect(result.current.view).toBeUndefined();
    expect(result.current.pending).toBe(true);

    runner.reply(newest);
    expect(result.current.view?.inputs.leverage).toBe(5);
    expect(result.current.view?.skew.figures.longLoss).toBe(5);
    expect(result.current.view?.payoff.liquidationPercent.long).toBeCloseTo(-20, 9);

    runner.reply(stale); // later still
    expect(result.current.view?.inputs.leverage).toBe(5);
    expect(result.current.view?.skew.figures.longLoss).toBe(5);
    expect(result.current.pending).toBe(false);
  });

  it('ignores the answer for inputs left before it came, when the inputs went back to what is drawn', () => {
    const runner = heldRunner();
    const { result, rerender } = mount(THREE_X, runner.factory);
    runner.reply(runner.requests[0]);
    rerender({ inputs: FIVE_X });
    rerender({ inputs: THREE_X });
    expect(runner.requests).toHaveLength(2); // 3x is drawn: nothing to ask for
    runner.reply(runner.requests[1]);
    expect(result.current.view?.inputs.leverage).toBe(3);
    expect(result.current.view?.skew.figures.longLoss).toBe(3);
  });

  it('keeps the drawn view, with its own inputs, while newer data is built; asks only for what changed', () => {
    const runner = heldRunner();
    const { result, rerender } = mount(THREE_X, runner.factory);
    runner.reply(runner.requests[0]);
    const drawn = result.current.view!;

    rerender({ inputs: { ...THREE_X, movePercent: 25 } });
    expect(Object.keys(runner.requests[1]!.parts)).toEqual(['readout']);
    expect(result.current.pending).toBe(true);
    expect(result.current.view).toBe(drawn);

    runner.reply(runner.requests[1]);
    expect(result.current.view?.readout.movePercent).toBe(25);
    expect(result.current.view?.payoff).toBe(drawn.payoff); // unchanged inputs, same rows: no redraw
    expect(result.current.view?.path).toBe(drawn.path);

    // A choice no part is built from is drawn at once, with no request.
    rerender({ inputs: { ...THREE_X, movePercent: 25, side: 'both' } });
    expect(runner.requests).toHaveLength(2);
    expect(result.current.pending).toBe(false);
    expect(result.current.view?.inputs.side).toBe('both');
  });

  it('reports a failed build and leaves the last view up', () => {
    const runner = heldRunner();
    const { result, rerender } = mount(THREE_X, runner.factory);
    runner.reply(runner.requests[0]);
    rerender({ inputs: FIVE_X });
    runner.fail(runner.requests[1]!.seq, 'out of memory');
    expect(result.current.error).toBe('out of memory');
    expect(result.current.pending).toBe(false);
    expect(result.current.view?.inputs.leverage).toBe(3);
    rerender({ inputs: { ...FIVE_X, skew: 2 } });
    runner.reply(runner.requests[2]);
    expect(result.current.error).toBeUndefined();
    expect(result.current.view?.inputs.skew).toBe(2);
  });
});
