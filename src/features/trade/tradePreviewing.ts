/**
 * The engine's preview of the trade form's commit, and the sentences around it: why a commit would be refused
 * or yield nothing, and when the figures may differ from what the chain does (docs/protocol.md §3.10).
 */
import { formatUnits } from 'viem';
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import {
  type CommitPreview,
  type CommitPreviewInput,
  commitOutput,
  previewCommit,
} from '../../engine/commitPreview.ts';
import type { CommitType } from '../../engine/commits.ts';
import { ContractRevert } from '../../engine/revert.ts';
import type { SettleAggregateResult } from '../../engine/settlement.ts';
import { smallestYieldingAmount } from '../../engine/smallestCommit.ts';
import type { KeeperInputs } from '../../engine/upkeep.ts';
import { formatDuration } from '../../ui/Countdown.tsx';
import { amountForInput } from '../../ui/numberConventions.ts';
import type { TradeChoice } from './links.ts';
import { amountUnit, wouldStrand } from './tradeModel.ts';

/** What the trade form reads to preview a commit: the pool as read, the user's pending settlement, the clock. */
export interface PreviewContext {
  pool: PoolSnapshot;
  choice: Pick<TradeChoice, 'side' | 'action'>;
  chainNow: number;
  /** Timestamp of the block `pool` was read at: the keeper is taken as late only once it says so. */
  blockTimestamp: bigint;
  /** Whose decimal and group separators the amount is typed with. */
  locale: string;
  /** The user's pending settlement in this pool, once read (fee credits, listed intervals). */
  settlement: SettleAggregateResult | undefined;
}

/** The engine's preview with its notes, or the one sentence saying why there is none. */
export type Previewed = { preview?: CommitPreview; error?: string; notes?: string[] };

/**
 * The gas a keeper measures for itself (`gasSpent`, docs/protocol.md §2.4) in an upkeep that executes one
 * interval: 243,469 with nothing queued and 281,773 with one mint, measured on the V2.1 bytecode
 * (tests/chain/previewDifferential.test.ts prints it). The real figure is known only once the upkeep runs, so
 * the preview also works the figure out at both ends of `UPKEEP_GAS_RANGE` and says how far it may move.
 */
export const UPKEEP_GAS_ESTIMATE = 250_000n;
export const UPKEEP_GAS_RANGE = [200_000n, 400_000n] as const;

/**
 * What the keeper's reward is computed from, as the pool snapshot has it (§2.4): the PoolKeeper's `gasPrice()`
 * and the settlement/ETH price, read with the pool. Undefined when the settlement/ETH feed did not answer (or
 * answered a price a keeper could not be paid with): the preview then leaves the reward out and says so.
 */
export function previewKeeperInputs(pool: Pick<PoolSnapshot, 'health'>): KeeperInputs | undefined {
  const price = pool.health.settlementEthPrice;
  if (price === undefined || price <= 0n) return undefined;
  return {
    gasPriceWei: pool.health.keeperGasPrice,
    gasSpent: UPKEEP_GAS_ESTIMATE,
    settlementPerEthWad: price,
  };
}

/** What a commit pays out, in words: the side's tokens for mints and flips, the collateral for burns. */
function outputUnit(ctx: PreviewContext): string {
  const { side, action } = ctx.choice;
  if (action === 'burn') return ctx.pool.info.collateral.symbol;
  const received = action === 'flip' ? (side === 'long' ? 'short' : 'long') : side;
  return received === 'long' ? 'L tokens' : 'S tokens';
}

const GIVES = { mint: 'give you', burn: 'pay you', flip: 'give you' } as const;
const GIVE = { mint: 'gives', burn: 'pays', flip: 'gives' } as const;

/** The one sentence refusing a commit that would yield nothing, naming the smallest amount that yields a unit. */
function nothingOutSentence(ctx: PreviewContext, input: Omit<CommitPreviewInput, 'amount'>): string {
  const { action, side } = ctx.choice;
  const d = ctx.pool.state.decimals;
  const out = outputUnit(ctx);
  const smallest = smallestYieldingAmount(ctx.pool.state, input);
  if (smallest === undefined)
    return `This ${action} would ${GIVES[action]} 0 ${out}, and no amount this pool can take would ${GIVES[action]} any.`;
  const unit = amountUnit(ctx.pool, side, action);
  const text = (value: bigint) => amountForInput(formatUnits(value, d), ctx.locale);
  return `This ${action} would ${GIVES[action]} 0 ${out}: the smallest ${action} that ${GIVE[action]} at least one unit (${text(1n)} ${out}) is ${text(smallest)} ${unit}.`;
}

