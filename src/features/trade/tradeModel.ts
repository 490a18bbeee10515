/**
 * The trade form's rules as plain functions: which commit a (side, action) pair is, what the chosen source
 * holds, and which single step the main button offers next (Connect → Switch network → Approve → Commit).
 */

import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { CommitType } from '../../engine/commits.ts';
import type { Side } from '../../engine/types.ts';
import { formatAge } from '../../ui/age.ts';
import type { ACTIONS } from './links.ts';
import type { AmountCheck } from './validateAmount.ts';

export type Action = (typeof ACTIONS)[number];
export type Source = 'wallet' | 'escrow';

export function commitTypeOf(side: Side, action: Action): CommitType {
  if (action === 'mint') return side === 'long' ? CommitType.LongMint : CommitType.ShortMint;
  if (action === 'burn') return side === 'long' ? CommitType.LongBurn : CommitType.ShortBurn;
  return side === 'long' ? CommitType.LongBurnShortMint : CommitType.ShortBurnLongMint;
}

/** What the amount is counted in: collateral for mints, the side's tokens for burns and flips. */
export function amountUnit(pool: PoolSnapshot, side: Side, action: Action): string {
  if (action === 'mint') return pool.info.collateral.symbol;
  return side === 'long' ? 'L tokens' : 'S tokens';
}

/** What the chosen source holds for this action; undefined when no wallet is connected. */
export function availableOf(
  pool: PoolSnapshot,
  side: Side,
  action: Action,
  source: Source,
): bigint | undefined {
  const user = pool.user;
  if (!user) return undefined;
  if (action === 'mint') return source === 'wallet' ? user.settlementWallet : user.escrow.settlementTokens;
  if (side === 'long') return source === 'wallet' ? user.longWallet : user.escrow.longTokens;
  return source === 'wallet' ? user.shortWallet : user.escrow.shortTokens;
}

/**
 * V2.1 lists a commit's interval for its user only when its id is above the last one listed; after a late
 * keeper re-bases the schedule a new commit can get a lower id, and the pool takes the funds into an interval
 * the user's settlement never reads (docs/protocol.md §3.9; pinned in
 * tests/chain/engineDifferential.test.ts). `listed` is the user's list as `commit` leaves it after settling
 * (settleAggregateBalance's remainingIntervalIds).
 */
export function wouldStrand(intervalId: bigint, listed: readonly bigint[]): boolean {
  const last = listed.at(-1);
  return last !== undefined && intervalId < last;
}

export type TradeStep =
  | { kind: 'wallet-loading' }
  | { kind: 'connect' }
  | { kind: 'switch' }
  | { kind: 'paused' }
  | { kind: 'loading' }
  | { kind: 'stale'; message: string }
  | { kind: 'invalid'; message: string }
  | { kind: 'approve'; amount: bigint }
  | { kind: 'commit'; amount: bigint };

export interface StepInput {
  /** The wallet layer is loading, or reconnecting a wallet connected before: not yet known. */
  walletLoading?: boolean;
  connected: boolean;
  onPoolChain: boolean;
  pool: PoolSnapshot | undefined;
  action: Action;
  source: Source;
  check: AmountCheck;
  /** How old the figures are, when they are stale; a preview on them is not one to send on. */
  staleSeconds?: number | undefined;
}

export function nextStep({
  walletLoading = false,
  connected,
  onPoolChain,
  pool,
  action,
  source,
  check,
  staleSeconds,
}: StepInput): TradeStep {
  if (walletLoading) return { kind: 'wallet-loading' };
  if (!connected) return { kind: 'connect' };
  if (!onPoolChain) return { kind: 'switch' };
  if (!pool?.user) return { kind: 'loading' };
  if (pool.paused) return { kind: 'paused' };
  if (staleSeconds !== undefined)
    return {
      kind: 'stale',
      message: `Not sent: the preview rests on figures from ${formatAge(staleSeconds)} ago, and the pool may have moved since. The form is ready again as soon as fresh figures arrive.`,
    };
  if (!check.ok) return { kind: 'invalid', message: check.message };
  // Only mints paid from the wallet move collateral through transferFrom (docs/protocol.md §3.6).
  if (action === 'mint' && source === 'wallet' && pool.user.allowance < check.amount) {
    return { kind: 'approve', amount: check.amount };
  }
  return { kind: 'commit', amount: check.amount };
}
