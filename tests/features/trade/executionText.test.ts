/** When the preview says a commit executes: never a bare countdown while the keeper is late. */
import { describe, expect, it } from 'vitest';
import { executionText } from '../../../src/features/trade/TradePreview.tsx';

describe('executionText', () => {
  it('counts down to the rebalance when the keeper keeps time', () => {
    expect(executionText(59, 0, false)).toBe('at the rebalance in 59s');
  });

  it('says the commit waits for the keeper, and how late it is, when upkeeps were missed', () => {
    expect(executionText(59, 4, false)).toBe(
      "after the keeper's next upkeep, in 59s at the soonest (it is 4 intervals late)",
    );
    expect(executionText(-5, 1, false)).toBe("after the keeper's next upkeep (it is 1 interval late)");
  });

  it('claims no seconds on stale figures', () => {
    expect(executionText(30, 0, true)).toBe('at the rebalance in under a minute');
    expect(executionText(-1, 0, true)).toBe('due (figures stale)');
  });
});
