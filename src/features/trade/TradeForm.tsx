/**
 * The trade form: pool, side and action (kept in the link), the amount and where it is paid from (kept here,
 * and reset whenever the pool, side or action change, because TradePage keys the form by them). What it
 * shows is derived in tradeDerivation.ts; this file draws it and sends the one step it offers.
 */
import { useId, useState } from 'react';
import { formatUnits } from 'viem';
import { isAddressEqual } from '../../chain/config/addressText.ts';
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { useClaimReward } from '../../chain/react/autoClaim.ts';
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { useSentTransactions } from '../../chain/react/useSentTransactions.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { approveRequest, commitRequest } from '../../chain/tx/poolWrites.ts';
import { useConnectWallet } from '../../chain/wallet/connectWallet.ts';
import { switchWalletChain } from '../../chain/wallet/wallet.ts';
import { commitAction } from '../../engine/commits.ts';
import type { Side } from '../../engine/types.ts';
import { amountForInput, userLocale } from '../../ui/amountText.ts';
import { Button } from '../../ui/Button.tsx';
import { commitLabel } from '../../ui/commitLabels.ts';
import { exactAmount, formatTokenAmount } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { NumberInput } from '../../ui/NumberInput.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import { AutoClaimOption } from './AutoClaimOption.tsx';
import { heldBack, InFlightNotice } from './InFlight.tsx';
import type { TradeChoice } from './links.ts';
import { TradePreview } from './TradePreview.tsx';
import { EMPTY_INPUTS, type TradeInputs } from './tradeDerivation.ts';
import type { Action, Source } from './tradeModel.ts';
import { useTradeDerivation } from './useTradeDerivation.ts';

