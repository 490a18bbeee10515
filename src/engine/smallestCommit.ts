/**
 * The least a commit must carry for its preview (commitPreview.ts) to yield its user one unit: the trade form
 * names it when an amount is too small to give anything (docs/protocol.md §3.5).
 */
import { type CommitPreviewInput, commitOutput, previewCommit } from './commitPreview.ts';
import { commitAction, MAX_COMMIT_AMOUNT } from './commits.ts';
import { ContractRevert } from './revert.ts';
import { BOOK_FIELDS } from './sides.ts';
import type { PoolState } from './types.ts';

/**
 * The smallest amount whose preview gives the user at least one unit of what the commit pays out (§3.5: the
 * user's share is truncated, so a small enough commit gives nothing), searched over the exact preview with the
 * same inputs: doubling up to a yielding amount, then halving the gap. Undefined when no amount up to what
 * the commit can carry (a mint) or the side's supply (a burn or flip) yields a unit, or the pool refuses it.
 * The output grows with the amount (the user's own commit does not move the price it trades at, except
 * through its mint fee, which is 0 on amounts this small), so the amount found is the smallest.
 */
export function smallestYieldingAmount(
  state: PoolState,
  input: Omit<CommitPreviewInput, 'amount'>,
): bigint | undefined {
  const action = commitAction(input.commitType);
  if (!action) return undefined;
  const max = action.kind === 'mint' ? MAX_COMMIT_AMOUNT : state[BOOK_FIELDS[action.side].supply];
  const yields = (amount: bigint): boolean => {
    try {
      return commitOutput(previewCommit(state, { ...input, amount })) > 0n;
    } catch (error) {
      if (error instanceof ContractRevert) return false;
      throw error;
    }
  };
  if (max < 1n) return undefined;
  let low = 0n;
  let high = 1n;
  while (!yields(high)) {
    if (high >= max) return undefined;
    low = high;
    high = high * 2n > max ? max : high * 2n;
  }
  // yields(high), and low is 0 or an amount that does not yield.
  while (high - low > 1n) {
    const mid = (low + high) / 2n;
    if (yields(mid)) high = mid;
    else low = mid;
  }
  return high;
}
