/**
 * Everything the trade form shows, derived from one set of inputs as a plain function: the amount's check,
 * the engine's preview (or why there is none), the next step and the button's words. The form only draws
 * what this returns, so every rule here is tested without React (tests/features/trade/).
 */
import type { PoolSnapshot } from '../../chain/poolReader.ts';
import { COMMIT_LABEL } from '../../engine/commitLabels.ts';
import { type CommitPreview, previewCommit } from '../../engine/commitPreview.ts';
import type { CommitType } from '../../engine/commits.ts';
import { ContractRevert } from '../../engine/revert.ts';
import type { SettleAggregateResult } from '../../engine/settlement.ts';
import type { TradeChoice } from './routes.ts';
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
  previewError: string | undefined;
  step: TradeStep;
  /** The amount field's message, once the user has typed or tried to submit. */
  fieldError: string | undefined;
  buttonLabel: string;
  /** The button cannot act at all (paused, loading, stale); an invalid amount still submits to show why. */
  disabled: boolean;
}

type Previewed = { preview?: CommitPreview; error?: string };

function preview(ctx: TradeContext, commitType: CommitType, amount: bigint): Previewed {
  const { pool, settlement } = ctx;
  try {
    const result = previewCommit(pool.state, {
      commitType,
      amount,
      now: BigInt(Math.floor(ctx.chainNow)),
      price: pool.oraclePrice,
      ...(settlement
        ? { pendingFeeCredit: { long: settlement.longFeeCredit, short: settlement.shortFeeCredit } }
        : {}),
    });
    const listed = settlement?.remainingIntervalIds;
    if (listed && wouldStrand(result.intervalId, listed)) {
      return {
        error: `Not now: this commit would join interval ${result.intervalId}, below interval ${listed.at(-1)} where you already have a commit queued. Tracer V2.1 would take your funds but never credit them to you. Wait for the next rebalance, then commit.`,
      };
    }
    return { preview: result };
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
      return COMMIT_LABEL[commitType];
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
    previewError: previewed.error,
    step,
    fieldError: touched && !check.ok ? check.message : undefined,
    buttonLabel: stepLabel(step, ctx, commitType),
    disabled: ['wallet-loading', 'paused', 'loading', 'stale'].includes(step.kind),
  };
}