/**
 * The sentences that say when and why the preview may differ from what the chain does (§3.10): a late keeper
 * that someone upkeeps for before the commit's interval is due, and the reward of an upkeep that comes before
 * the commit's, whose gas is known only when it runs (worked out at both ends of UPKEEP_GAS_RANGE).
 */
function previewNotes(
  ctx: PreviewContext,
  input: CommitPreviewInput,
  result: CommitPreview,
  now: bigint,
): string[] {
  const notes: string[] = [];
  const { keeper } = result;
  if (keeper.schedule === 'late') {
    notes.push(
      `The keeper is late: these figures assume the next upkeep comes once this commit's interval is due (in ${formatDuration(Number(result.executesAt - now))}); an upkeep before then would execute only the overdue intervals, with a management fee and a keeper reward of their own, and change the figures slightly.`,
    );
  }
  if (keeper.upkeepsBefore === 0) return notes;
  const before = keeper.upkeepsBefore === 1 ? 'the upkeep' : `the ${keeper.upkeepsBefore} upkeeps`;
  if (keeper.rewardIgnored || !input.keeper) {
    notes.push(
      `The keeper's reward for ${before} before this commit's is left out, as the settlement/ETH feed does not answer, so the figures may be slightly off.`,
    );
    return notes;
  }
  const estimate = input.keeper;
  const at = (gasSpent: bigint) => {
    try {
      return commitOutput(previewCommit(ctx.pool.state, { ...input, keeper: { ...estimate, gasSpent } }));
    } catch (error) {
      if (error instanceof ContractRevert) return undefined;
      throw error;
    }
  };
  const shown = commitOutput(result);
  let spread = 0n;
  for (const gas of UPKEEP_GAS_RANGE) {
    const other = at(gas);
    if (other === undefined) continue;
    const delta = other > shown ? other - shown : shown - other;
    if (delta > spread) spread = delta;
  }
  if (spread > 0n) {
    const out = outputUnit(ctx);
    notes.push(
      `The keeper's reward for ${before} before this commit's is included at an estimated ${estimate.gasSpent.toLocaleString('en-US')} gas and a keeper that comes ${keeper.schedule === 'due' ? 'now' : 'as soon as it is due'}; its real gas is known only when it runs, so you may get up to ${amountForInput(formatUnits(spread, ctx.pool.state.decimals), ctx.locale)} ${out} more or less.`,
    );
  }
  return notes;
}

export function previewTrade(ctx: PreviewContext, commitType: CommitType, amount: bigint): Previewed {
  const { pool, settlement } = ctx;
  const now = BigInt(Math.floor(ctx.chainNow));
  const keeper = previewKeeperInputs(pool);
  const base: Omit<CommitPreviewInput, 'amount'> = {
    commitType,
    now,
    price: pool.oraclePrice,
    readAt: ctx.blockTimestamp,
    ...(settlement
      ? { pendingFeeCredit: { long: settlement.longFeeCredit, short: settlement.shortFeeCredit } }
      : {}),
    ...(keeper ? { keeper } : {}),
  };
  try {
    const input: CommitPreviewInput = { ...base, amount };
    const result = previewCommit(pool.state, input);
    const listed = settlement?.remainingIntervalIds;
    if (listed && wouldStrand(result.intervalId, listed)) {
      return {
        error: `Not now: this commit would join interval ${result.intervalId}, below interval ${listed.at(-1)} where you already have a commit queued. Tracer V2.1 would take your funds but never credit them to you. Wait for the next rebalance, then commit.`,
      };
    }
    // The user's share is truncated (§3.5): a commit too small for one unit would take the amount for nothing.
    if (commitOutput(result) === 0n) return { error: nothingOutSentence(ctx, base) };
    return { preview: result, notes: previewNotes(ctx, input, result, now) };
  } catch (error) {
    return {
      error:
        error instanceof ContractRevert
          ? `The pool would refuse this trade: ${error.reason}.`
          : 'This trade cannot be previewed.',
    };
  }
}
