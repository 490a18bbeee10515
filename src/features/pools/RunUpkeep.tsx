/**
 * "Run upkeep": a due pool's upkeep, sent by the user (docs/protocol.md, "Pool health"). Shown only while the
 * keeper says the pool is due; it names the reward the caller would earn (the engine's keeper reward, §2.4)
 * and the gas it would cost, and refuses, in one sentence, on a paused pool, a stale feed or stale figures,
 * and wherever the reward would be nothing (the gas would be spent for no pay). On a pool that is not an
 * Olympus pool (§8) it first asks the user to accept the risk, as the trade page does, for this pool only.
 * The write goes through the transactor like every other, and refreshes what an upkeep changes
 * (`refreshAfter.upkeep`).
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Address } from 'viem';
import { describeError } from '../../chain/errors/errors.ts';
import type { PoolSnapshot } from '../../chain/pools/poolSnapshot.ts';
import { verificationReasons } from '../../chain/pools/poolVerification.ts';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { upkeepStillRequired, useReadClient, useUpkeepCost } from '../../chain/react/upkeepCost.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { upkeepRequest } from '../../chain/tx/poolWrites.ts';
import { useConnectWallet } from '../../chain/wallet/connectWallet.ts';
import { switchWalletChain, userOn, useWallet } from '../../chain/wallet/wallet.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import { TrustWarning } from '../../ui/TrustWarning.tsx';
import {
  gasSpentFromEstimate,
  type UpkeepRewardView,
  upkeepOffer,
  upkeepPay,
  upkeepReward,
} from './upkeepHealth.ts';

export interface RunUpkeepProps {
  pool: PoolSnapshot;
  chainId: number;
  chainName: string;
  chainNow: number;
  maxFeedAgeSeconds: number;
  /** How old the figures are when they are stale; nothing is sent on stale figures. */
  staleSeconds: number | undefined;
}

function RewardLine({
  view,
  symbol,
  decimals,
  pending,
}: {
  view: UpkeepRewardView;
  symbol: string;
  decimals: number;
  /** What to say while there is no reward to show: "Estimating…" or "—". */
  pending: string;
}) {
  if (view.kind !== 'reward') return <span className="text-ink-400">{pending}</span>;
  return (
    <span className="font-mono">
      {/* The keeper measures its own gas during the call: from the node's estimate this lands about 2% high. */}
      about <TokenAmount value={view.reward.reward} decimals={decimals} unit={symbol} />{' '}
      <span className="text-ink-400">
        (≈ <TokenAmount value={view.rewardEthWei} decimals={18} unit="ETH" />, tip{' '}
        {view.reward.tipPercent.toString()}%)
      </span>
    </span>
  );
}

