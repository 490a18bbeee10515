/**
 * Commits (docs/protocol.md §3.1, §3.2, §3.6): their types, the packed `commit(bytes32)` argument, the
 * interval a commit is assigned to, when it is expected to execute, and what a commit does to the pool at once.
 */
import { mintFeeAtCommit } from './fees.ts';
import { ContractRevert, checkedSub } from './revert.ts';
import { BOOK_FIELDS } from './sides.ts';
import type { CommitTotals, IntervalCommits, PoolState, Side } from './types.ts';

/** `IPoolCommitter.CommitType` (§3.1). V1 only has the first four. */
export const CommitType = {
  ShortMint: 0,
  ShortBurn: 1,
  LongMint: 2,
  LongBurn: 3,
  LongBurnShortMint: 4,
  ShortBurnLongMint: 5,
} as const;
export type CommitType = (typeof CommitType)[keyof typeof CommitType];

/**
 * What a commit of one type does (§3.1): it mints into `side`, burns from it, or flips out of it into the other
 * side, and its amount is queued in the `total` field of its interval's totals (§3.3).
 */
export interface CommitAction {
  kind: 'mint' | 'burn' | 'flip';
  side: Side;
  total: keyof CommitTotals;
}

const COMMIT_ACTIONS: Readonly<Record<CommitType, CommitAction>> = {
  [CommitType.ShortMint]: { kind: 'mint', side: 'short', total: 'shortMintSettlement' },
  [CommitType.ShortBurn]: { kind: 'burn', side: 'short', total: 'shortBurnPoolTokens' },
  [CommitType.LongMint]: { kind: 'mint', side: 'long', total: 'longMintSettlement' },
  [CommitType.LongBurn]: { kind: 'burn', side: 'long', total: 'longBurnPoolTokens' },
  [CommitType.LongBurnShortMint]: { kind: 'flip', side: 'long', total: 'longBurnShortMintPoolTokens' },
  [CommitType.ShortBurnLongMint]: { kind: 'flip', side: 'short', total: 'shortBurnLongMintPoolTokens' },
};

/** What a commit type does; undefined for a number that is none of the six (the type is not checked at run time). */
export function commitAction(commitType: CommitType): CommitAction | undefined {
  return COMMIT_ACTIONS[commitType];
}

/** The largest amount a commit can carry: its argument keeps 128 bits for it (§3.6). */
export const MAX_COMMIT_AMOUNT = (1n << 128n) - 1n;
const UINT128_MAX = MAX_COMMIT_AMOUNT;

/**
 * The `bytes32` argument of `PoolCommitter.commit` as an unsigned integer (§3.6), as `L2Encoder.encodeCommitParams`
 * builds it: amount in bits 0–127, then commit type, fromAggregateBalance and payForClaim, 8 bits each.
 * Throws when the amount does not fit 128 bits (the contract would silently keep only its low bits).
 */
export function encodeCommitParams(
  amount: bigint,
  commitType: CommitType,
  fromAggregateBalance: boolean,
  payForClaim: boolean,
): bigint {
  if (amount < 0n || amount > UINT128_MAX) throw new RangeError(`commit amount must fit 128 bits: ${amount}`);
  return (
    amount |
    (BigInt(commitType) << 128n) |
    ((fromAggregateBalance ? 1n : 0n) << 136n) |
    ((payForClaim ? 1n : 0n) << 144n)
  );
}

/** The same value as a `0x`-prefixed 32-byte hex string, for an ABI encoder. */
export function commitParamsToHex(params: bigint): `0x${string}` {
  return `0x${params.toString(16).padStart(64, '0')}`;
}

export interface DecodedCommitParams {
  amount: bigint;
  commitType: number;
  fromAggregateBalance: boolean;
  payForClaim: boolean;
}

/** The contract's decoding (`CalldataLogic.decodeCommitParams`): each field masked, any non-zero byte is true. */
export function decodeCommitParams(params: bigint): DecodedCommitParams {
  return {
    amount: params & UINT128_MAX,
    commitType: Number((params >> 128n) & 0xffn),
    fromAggregateBalance: ((params >> 136n) & 0xffn) !== 0n,
    payForClaim: ((params >> 144n) & 0xffn) !== 0n,
  };
}

/**
 * The update interval a commit made at `now` is assigned to (§3.2, `appropriateUpdateIntervalId`), so that its
 * price is unknown when it is made (§6 checklist 9). Reverts like the contract when `now` precedes the last upkeep.
 */
