/**
 * Everything the trade form shows, derived from one set of inputs as a plain function: the amount's check,
 * the engine's preview or why there is none (tradePreviewing.ts), the next step and the button's words. The
 * form only draws what this returns, so every rule here is tested without React (tests/features/trade/).
 */
import type { CommitPreview } from '../../engine/commitPreview.ts';
import { type CommitType, commitAction } from '../../engine/commits.ts';
import { commitLabel } from '../../ui/commitLabels.ts';
import {
  amountUnit,
  availableOf,
  commitTypeOf,
  nextStep,
  type Source,
  type TradeStep,
} from './tradeModel.ts';
import { type PreviewContext, type Previewed, previewTrade } from './tradePreviewing.ts';
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

export interface TradeContext extends PreviewContext {
  inputs: TradeInputs;
  chainName: string;
  /** Set while the figures are stale: how old they are. Nothing is sent on them. */
  staleSeconds: number | undefined;
  wallet: { loading?: boolean; connected: boolean; onPoolChain: boolean };
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
  const previewed: Previewed = check.ok ? previewTrade(ctx, commitType, check.amount) : {};
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