export function RunUpkeep({
  pool,
  chainId,
  chainName,
  chainNow,
  maxFeedAgeSeconds,
  staleSeconds,
}: RunUpkeepProps) {
  const wallet = useWallet();
  const user = userOn(wallet, chainId);
  const offer = upkeepOffer(pool, chainNow, {
    maxFeedAgeSeconds,
    ...(staleSeconds === undefined ? {} : { staleFiguresSeconds: staleSeconds }),
  });
  // The pool whose warning the user accepted here; another pool shown in this place asks again.
  const [acceptedFor, setAcceptedFor] = useState<Address>();
  // Checksummed by the pool registry: one spelling per pool.
  const poolKey = pool.info.address;
  const mustAccept = !pool.info.verification.verified && acceptedFor !== poolKey;
  // Estimated for the wallet that would send it: the reward goes to the sender, so the sender is part of it.
  const estimating = offer.kind === 'available' && user !== undefined && !mustAccept;
  const cost = useUpkeepCost(pool.info, pool.state.lastPriceTimestamp, user, estimating);
  const { busy, send } = useTransactor();
  const { openConnectModal } = useConnectWallet();
  const client = useReadClient();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string>();
  if (offer.kind === 'hidden') return null;

  const intro = (
    <p className="text-sm text-ink-200">
      This pool is due for its upkeep. Anyone may run it: it rebalances the pool, executes the queued commits,
      and pays whoever sends it the keeper reward out of the pool.
    </p>
  );
  if (mustAccept)
    return (
      <section aria-label="Run upkeep" className="mt-4 space-y-3 rounded-xl border border-ink-700 p-4">
        {intro}
        <TrustWarning
          title={`${pool.info.name} is not an Olympus pool`}
          reasons={verificationReasons(pool.info.verification, pool.info.trust)}
          onAcknowledge={() => setAcceptedFor(poolKey)}
          acknowledgeLabel="I understand the risk: let me run this upkeep"
        />
      </section>
    );

  const reward = upkeepReward(pool, chainNow, cost.data ? gasSpentFromEstimate(cost.data.gas) : undefined);
  const { symbol, decimals } = pool.info.collateral;
  const pay = upkeepPay(pool, reward);
  const net = reward.kind === 'reward' && cost.data ? reward.rewardEthWei - cost.data.costWei : undefined;
  const pending = estimating && !cost.error ? 'Estimating…' : '—';

  const run = async () => {
    if (!user) return;
    setNotice(undefined);
    const refresh = refreshAfter.upkeep(chainId, user, pool.info.address);
    // An upkeep of a pool that is no longer due does nothing and pays nothing, yet costs gas: look first.
    const due = await upkeepStillRequired(client, pool.info).catch(() => true);
    if (!due) {
      setNotice('Someone upkept this pool a moment ago: there is nothing left to run.');
      await Promise.all(refresh.map((queryKey) => queryClient.invalidateQueries({ queryKey })));
      return;
    }
    await send(`Upkeep ${pool.info.name}`, upkeepRequest(pool.info), refresh);
  };

  return (
    <section aria-label="Run upkeep" className="mt-4 space-y-3 rounded-xl border border-ink-700 p-4">
      {intro}
      <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
        <dt className="text-ink-400">You would earn</dt>
        <dd>
          <RewardLine view={reward} symbol={symbol} decimals={decimals} pending={pending} />
        </dd>
        <dt className="text-ink-400">Gas it costs</dt>
        <dd className="font-mono">
          {cost.data ? (
            <>
              <TokenAmount value={cost.data.costWei} decimals={18} unit="ETH" />{' '}
              <span className="text-ink-400">({cost.data.gas.toLocaleString('en-US')} gas)</span>
            </>
          ) : cost.error && estimating ? (
            <span className="font-sans text-short">
              The node could not estimate its gas: {describeError(cost.error).message}
            </span>
          ) : (
            <span className="text-ink-400">{pending}</span>
          )}
        </dd>
        {net !== undefined ? (
          <>
            <dt className="text-ink-400">Net</dt>
            <dd className={`font-mono ${net < 0n ? 'text-short' : 'text-long'}`}>
              {net < 0n ? '−' : '+'}
              <TokenAmount value={net < 0n ? -net : net} decimals={18} unit="ETH" />
              {net < 0n ? <span className="text-ink-400"> (the gas costs more than the reward)</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
      {offer.kind === 'refused' ? (
        <Notice tone="warn">{offer.reason}</Notice>
      ) : pay.kind === 'nothing' ? (
        <Notice tone="warn">{pay.reason}</Notice>
      ) : null}
      {offer.kind === 'available' && wallet.status === 'disconnected' ? (
        <Notice action={<Button onClick={openConnectModal}>Connect wallet</Button>}>
          Connect a wallet to run this upkeep.
        </Notice>
      ) : null}
      {offer.kind === 'available' && wallet.status === 'connected' && !user ? (
        <Notice
          action={
            <Button onClick={() => void switchWalletChain(chainId).catch(() => undefined)}>
              Switch to {chainName}
            </Button>
          }
        >
          Your wallet is on another network: switch it to {chainName} to run this upkeep.
        </Notice>
      ) : null}
      {notice ? <Notice>{notice}</Notice> : null}
      <Button
        className="w-full sm:w-auto"
        busy={busy}
        disabled={offer.kind !== 'available' || !user || pay.kind !== 'pays'}
        onClick={() => void run()}
      >
        Run upkeep
      </Button>
    </section>
  );
}
