/**
 * What the trade form's main button sends at each step it offers (tradeModel.ts's nextStep): Connect, Switch
 * network, Approve and Commit, one function each. The other steps send nothing.
 */
import { useState } from 'react';
import type { Address } from 'viem';
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { approveRequest, commitRequest } from '../../chain/tx/poolWrites.ts';
import { useConnectWallet } from '../../chain/wallet/connectWallet.ts';
import { switchWalletChain } from '../../chain/wallet/wallet.ts';
import { type CommitType, commitAction } from '../../engine/commits.ts';
import { commitLabel } from '../../ui/commitLabels.ts';
import { exactAmount } from '../../ui/format.ts';
import type { TradeInputs } from './tradeDerivation.ts';
import type { TradeStep } from './tradeModel.ts';

export interface StepTarget {
  pool: PoolSnapshot;
  chainId: number;
  /** The connected account; approve and commit send nothing without one. */
  user: Address | undefined;
  inputs: TradeInputs;
  commitType: CommitType;
  /** What the amount is counted in, for the commit's label. */
  unit: string;
  /** The AutoClaim reward in wei, once read; sent with the commit only when the user asked for it. */
  claimReward: bigint | undefined;
  /** Called once a commit is mined, so the form can clear its amount. */
  onCommitted: () => void;
}

export function useTradeSteps() {
  const { openConnectModal } = useConnectWallet();
  const [switching, setSwitching] = useState(false);
  const { busy, send } = useTransactor();

  const switchChain = (chainId: number) => {
    // A refused switch changes nothing: the button still offers it.
    setSwitching(true);
    return switchWalletChain(chainId)
      .catch(() => undefined)
      .finally(() => setSwitching(false));
  };

  const approve = async (amount: bigint, user: Address, { pool, chainId, inputs }: StepTarget) => {
    const { decimals } = pool.state;
    const symbol = pool.info.collateral.symbol;
    const unlimited = inputs.unlimitedApproval;
    await send(
      unlimited ? `Approve unlimited ${symbol}` : `Approve ${exactAmount(amount, decimals)} ${symbol}`,
      approveRequest(pool.info, unlimited ? 'unlimited' : amount),
      refreshAfter.approve(chainId, user),
      { kind: 'approve', pool: pool.info.address, token: pool.info.collateral.address },
    );
  };

  const commit = async (amount: bigint, user: Address, target: StepTarget) => {
    const { pool, chainId, inputs, commitType } = target;
    const receipt = await send(
      `${commitLabel(commitAction(commitType))} ${exactAmount(amount, pool.state.decimals)} ${target.unit}`,
      commitRequest(
        pool.info,
        commitType,
        amount,
        inputs.source === 'escrow',
        inputs.autoClaim ? target.claimReward : undefined,
      ),
      refreshAfter.commit(chainId, user),
      {
        kind: 'commit',
        pool: pool.info.address,
        commitType,
        amount,
        fromEscrow: inputs.source === 'escrow',
      },
    );
    if (receipt) target.onCommitted();
  };

  /** Sends what `step` offers; resolves once the wallet and the chain have answered. */
  const sendStep = async (step: TradeStep, target: StepTarget): Promise<void> => {
    switch (step.kind) {
      case 'connect':
        return openConnectModal();
      case 'switch':
        return switchChain(target.chainId);
      case 'approve':
        return target.user ? approve(step.amount, target.user, target) : undefined;
      case 'commit':
        return target.user ? commit(step.amount, target.user, target) : undefined;
      default:
        return undefined;
    }
  };

  return { busy, switching, sendStep };
}
