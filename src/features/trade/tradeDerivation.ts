/**
 * Everything the trade form shows, derived from one set of inputs as a plain function: the amount's check,
 * the engine's preview (or why there is none), the next step and the button's words. The form only draws
 * what this returns, so every rule here is tested without React (tests/features/trade/).
 */
import { formatUnits } from 'viem';
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import {
  type CommitPreview,
  type CommitPreviewInput,
  commitOutput,
  previewCommit,
  smallestYieldingAmount,
} from '../../engine/commitPreview.ts';
import { type CommitType, commitAction } from '../../engine/commits.ts';
import { ContractRevert } from '../../engine/revert.ts';
import type { SettleAggregateResult } from '../../engine/settlement.ts';
import type { KeeperInputs } from '../../engine/upkeep.ts';
import { amountForInput } from '../../ui/amountText.ts';
import { formatDuration } from '../../ui/Countdown.tsx';
import { commitLabel } from '../../ui/commitLabels.ts';
import type { TradeChoice } from './links.ts';
import {
  amountUnit,
  availableOf,
  commitTypeOf,
  nextStep,
  type Source,
  type TradeStep,
  wouldStrand,
} from './tradeModel.ts';
import { type AmountCheck, checkAmount } from './validateAmount.ts';

/** What the user typed and chose in the form itself (pool, side and action are in the link). */
export interface TradeInputs {
  amount: string;
  source: Source;
  unlimitedApproval: boolean;
  /** Pay a keeper to claim the commit's result (AutoClaim). */
  autoClaim: boolean;
}

export const EMPTY_INPUTS: TradeInputs = {
  amount: '',
  source: 'wallet',
  unlimitedApproval: false,
  autoClaim: false,
};

export interface TradeContext {
  pool: PoolSnapshot;
  choice: Pick<TradeChoice, 'side' | 'action'>;
  inputs: TradeInputs;
  chainNow: number;
  /** Timestamp of the block `pool` was read at: the keeper is taken as late only once it says so. */
  blockTimestamp: bigint;
  chainName: string;
  /** Whose decimal and group separators the amount is typed with. */
  locale: string;
  /** Set while the figures are stale: how old they are. Nothing is sent on them. */
  staleSeconds: number | undefined;
  wallet: { loading?: boolean; connected: boolean; onPoolChain: boolean };
  /** The user's pending settlement in this pool, once read (fee credits, listed intervals). */
  settlement: SettleAggregateResult | undefined;
  /** Whether the user has tried to submit: errors of an untouched empty field wait until then. */
  submitted: boolean;
}

export interface TradeDerivation {
  unit: string;
  available: bigint | undefined;
  commitType: CommitType;
  check: AmountCheck;
  preview: CommitPreview | undefined;
  /** When and why the preview may differ from what the chain will do, one sentence each (§3.10). */
  previewNotes: string[];
  previewError: string | undefined;
  step: TradeStep;
  /** The amount field's message, once the user has typed or tried to submit. */
  fieldError: string | undefined;
  buttonLabel: string;
  /** The button cannot act at all (paused, loading, stale); an invalid amount still submits to show why. */
  disabled: boolean;
}

type Previewed = { preview?: CommitPreview; error?: string; notes?: string[] };

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
function outputUnit(ctx: TradeContext): string {
  const { side, action } = ctx.choice;
  if (action === 'burn') return ctx.pool.info.collateral.symbol;
  const received = action === 'flip' ? (side === 'long' ? 'short' : 'long') : side;
  return received === 'long' ? 'L tokens' : 'S tokens';
}

const GIVES = { mint: 'give you', burn: 'pay you', flip: 'give you' } as const;
const GIVE = { mint: 'gives', burn: 'pays', flip: 'gives' } as const;

/** The one sentence refusing a commit that would yield nothing, naming the smallest amount that yields a unit. */
function nothingOutSentence(ctx: TradeContext, input: Omit<CommitPreviewInput, 'amount'>): string {
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
  ctx: TradeContext,
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

function preview(ctx: TradeContext, commitType: CommitType, amount: bigint): Previewed {
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

function stepLabel(step: TradeStep, ctx: TradeContext, commitType: CommitType): string {
  switch (step.kind) {
    case 'wallet-loading':
      return 'Connecting wallet…';
    case 'connect':
      return 'Connect wallet';
    case 'switch':
      return `Switch to ${ctx.chainName}`;
    case 'paused':
      return 'Pool paused';
    case 'stale':
      return 'Waiting for fresh figures…';
    case 'loading':
      return 'Loading balances…';
    case 'approve':
      return `Approve ${ctx.pool.info.collateral.symbol}`;
    default:
      return commitLabel(commitAction(commitType));
  }
}

export function deriveTrade(ctx: TradeContext): TradeDerivation {
  const { pool, choice, inputs } = ctx;
  const unit = amountUnit(pool, choice.side, choice.action);
  const available = availableOf(pool, choice.side, choice.action, inputs.source);
  const check = checkAmount(inputs.amount, {
    decimals: pool.state.decimals,
    available,
    unit,
    sourceLabel: inputs.source,
    locale: ctx.locale,
  });
  const commitType = commitTypeOf(choice.side, choice.action);
  const previewed: Previewed = check.ok ? preview(ctx, commitType, check.amount) : {};
  const step = nextStep({
    walletLoading: ctx.wallet.loading ?? false,
    connected: ctx.wallet.connected,
    onPoolChain: ctx.wallet.onPoolChain,
    pool,
    action: choice.action,
    source: inputs.source,
    check: previewed.error ? { ok: false, message: previewed.error } : check,
    staleSeconds: ctx.staleSeconds,
  });
  const touched = inputs.amount !== '' || ctx.submitted;
  return {
    unit,
    available,
    commitType,
    check,
    preview: previewed.preview,
    previewNotes: previewed.notes ?? [],
    previewError: previewed.error,
    step,
    fieldError: touched && !check.ok ? check.message : undefined,
    buttonLabel: stepLabel(step, ctx, commitType),
    disabled: ['wallet-loading', 'paused', 'loading', 'stale'].includes(step.kind),
  };
}
