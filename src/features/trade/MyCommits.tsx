import { claimWouldFail, hasEscrow, type PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { useSentTransactions } from '../../chain/react/useSentTransactions.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { claimRequest } from '../../chain/tx/poolWrites.ts';
import { useWallet } from '../../chain/wallet/wallet.ts';
import { expectedExecutionTime } from '../../engine/commits.ts';
import { type KeeperTiming, keeperTiming } from '../../engine/keeperTiming.ts';
import type { CommitTotals } from '../../engine/types.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { formatApproximate, formatDuration } from '../../ui/Countdown.tsx';
import { commitLabel } from '../../ui/commitLabels.ts';
import { intervalCount, PAUSED_COMMIT } from '../../ui/keeperWords.ts';
import { TokenAmount } from '../../ui/TokenAmount.tsx';

const PARTS: Array<[keyof CommitTotals, string, 'collateral' | 'L' | 'S']> = [
  ['longMintSettlement', commitLabel({ kind: 'mint', side: 'long' }), 'collateral'],
  ['shortMintSettlement', commitLabel({ kind: 'mint', side: 'short' }), 'collateral'],
  ['longBurnPoolTokens', commitLabel({ kind: 'burn', side: 'long' }), 'L'],
  ['shortBurnPoolTokens', commitLabel({ kind: 'burn', side: 'short' }), 'S'],
  ['longBurnShortMintPoolTokens', commitLabel({ kind: 'flip', side: 'long' }), 'L'],
  ['shortBurnLongMintPoolTokens', commitLabel({ kind: 'flip', side: 'short' }), 'S'],
];

/**
 * When a queued commit executes, in words: never a countdown in a paused pool (no upkeep runs there), "due now"
 * once its time has passed, and "waiting for keeper" only once the block read shows a whole interval missed
 * (engine/keeperTiming.ts), as the pools list says it.
 */
export function commitWaitText({
  paused,
  secondsLeft,
  keeper,
  stale,
}: {
  paused: boolean;
  secondsLeft: number;
  keeper: KeeperTiming;
  stale: boolean;
}): { text: string; tone: 'plain' | 'muted' | 'warn' | 'paused' } {
  if (paused) return { text: PAUSED_COMMIT, tone: 'paused' };
  if (stale)
    return secondsLeft > 0
      ? { text: `executes in ${formatApproximate(secondsLeft)}`, tone: 'muted' }
      : { text: 'due (figures stale)', tone: 'muted' };
  if (secondsLeft > 0) return { text: `executes in ${formatDuration(secondsLeft)}`, tone: 'plain' };
  if (keeper.kind === 'late')
    return { text: `waiting for keeper (${intervalCount(keeper.intervals)} late)`, tone: 'warn' };
  return { text: 'due now', tone: 'plain' };
}

const TONE = { plain: '', muted: 'text-ink-400', warn: 'text-warn', paused: 'font-sans text-short' } as const;

/** The user's queued commits (read from the chain, so they survive a reload) and what waits in escrow. */
export function MyCommits({
  pools,
  chainNow,
  blockTimestamp,
  stale = false,
}: {
  pools: PoolSnapshot[];
  chainNow: number;
  /** Timestamp of the block the pools were read at: only it may say a keeper is late. */
  blockTimestamp: bigint;
  stale?: boolean;
}) {
  const wallet = useWallet();
  const address = wallet.status === 'connected' ? wallet.address : undefined;
  const { busy, send } = useTransactor();
  const inFlight = useSentTransactions(address, wallet.status === 'connected' ? wallet.chainId : 0);
  if (!address) return null;
  const sentCommits = inFlight.filter((tx) => tx.intent.kind === 'commit');
  const claiming = (pool: PoolSnapshot) =>
    inFlight.some((tx) => tx.intent.kind === 'claim' && tx.intent.pool === pool.info.address);
  const pending = pools.flatMap((pool) => (pool.user?.commits ?? []).map((commit) => ({ pool, commit })));
  const claimable = pools.filter(hasEscrow);
  const claimNow = claimable.filter((pool) => !pool.paused && !claimWouldFail(pool));

  const claimAll = async () => {
    for (const pool of claimNow) {
      const receipt = await send(
        `Claim ${pool.info.name}`,
        claimRequest(pool.info, address),
        refreshAfter.claim(pool.info.chainId, address),
        { kind: 'claim', pool: pool.info.address },
      );
      if (!receipt) return;
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Your pending commits">
        {sentCommits.length > 0 ? (
          <ul aria-label="Sent, not yet confirmed" className="mb-3 space-y-2 text-sm">
            {sentCommits.map((tx) => (
              <li key={tx.hash} className="rounded-lg border border-dashed border-sand-400/60 p-3">
                <span className="font-semibold">{tx.label}</span>
                <span className="block text-xs text-ink-400">
                  Sent, not yet confirmed: its receipt has not been read yet. Once it is, the commit is listed
                  below with its pool; one listed there already may be this one. Do not send it again.
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {pending.length === 0 ? (
          sentCommits.length > 0 ? null : (
            <p className="text-sm text-ink-400">No commit is waiting for a rebalance.</p>
          )
        ) : (
          <ul className="space-y-3 text-sm">
            {pending.map(({ pool, commit }) => {
              const at = Number(
                expectedExecutionTime(
                  commit.intervalId,
                  pool.state.lastPriceTimestamp,
                  BigInt(pool.state.updateInterval),
                  pool.state.updateIntervalId,
                ),
              );
              const wait = commitWaitText({
                paused: pool.paused,
                secondsLeft: at - chainNow,
                keeper: keeperTiming({
                  lastPriceTimestamp: pool.state.lastPriceTimestamp,
                  updateInterval: pool.state.updateInterval,
                  blockTimestamp,
                  chainNow,
                }),
                stale,
              });
              return (
                <li
                  key={`${pool.info.address}-${commit.intervalId}`}
                  className="rounded-lg border border-ink-800 p-3"
                >
                  <div className="flex justify-between gap-3">
                    <span className="font-semibold">{pool.info.name}</span>
                    <span className={`font-mono ${TONE[wait.tone]}`}>{wait.text}</span>
                  </div>
                  <ul className="mt-1 font-mono text-xs text-ink-200">
                    {PARTS.filter(([key]) => commit.totals[key] > 0n).map(([key, label, unit]) => (
                      <li key={key}>
                        {label}: <TokenAmount value={commit.totals[key]} decimals={pool.state.decimals} />{' '}
                        {/* A mint is queued net of its fee, taken when it was committed. */}
                        {unit === 'collateral'
                          ? `${pool.info.collateral.symbol}, after the mint fee`
                          : `${unit} tokens`}
                      </li>
                    ))}
                  </ul>
                  {pool.user?.paidClaim?.intervalId === commit.intervalId ? (
                    <p className="mt-1 text-xs text-long">
                      Claim paid for: a keeper claims it into your wallet after execution (reward{' '}
                      <TokenAmount value={pool.user.paidClaim.reward} decimals={18} unit="ETH" />
                      ).
                    </p>
                  ) : null}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
      <Card
        title={
          <span className="flex items-center justify-between gap-3">
            Escrow: ready to claim
            {claimNow.length > 1 ? (
              <Button variant="secondary" busy={busy} onClick={() => void claimAll()}>
                Claim all ({claimNow.length})
              </Button>
            ) : null}
          </span>
        }
      >
        {claimable.length === 0 ? (
          <p className="text-sm text-ink-400">
            Nothing to claim. Executed commits land here after each rebalance.
          </p>
        ) : (
          <ul className="space-y-3 text-sm">
            {claimable.map((pool) => {
              const e = pool.user!.escrow;
              const d = pool.state.decimals;
              return (
                <li
                  key={pool.info.address}
                  className="flex items-center justify-between gap-3 rounded-lg border border-ink-800 p-3"
                >
                  <div>
                    <p className="font-semibold">{pool.info.name}</p>
                    {/* What waits for the holder, exact to the unit on hover and copy. */}
                    <p className="flex flex-wrap gap-x-3 font-mono text-xs text-ink-200">
                      {e.longTokens > 0n ? <TokenAmount value={e.longTokens} decimals={d} unit="L" /> : null}
                      {e.shortTokens > 0n ? (
                        <TokenAmount value={e.shortTokens} decimals={d} unit="S" />
                      ) : null}
                      {e.settlementTokens > 0n ? (
                        <TokenAmount
                          value={e.settlementTokens}
                          decimals={d}
                          unit={pool.info.collateral.symbol}
                        />
                      ) : null}
                    </p>
                    {pool.user?.paidClaim ? (
                      <p className="text-xs text-ink-400">
                        A keeper is paid to claim this for you; you can still claim it yourself.
                      </p>
                    ) : null}
                  </div>
                  {claimWouldFail(pool) ? (
                    <p className="max-w-64 text-xs text-warn">
                      A claim would fail now: the pool owes you more tokens than it holds (a Tracer V2.1 flaw
                      when the mint fee changes after a flip). Nothing is lost by waiting.
                    </p>
                  ) : (
                    <Button
                      variant="secondary"
                      busy={busy || claiming(pool)}
                      disabled={pool.paused || claiming(pool)}
                      onClick={() =>
                        void send(
                          `Claim ${pool.info.name}`,
                          claimRequest(pool.info, address),
                          refreshAfter.claim(pool.info.chainId, address),
                          { kind: 'claim', pool: pool.info.address },
                        )
                      }
                    >
                      {pool.paused ? 'Paused' : claiming(pool) ? 'Claim sent…' : 'Claim'}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
