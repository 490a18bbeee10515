/**
 * The launch's steps, one transaction each, sent one at a time through the transactor so that the toasts
 * tell each outcome (docs/treasury.md §2). Each step shows where it stands: waiting, next, in the wallet,
 * mining, or done with its transaction. What the chain already holds counts as done, so a launch picked up
 * again after a reload, or from another device, carries on at the first step left.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { Hash } from 'viem';
import { describeReadFailure } from '../../chain/errors/endpointFailure.ts';
import {
  approveDeploymentFeeRequest,
  deployPoolRequest,
  wrapperDeployRequest,
} from '../../chain/launch/launchWrites.ts';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { type TxState, useTransactor } from '../../chain/react/useTransactor.ts';
import { useConnectWallet } from '../../chain/wallet/connectWallet.ts';
import { switchWalletChain } from '../../chain/wallet/wallet.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { shortAddress } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { poolLink, poolsNav } from '../pools/links.ts';
import type { LaunchStep, StepId } from './launchSteps.ts';
import type { LaunchFormModel, LaunchPlan } from './useLaunchForm.ts';

function statusOf(step: LaunchStep, next: LaunchStep | undefined, running: StepId | undefined, tx: TxState) {
  if (step.done) return { text: 'Done', tone: 'text-long' };
  if (step.id === running && tx.status === 'signing')
    return { text: 'In your wallet', tone: 'text-sand-400' };
  if (step.id === running && tx.status === 'pending') return { text: 'Mining…', tone: 'text-sand-400' };
  if (step.id === running && tx.status === 'failed') return { text: 'Not sent', tone: 'text-short' };
  if (step === next) return { text: 'Next', tone: 'text-ink-200' };
  return { text: 'Waiting', tone: 'text-ink-400' };
}

export function LaunchSteps({ model, chainName }: { model: LaunchFormModel; chainName: string }) {
  const { wallet, walletOnOtherChain, plan, state, chainId, deployment, account } = model;
  const { openConnectModal } = useConnectWallet();
  const [switching, setSwitching] = useState(false);
  if (wallet.status === 'loading')
    return (
      <p role="status" className="text-sm text-ink-400">
        Checking your wallet…
      </p>
    );
  if (wallet.status === 'disconnected' || (!account && !walletOnOtherChain))
    return (
      <div className="space-y-3">
        <p className="text-sm text-ink-400">Connect the account that will launch the pool.</p>
        <Button className="w-full py-3" onClick={openConnectModal}>
          Connect wallet
        </Button>
      </div>
    );
  if (walletOnOtherChain)
    return (
      <Button
        className="w-full py-3"
        busy={switching}
        onClick={() => {
          setSwitching(true);
          void switchWalletChain(chainId)
            .catch(() => undefined)
            .finally(() => setSwitching(false));
        }}
      >
        Switch to {chainName}
      </Button>
    );
  if (state.error && !state.data)
    return (
      <ErrorState
        what="the launch’s steps"
        problem={describeReadFailure(state.error)}
        onRetry={() => void state.refetch()}
      />
    );
  if (!plan)
    return (
      <p role="status" className="text-sm text-ink-400">
        {model.check.launch ? 'Checking what is already deployed…' : 'Fill in every field to see the steps.'}
      </p>
    );
  return <StepList plan={plan} chainId={chainId} explorerUrl={deployment.explorerUrl} />;
}

function StepList({
  plan,
  chainId,
  explorerUrl,
}: {
  plan: LaunchPlan;
  chainId: number;
  explorerUrl?: string;
}) {
  const { state: tx, busy, send, sendCall } = useTransactor();
  const [running, setRunning] = useState<StepId>();
  const [sent, setSent] = useState<Partial<Record<StepId, Hash>>>({});
  const { steps, next, blocker, launch, wrappers } = plan;
  const refresh = refreshAfter.launchStep(chainId);

  const sendNext = async () => {
    if (!next) return;
    setRunning(next.id);
    const fee = plan.state.deploymentFee;
    const receipt =
      next.id === 'marketWrapper' || next.id === 'settlementWrapper'
        ? await sendCall(
            next.label,
            wrapperDeployRequest(
              chainId,
              next.id === 'marketWrapper' ? wrappers.market : wrappers.settlementEth,
            ),
            refresh,
          )
        : next.id === 'deploymentFee' && fee
          ? await send(next.label, approveDeploymentFeeRequest(launch, fee.token, fee.amount), refresh)
          : await send(
              next.label,
              deployPoolRequest(launch, {
                market: wrappers.market.address,
                settlementEth: wrappers.settlementEth.address,
              }),
              refresh,
            );
    if (receipt) setSent((done) => ({ ...done, [next.id]: receipt.transactionHash }));
  };

  const index = next ? steps.indexOf(next) : -1;
  const launchedHere = sent.pool !== undefined;
  return (
    <div className="space-y-4">
      <ol className="space-y-3" aria-label="Launch steps">
        {steps.map((step, i) => {
          const status = statusOf(step, next, running, tx);
          const hash =
            sent[step.id] ?? (step.id === running && tx.status === 'pending' ? tx.hash : undefined);
          return (
            <li key={step.id} className="rounded-xl border border-ink-800 p-3" data-step={step.id}>
              <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1">
                <span className="text-sm text-ink-50">
                  {i + 1}. {step.label}
                </span>
                <span className={`text-xs font-semibold ${status.tone}`} data-status={status.text}>
                  {status.text}
                </span>
              </div>
              {step.address ? (
                <p className="mt-1 break-all font-mono text-xs text-ink-400">{step.address}</p>
              ) : null}
              {hash ? (
                <p className="mt-1 text-xs text-ink-400">
                  Transaction{' '}
                  {explorerUrl ? (
                    <a
                      className="text-sand-400 underline pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
                      href={`${explorerUrl}/tx/${hash}`}
                      target="_blank"
                      rel="noreferrer"
                    >
                      {shortAddress(hash)}
                    </a>
                  ) : (
                    <span className="font-mono">{shortAddress(hash)}</span>
                  )}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      {next ? (
        <>
          {blocker ? <Notice tone="error">{blocker}</Notice> : null}
          <Button
            className="w-full py-3 text-base"
            busy={busy}
            disabled={blocker !== undefined}
            onClick={() => void sendNext()}
          >
            Send step {index + 1} of {steps.length}: {next.label}
          </Button>
        </>
      ) : (
        <Notice
          tone={launchedHere ? 'success' : 'info'}
          action={
            <Link
              className="inline-flex min-h-11 items-center text-sand-400 underline"
              to={poolLink(plan.pool.address)}
            >
              Open the pool
            </Link>
          }
        >
          {launchedHere
            ? `Launched: the pool is live at ${plan.pool.address}.`
            : `A pool with these settings already exists at ${plan.pool.address}: there is nothing left to deploy.`}{' '}
          The{' '}
          <Link
            className="underline pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
            to={poolsNav.to}
          >
            pools list
          </Link>{' '}
          shows it once it passes the Olympus checks.
        </Notice>
      )}
    </div>
  );
}
