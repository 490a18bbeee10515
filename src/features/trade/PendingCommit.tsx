/**
 * One of the user's queued commits on the trade page: its pool, when it executes (in words, `commitWaitText`),
 * what it holds, and whether a keeper is paid to claim it.
 */
import type { PoolSnapshot, UserCommit } from '../../chain/pools/poolReader.ts';
import { expectedExecutionTime } from '../../engine/commits.ts';
import { type KeeperTiming, keeperTiming } from '../../engine/keeperTiming.ts';
import type { CommitTotals } from '../../engine/types.ts';
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

/** One queued commit, as an item of the pending commits' list. */
export function PendingCommit({
  pool,
  commit,
  chainNow,
  blockTimestamp,
  stale,
}: {
  pool: PoolSnapshot;
  commit: UserCommit;
  chainNow: number;
  /** Timestamp of the block the pool was read at: only it may say a keeper is late. */
  blockTimestamp: bigint;
  stale: boolean;
}) {
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
    <li className="rounded-lg border border-ink-800 p-3">
      <div className="flex justify-between gap-3">
        <span className="font-semibold">{pool.info.name}</span>
        <span className={`font-mono ${TONE[wait.tone]}`}>{wait.text}</span>
      </div>
      <ul className="mt-1 font-mono text-xs text-ink-200">
        {PARTS.filter(([key]) => commit.totals[key] > 0n).map(([key, label, unit]) => (
          <li key={key}>
            {label}: <TokenAmount value={commit.totals[key]} decimals={pool.state.decimals} />{' '}
            {/* A mint is queued net of its fee, taken when it was committed. */}
            {unit === 'collateral' ? `${pool.info.collateral.symbol}, after the mint fee` : `${unit} tokens`}
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
}
