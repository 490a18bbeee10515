import { useId, useState } from 'react';
import { formatUnits } from 'viem';
import { useAccount, useSwitchChain } from 'wagmi';
import { useWalletUi } from '../../app/walletUi.ts';
import type { PoolSnapshot } from '../../chain/poolReader.ts';
import { approveRequest, commitRequest } from '../../chain/poolWrites.ts';
import { refreshAfter } from '../../chain/queryKeys.ts';
import { usePendingSettlement } from '../../chain/usePendingSettlement.ts';
import { useTransactor } from '../../chain/useTransactor.ts';
import { type CommitPreview, previewCommit } from '../../engine/commitPreview.ts';
import { ContractRevert } from '../../engine/revert.ts';
import type { Side } from '../../engine/types.ts';
import { Button } from '../../ui/Button.tsx';
import { COMMIT_LABELS } from '../../ui/commitLabels.ts';
import { formatAmount } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { TradePreview } from './TradePreview.tsx';
import {
  type Action,
  amountUnit,
  availableOf,
  commitTypeOf,
  nextStep,
  type Source,
  wouldStrand,
} from './tradeModel.ts';
import type { TradeFormState } from './useTradeForm.ts';
import { checkAmount } from './validateAmount.ts';

export function buttonLabel(side: Side, action: Action): string {
  return COMMIT_LABELS[action][side];
}

