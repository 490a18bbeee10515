/**
 * The words of each alert: one plain sentence naming the pool, a short title for an OS notification, and
 * where to act. Amounts stay `bigint` until they are written here (src/ui/format.ts).
 */
import type { PoolSnapshot, UserCommit } from '../../chain/pools/poolSnapshot.ts';
import { type CommitAction, CommitType, commitAction } from '../../engine/commits.ts';
import { OTHER_SIDE } from '../../engine/sides.ts';
import { formatAge } from '../../ui/age.ts';
import { formatTokenAmount } from '../../ui/format.ts';
import { poolLink } from '../pools/links.ts';
import { tradeLink } from '../trade/links.ts';

/** What grew in the user's escrow between two reads, in raw units (pool tokens share the collateral's decimals). */
export interface EscrowGrowth {
  longTokens: bigint;
  shortTokens: bigint;
  settlementTokens: bigint;
}

export interface AlertText {
  title: string;
  body: string;
  link: { to: string; label: string };
}

/** Every commit type the engine knows (docs/protocol.md §3.1), with what it does and where its total is queued. */
const COMMITS: readonly CommitAction[] = Object.values(CommitType).flatMap(
  (type) => commitAction(type) ?? [],
);

/** A commit as a sentence names it: "long mint", "short burn", "long → short flip". */
function commitNoun({ kind, side }: CommitAction): string {
  return kind === 'flip' ? `${side} → ${OTHER_SIDE[side]} flip` : `${side} ${kind}`;
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "12.5 long tokens and 2 gOHM", and whether the sentence goes on with "is" or "are". */
function amountsOf(pool: PoolSnapshot, growth: EscrowGrowth): { text: string; plural: boolean } {
  const decimals = pool.state.decimals;
  const one = 10n ** BigInt(decimals);
  const parts: string[] = [];
  let plural = false;
  const tokens = (amount: bigint, side: string) => {
    if (amount === 0n) return;
    const single = amount === one;
    plural ||= !single;
    parts.push(`${formatTokenAmount(amount, decimals)} ${side} token${single ? '' : 's'}`);
  };
  tokens(growth.longTokens, 'long');
  tokens(growth.shortTokens, 'short');
  if (growth.settlementTokens > 0n)
    parts.push(`${formatTokenAmount(growth.settlementTokens, decimals)} ${pool.info.collateral.symbol}`);
  return { text: listOf(parts), plural: plural || parts.length > 1 };
}

/** "Your 3-BTC/USD+gOHM long mint executed: 12.5 long tokens are ready to claim." */
export function claimableText(
  pool: PoolSnapshot,
  growth: EscrowGrowth,
  executed: readonly UserCommit[],
): AlertText {
  const name = pool.info.name;
  const kinds = COMMITS.filter(({ total }) => executed.some((c) => c.totals[total] > 0n)).map(commitNoun);
  const amounts = amountsOf(pool, growth);
  const ready = `${amounts.text} ${amounts.plural ? 'are' : 'is'} ready to claim`;
  const body =
    kinds.length === 1
      ? `Your ${name} ${kinds[0]} executed: ${ready}.`
      : kinds.length > 1
        ? `Your ${name} commits executed: ${ready}.`
        : `${ready.charAt(0).toUpperCase()}${ready.slice(1)} in your ${name} escrow.`;
  return {
    title: `Ready to claim in ${name}`,
    body,
    link: { to: tradeLink({ pool: pool.info.address }), label: 'Go to claim' },
  };
}

/**
 * "Upkeep of 1-ETH/USD+OHM is more than 2 update intervals late (due 3 min ago): commits wait until a
 * keeper performs it." `overdueSeconds` is more than one interval.
 */
export function lateText(pool: PoolSnapshot, overdueSeconds: bigint): AlertText {
  const name = pool.info.name;
  const interval = BigInt(pool.state.updateInterval);
  // Whole intervals it is more than late by: ceil(overdue / interval) − 1.
  const whole = (overdueSeconds - 1n) / interval;
  return {
    title: `Upkeep late: ${name}`,
    body:
      `Upkeep of ${name} is more than ${whole} update interval${whole === 1n ? '' : 's'} late ` +
      `(due ${formatAge(Number(overdueSeconds))} ago): commits wait until a keeper performs it.`,
    link: { to: poolLink(pool.info.address), label: 'Open the pool' },
  };
}

/** A paused pool refuses claims (and the app offers no commits) until its governance acts (§3.8). */
export function pausedText(pool: PoolSnapshot): AlertText {
  const name = pool.info.name;
  return {
    title: `Paused: ${name}`,
    body: `${name} is paused: claims revert and commits are closed until its governance acts.`,
    link: { to: poolLink(pool.info.address), label: 'Open the pool' },
  };
}