export function appropriateUpdateIntervalId(
  now: bigint,
  lastPriceTimestamp: bigint,
  frontRunningInterval: bigint,
  updateInterval: bigint,
  currentUpdateIntervalId: bigint,
): bigint {
  if (lastPriceTimestamp > now) throw new ContractRevert('timestamp in the past');
  if (frontRunningInterval <= updateInterval) {
    // Before the front-running window of the coming upkeep: that upkeep takes it.
    if (lastPriceTimestamp + updateInterval - frontRunningInterval > now) return currentUpdateIntervalId;
    // Late keeper: count the intervals that already passed (§3.2), and one more if inside the next window.
    const passed = (now - lastPriceTimestamp) / updateInterval;
    const nextWindowStart = lastPriceTimestamp + (passed + 1n) * updateInterval - frontRunningInterval;
    return currentUpdateIntervalId + passed + (now >= nextWindowStart ? 1n : 0n);
  }
  // FRI > UI: the earliest upkeep at least FRI away, in whole intervals from the last upkeep.
  return currentUpdateIntervalId + (now + frontRunningInterval - lastPriceTimestamp) / updateInterval;
}

/**
 * The earliest time an interval's commits can execute, assuming timely upkeeps (§3.2): the upkeep after
 * `lastPriceTimestamp` executes `currentUpdateIntervalId`, and each later interval needs one more update interval
 * (V2.1 re-anchors each upkeep at its own block time, so a late keeper pushes every later interval back).
 */
export function expectedExecutionTime(
  intervalId: bigint,
  lastPriceTimestamp: bigint,
  updateInterval: bigint,
  currentUpdateIntervalId: bigint,
): bigint {
  const intervalsAhead = intervalId < currentUpdateIntervalId ? 0n : intervalId - currentUpdateIntervalId;
  return lastPriceTimestamp + (intervalsAhead + 1n) * updateInterval;
}

export function emptyTotals(): CommitTotals {
  return {
    longMintSettlement: 0n,
    longBurnPoolTokens: 0n,
    shortMintSettlement: 0n,
    shortBurnPoolTokens: 0n,
    shortBurnLongMintPoolTokens: 0n,
    longBurnShortMintPoolTokens: 0n,
  };
}

/** One commit's totals: `queued` in the field its type adds to, every other field 0 (§3.3). */
export function commitTotals(commitType: CommitType, queued: bigint): CommitTotals {
  const totals = emptyTotals();
  const action = commitAction(commitType);
  if (action) totals[action.total] = queued;
  return totals;
}

export interface CommitRequest {
  commitType: CommitType;
  /** Settlement for mints, pool tokens for burns and flips. */
  amount: bigint;
}

export interface QueuedCommit {
  state: PoolState;
  intervalId: bigint;
  /** Mint fee taken now and added to the minted-into side (0 for burns and flips). */
  mintFee: bigint;
}

function addToInterval(commits: IntervalCommits[], intervalId: bigint, add: CommitTotals): IntervalCommits[] {
  const next = commits.map((c) => ({ intervalId: c.intervalId, totals: { ...c.totals } }));
  let entry = next.find((c) => c.intervalId === intervalId);
  if (!entry) {
    entry = { intervalId, totals: emptyTotals() };
    next.push(entry);
    next.sort((a, b) => (a.intervalId < b.intervalId ? -1 : a.intervalId > b.intervalId ? 1 : 0));
  }
  for (const [key, value] of Object.entries(add) as Array<[keyof CommitTotals, bigint]>) {
    entry.totals[key] += value;
  }
  return next;
}

/**
 * What a commit does to the pool when it is made (§3.1, §2.2, §3.6): a mint's fee goes to its side now and the
 * rest is queued; burned and flipped tokens leave the supply now and join the pending burns. The user's own
 * aggregate-balance update that `commit` runs first is not modelled here (it only credits that user's burn fees).
 */
export function queueCommit(state: PoolState, request: CommitRequest, now: bigint): QueuedCommit {
  const { commitType, amount } = request;
  if (amount <= 0n) throw new ContractRevert('Amount must not be zero');
  const intervalId = appropriateUpdateIntervalId(
    now,
    state.lastPriceTimestamp,
    BigInt(state.frontRunningInterval),
    BigInt(state.updateInterval),
    state.updateIntervalId,
  );
  const next: PoolState = { ...state };
  const action = commitAction(commitType);
  if (!action) return { state: next, intervalId, mintFee: 0n };
  const side = BOOK_FIELDS[action.side];
  let mintFee = 0n;
  let queued = amount;
  if (action.kind === 'mint') {
    ({ fee: mintFee, queued } = mintFeeAtCommit(amount, state.mintingFeeWad));
    next[side.balance] += mintFee;
  } else {
    next[side.supply] = checkedSub(state[side.supply], amount);
    next[side.pendingBurns] += amount;
  }
  next.commits = addToInterval(state.commits, intervalId, commitTotals(commitType, queued));
  return { state: next, intervalId, mintFee };
}
