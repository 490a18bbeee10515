/**
 * The trade form: pool, side and action (kept in the link), the amount and where it is paid from (kept here,
 * and reset whenever the pool, side or action change, because TradePage keys the form by them). What it
 * shows is derived in tradeDerivation.ts; this file draws it, and useTradeSteps.ts sends the one step it offers.
 */
import { useId, useState } from 'react';
import { formatUnits } from 'viem';
import { isAddressEqual } from '../../chain/config/addressText.ts';
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { useClaimReward } from '../../chain/react/autoClaim.ts';
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import { useSentTransactions } from '../../chain/react/useSentTransactions.ts';
import { Button } from '../../ui/Button.tsx';
import { formatTokenAmount } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { NumberInput } from '../../ui/NumberInput.tsx';
import { amountForInput, userLocale } from '../../ui/numberConventions.ts';
import { Segmented } from '../../ui/Segmented.tsx';
import { ApprovalOption } from './ApprovalOption.tsx';
import { AutoClaimOption } from './AutoClaimOption.tsx';
import { heldBack, InFlightNotice } from './InFlight.tsx';
import type { TradeChoice } from './links.ts';
import { TradeChoiceFields } from './TradeChoiceFields.tsx';
import { TradePreview } from './TradePreview.tsx';
import { EMPTY_INPUTS, type TradeInputs } from './tradeDerivation.ts';
import type { Source } from './tradeModel.ts';
import { useTradeDerivation } from './useTradeDerivation.ts';
import { useTradeSteps } from './useTradeSteps.ts';

const SOURCE_OPTIONS: ReadonlyArray<readonly [Source, string]> = [
  ['wallet', 'Wallet'],
  ['escrow', 'Escrow'],
];

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
  const { busy, switching, sendStep } = useTradeSteps();
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

  const submit = () =>
    sendStep(step, {
      pool,
      chainId,
      user: trade.address,
      inputs,
      commitType: trade.commitType,
      unit,
      claimReward: claim.reward,
      onCommitted: () => {
        update({ amount: '' });
        setSubmitted(false);
      },
    });

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
      <TradeChoiceFields pools={pools} pool={pool} choice={choice} onChoice={onChoice} />
      <Segmented<Source>
        legend="Pay from"
        value={inputs.source}
        options={SOURCE_OPTIONS}
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
        <ApprovalOption
          checked={inputs.unlimitedApproval}
          onChange={(unlimitedApproval) => update({ unlimitedApproval })}
          symbol={symbol}
        />
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