export function TradeForm({
  pools,
  pool,
  choice,
  onChoice,
  chainNow,
  blockTimestamp,
  chainId,
  chainName,
  staleSeconds,
}: {
  pools: PoolSnapshot[];
  pool: PoolSnapshot;
  choice: TradeChoice;
  onChoice: (patch: Partial<TradeChoice>) => void;
  chainNow: number;
  /** Timestamp of the block `pool` was read at: only it may say the keeper is late. */
  blockTimestamp: bigint;
  chainId: number;
  chainName: string;
  /** Set while the figures are stale: how old they are. Nothing is sent on them. */
  staleSeconds: number | undefined;
}) {
  const amountId = useId();
  const explorer = useAppConfig().chains.find((c) => c.id === chainId)?.blockExplorers?.default.url;
  const { openConnectModal } = useConnectWallet();
  const [switching, setSwitching] = useState(false);
  const { busy, send } = useTransactor();
  const [inputs, setInputs] = useState<TradeInputs>(EMPTY_INPUTS);
  const update = (patch: Partial<TradeInputs>) => setInputs((current) => ({ ...current, ...patch }));
  // Errors show once the user has typed or tried to submit, not on an untouched empty field.
  const [submitted, setSubmitted] = useState(false);
  const locale = userLocale();
  const trade = useTradeDerivation(pool, {
    locale,
    choice,
    inputs,
    chainNow,
    blockTimestamp,
    chainId,
    chainName,
    staleSeconds,
    submitted,
  });
  const { step, unit, available } = trade;
  const claim = useClaimReward(inputs.autoClaim);
  // What this account has sent on this pool and the chain has not settled yet, across reloads and tabs.
  const inFlight = useSentTransactions(trade.address, chainId).filter(
    (tx) => 'pool' in tx.intent && isAddressEqual(tx.intent.pool, pool.info.address),
  );
  const [secondCommitWanted, setSecondCommitWanted] = useState(false);
  const held = heldBack(step, inFlight, trade.commitType, secondCommitWanted);
  // A paid claim is not sent until its reward is known.
  const disabled =
    trade.disabled ||
    held !== undefined ||
    (inputs.autoClaim && step.kind === 'commit' && claim.reward === undefined);
  const decimals = pool.state.decimals;
  const symbol = pool.info.collateral.symbol;

  const submit = async () => {
    if (step.kind === 'connect') return openConnectModal();
    if (step.kind === 'switch') {
      // A refused switch changes nothing: the button still offers it.
      setSwitching(true);
      return switchWalletChain(chainId)
        .catch(() => undefined)
        .finally(() => setSwitching(false));
    }
    const user = trade.address;
    if (!user) return;
    if (step.kind === 'approve') {
      const unlimited = inputs.unlimitedApproval;
      await send(
        unlimited ? `Approve unlimited ${symbol}` : `Approve ${exactAmount(step.amount, decimals)} ${symbol}`,
        approveRequest(pool.info, unlimited ? 'unlimited' : step.amount),
        refreshAfter.approve(chainId, user),
        { kind: 'approve', pool: pool.info.address, token: pool.info.collateral.address },
      );
      return;
    }
    if (step.kind === 'commit') {
      const receipt = await send(
        `${commitLabel(commitAction(trade.commitType))} ${exactAmount(step.amount, decimals)} ${unit}`,
        commitRequest(
          pool.info,
          trade.commitType,
          step.amount,
          inputs.source === 'escrow',
          inputs.autoClaim ? claim.reward : undefined,
        ),
        refreshAfter.commit(chainId, user),
        {
          kind: 'commit',
          pool: pool.info.address,
          commitType: trade.commitType,
          amount: step.amount,
          fromEscrow: inputs.source === 'escrow',
        },
      );
      if (receipt) {
        update({ amount: '' });
        setSubmitted(false);
      }
    }
  };

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
          onChange={(e) => onChoice({ pool: e.target.value })}
        >
          {pools.map((p) => (
            <option key={p.info.address} value={p.info.address}>
              {p.info.name}
              {p.paused ? ' (paused)' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <Segmented<Side>
          legend="Side"
          value={choice.side}
          options={[
            ['long', 'Long'],
            ['short', 'Short'],
          ]}
          onChange={(side) => onChoice({ side })}
        />
        <Segmented<Action>
          legend="Action"
          value={choice.action}
          options={[
            ['mint', 'Mint'],
            ['burn', 'Burn'],
            ['flip', 'Flip'],
          ]}
          onChange={(action) => onChoice({ action })}
        />
      </div>
      <Segmented<Source>
        legend="Pay from"
        value={inputs.source}
        options={[
          ['wallet', 'Wallet'],
          ['escrow', 'Escrow'],
        ]}
        onChange={(source) => update({ source })}
      />
      <NumberInput
        id={amountId}
        label={`Amount (${unit})`}
        value={inputs.amount}
        error={trade.fieldError}
        placeholder={amountForInput('0.0', locale)}
        // The balance in the notation the field reads, so "128.009" is not taken for 128 in Germany. It is
        // rounded to six significant digits (an 18-decimal balance in full is a wall of digits); Max fills it
        // exactly, also in the field's notation, and that is what the field reads back.
        hint={
          available === undefined
            ? 'Connect to see your balance'
            : `${inputs.source === 'wallet' ? 'Wallet' : 'Escrow'}: ${formatTokenAmount(available, decimals, locale)} ${unit}`
        }
        onChange={(amount) => update({ amount })}
        action={
          <Button
            variant="secondary"
            disabled={available === undefined || available === 0n}
            onClick={() =>
              available !== undefined &&
              update({ amount: amountForInput(formatUnits(available, decimals), locale) })
            }
          >
            Max
          </Button>
        }
      />
      {step.kind === 'approve' ? (
        <label className="flex items-start gap-2 text-sm text-ink-200">
          <input
            type="checkbox"
            className="mt-1"
            checked={inputs.unlimitedApproval}
            onChange={(e) => update({ unlimitedApproval: e.target.checked })}
          />
          <span>
            Approve an unlimited amount
            {inputs.unlimitedApproval ? (
              <span className="block text-warn">
                The pool could then move all of your {symbol}, now and later. Only approve what you are about
                to mint unless you trust this contract completely.
              </span>
            ) : (
              <span className="block text-ink-400">By default you approve exactly this amount.</span>
            )}
          </span>
        </label>
      ) : null}
      {claim.available ? (
        <AutoClaimOption
          checked={inputs.autoClaim}
          onChange={(autoClaim) => update({ autoClaim })}
          reward={claim.reward}
        />
      ) : null}
      {trade.previewError && trade.check.ok ? <Notice tone="error">{trade.previewError}</Notice> : null}
      {pool.paused ? (
        <Notice tone="error">
          This pool is paused by its invariant check: no commit can be made until it is unpaused.
        </Notice>
      ) : null}
      {step.kind === 'stale' ? <Notice tone="warn">{step.message}</Notice> : null}
      <InFlightNotice
        inFlight={inFlight}
        explorer={explorer}
        onSendAnother={held?.reason === 'same-commit' ? () => setSecondCommitWanted(true) : undefined}
      />
      <Button type="submit" className="w-full py-3 text-base" busy={busy || switching} disabled={disabled}>
        {held ? held.label : trade.buttonLabel}
      </Button>
      {trade.preview ? (
        <section aria-label="Preview" className="rounded-xl border border-ink-800 p-4">
          <h3 className="mb-2 text-sm font-semibold">What to expect</h3>
          <TradePreview
            pool={pool}
            preview={trade.preview}
            notes={trade.previewNotes}
            side={choice.side}
            action={choice.action}
            chainNow={chainNow}
            blockTimestamp={blockTimestamp}
            stale={staleSeconds !== undefined}
          />
        </section>
      ) : null}
    </form>
  );
}