export function TradeForm({
  pools,
  form,
  update,
  chainNow,
  chainId,
  chainName,
  staleSeconds,
}: {
  pools: PoolSnapshot[];
  form: TradeFormState;
  update: (patch: Partial<TradeFormState>) => void;
  chainNow: number;
  chainId: number;
  chainName: string;
  /** Set while the figures are stale: how old they are. Nothing is sent on them. */
  staleSeconds: number | undefined;
}) {
  const amountId = useId();
  const { isConnected, chainId: walletChainId, address } = useAccount();
  const { openConnectModal } = useWalletUi();
  const { switchChain, isPending: switching } = useSwitchChain();
  const { state: tx, send } = useTransactor();
  // Errors show once the user has typed or tried to submit, not on an untouched empty field.
  const [submitted, setSubmitted] = useState(false);
  const pool = pools.find((p) => p.info.address.toLowerCase() === form.pool?.toLowerCase()) ?? pools[0];
  const settlement = usePendingSettlement(pool, address);
  if (!pool) return <Notice>No pool to trade on {chainName}.</Notice>;

  const decimals = pool.state.decimals;
  const unit = amountUnit(pool, form.side, form.action);
  const available = availableOf(pool, form.side, form.action, form.source);
  const touched = form.amount !== '' || submitted;
  const check = checkAmount(form.amount, {
    decimals,
    available,
    unit,
    sourceLabel: form.source === 'wallet' ? 'wallet' : 'escrow',
  });
  const commitType = commitTypeOf(form.side, form.action);

  let preview: CommitPreview | undefined;
  let previewError: string | undefined;
  if (check.ok) {
    try {
      preview = previewCommit(pool.state, {
        commitType,
        amount: check.amount,
        now: BigInt(Math.floor(chainNow)),
        price: pool.oraclePrice,
        ...(settlement.data
          ? {
              pendingFeeCredit: {
                long: settlement.data.longFeeCredit,
                short: settlement.data.shortFeeCredit,
              },
            }
          : {}),
      });
      const listed = settlement.data?.remainingIntervalIds;
      if (preview && listed && wouldStrand(preview.intervalId, listed)) {
        previewError = `Not now: this commit would join interval ${preview.intervalId}, below interval ${listed.at(-1)} where you already have a commit queued. Tracer V2.1 would take your funds but never credit them to you. Wait for the next rebalance, then commit.`;
        preview = undefined;
      }
    } catch (error) {
      previewError =
        error instanceof ContractRevert
          ? `The pool would refuse this trade: ${error.reason}.`
          : 'This trade cannot be previewed.';
    }
  }
  const step = nextStep({
    connected: isConnected,
    onPoolChain: walletChainId === chainId,
    pool,
    action: form.action,
    source: form.source,
    check: previewError ? { ok: false, message: previewError } : check,
    staleSeconds,
  });
  const busy = tx.status === 'signing' || tx.status === 'pending';
  const fieldError = touched && !check.ok ? check.message : undefined;

  const submit = async () => {
    if (step.kind === 'connect') return openConnectModal();
    if (step.kind === 'switch') return switchChain({ chainId });
    const user = address;
    if (!user) return;
    if (step.kind === 'approve') {
      const amount = form.unlimitedApproval ? 'unlimited' : step.amount;
      await send(
        form.unlimitedApproval
          ? `Approve unlimited ${pool.info.collateral.symbol}`
          : `Approve ${formatAmount(step.amount, decimals)} ${pool.info.collateral.symbol}`,
        approveRequest(pool.info, amount),
        refreshAfter.approve(chainId, user),
      );
      return;
    }
    if (step.kind === 'commit') {
      const receipt = await send(
        `${buttonLabel(form.side, form.action)} ${formatAmount(step.amount, decimals)} ${unit}`,
        commitRequest(pool.info, commitType, step.amount, form.source === 'escrow'),
        refreshAfter.commit(chainId, user),
      );
      if (receipt) {
        update({ amount: '' });
        setSubmitted(false);
      }
    }
  };

  const label =
    step.kind === 'connect'
      ? 'Connect wallet'
      : step.kind === 'switch'
        ? `Switch to ${chainName}`
        : step.kind === 'paused'
          ? 'Pool paused'
          : step.kind === 'stale'
            ? 'Waiting for fresh figures…'
            : step.kind === 'loading'
              ? 'Loading balances…'
              : step.kind === 'approve'
                ? `Approve ${pool.info.collateral.symbol}`
                : buttonLabel(form.side, form.action);
  const disabled = step.kind === 'paused' || step.kind === 'loading' || step.kind === 'stale';

  return (
    <form
      className="space-y-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (!disabled && !busy && step.kind !== 'invalid') void submit();
      }}
    >
      <label className="flex flex-col gap-1 text-xs text-ink-400">
        Pool
        <select
          className="rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 text-sm text-ink-50"
          value={pool.info.address}
          onChange={(e) => update({ pool: e.target.value })}
        >
          {pools.map((p) => (
            <option key={p.info.address} value={p.info.address}>
              {p.info.name}
              {p.paused ? ' (paused)' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="grid grid-cols-2 gap-3">
        <Segmented<Side>
          legend="Side"
          value={form.side}
          options={[
            ['long', 'Long'],
            ['short', 'Short'],
          ]}
          onChange={(side) => update({ side })}
        />
        <Segmented<Action>
          legend="Action"
          value={form.action}
          options={[
            ['mint', 'Mint'],
            ['burn', 'Burn'],
            ['flip', 'Flip'],
          ]}
          onChange={(action) => update({ action })}
        />
      </div>
      <Segmented<Source>
        legend="Pay from"
        value={form.source}
        options={[
          ['wallet', 'Wallet'],
          ['escrow', 'Escrow'],
        ]}
        onChange={(source) => update({ source })}
      />
      <div>
        <div className="mb-1 flex items-end justify-between text-xs text-ink-400">
          <label htmlFor={amountId}>Amount ({unit})</label>
          <span>
            {available === undefined
              ? 'Connect to see your balance'
              : `${form.source === 'wallet' ? 'Wallet' : 'Escrow'}: ${formatAmount(available, decimals, 6)} ${unit}`}
          </span>
        </div>
        <div className="flex gap-2">
          <input
            id={amountId}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.0"
            className="min-w-0 flex-1 rounded-lg border border-ink-700 bg-ink-900 px-3 py-2 font-mono text-lg text-ink-50 aria-[invalid=true]:border-short"
            value={form.amount}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? `${amountId}-error` : undefined}
            onChange={(e) => update({ amount: e.target.value })}
          />
          <Button
            variant="secondary"
            disabled={available === undefined || available === 0n}
            onClick={() => available !== undefined && update({ amount: formatUnits(available, decimals) })}
          >
            Max
          </Button>
        </div>
        {fieldError ? (
          <p id={`${amountId}-error`} role="alert" className="mt-1 text-sm text-short">
            {fieldError}
          </p>
        ) : null}
      </div>
      {step.kind === 'approve' ? (
        <label className="flex items-start gap-2 text-sm text-ink-200">
          <input
            type="checkbox"
            className="mt-1"
            checked={form.unlimitedApproval}
            onChange={(e) => update({ unlimitedApproval: e.target.checked })}
          />
          <span>
            Approve an unlimited amount
            {form.unlimitedApproval ? (
              <span className="block text-warn">
                The pool could then move all of your {pool.info.collateral.symbol}, now and later. Only
                approve what you are about to mint unless you trust this contract completely.
              </span>
            ) : (
              <span className="block text-ink-400">By default you approve exactly this amount.</span>
            )}
          </span>
        </label>
      ) : null}
      {previewError && check.ok ? <Notice tone="error">{previewError}</Notice> : null}
      {pool.paused ? (
        <Notice tone="error">
          This pool is paused by its invariant check: no commit can be made until it is unpaused.
        </Notice>
      ) : null}
      {step.kind === 'stale' ? <Notice tone="warn">{step.message}</Notice> : null}
      <Button type="submit" className="w-full py-3 text-base" busy={busy || switching} disabled={disabled}>
        {label}
      </Button>
      {tx.status === 'failed' ? (
        <Notice tone={tx.kind === 'rejected' ? 'info' : 'error'}>{tx.message}</Notice>
      ) : null}
      {preview ? (
        <section aria-label="Preview" className="rounded-xl border border-ink-800 p-4">
          <h3 className="mb-2 text-sm font-semibold">What to expect</h3>
          <TradePreview
            pool={pool}
            preview={preview}
            side={form.side}
            action={form.action}
            chainNow={chainNow}
            stale={staleSeconds !== undefined}
          />
        </section>
      ) : null}
    </form>
  );
}
