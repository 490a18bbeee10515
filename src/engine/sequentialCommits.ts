/**
 * V1's commit execution (docs/protocol.md §3.7): commits are queued one by one and executed in FIFO order
 * after the price change, each at the side's balance and supply as the previous commit left them, with every
 * still-pending burn of the side ("shadow pool") counted in the supply. Quad maths with truncation.
 * V1 has no escrow: tokens and settlement go straight to the commit's owner.
 */
import { mulDivToUInt } from './quad/fused.ts';
import { checkedSub } from './revert.ts';

/** Tokens for a V1 mint: (supply + pending burns of the side) · amount / balance, 1:1 on an empty side. */
export function v1MintAmount(supply: bigint, shadowBurns: bigint, amount: bigint, balance: bigint): bigint {
  const tokens = supply + shadowBurns;
  if (balance === 0n || tokens === 0n || amount === 0n) return amount;
  return mulDivToUInt(tokens, amount, balance);
}

/**
 * Settlement for a V1 burn of `amount` tokens, after its own amount has left the shadow pool:
 * balance · amount / (supply + remaining pending burns + amount).
 */
export function v1BurnAmount(
  supply: bigint,
  shadowBurnsAfter: bigint,
  amount: bigint,
  balance: bigint,
): bigint {
  const tokens = supply + shadowBurnsAfter + amount;
  if (balance === 0n || tokens === 0n || amount === 0n) return amount;
  return mulDivToUInt(balance, amount, tokens);
}

/** One side of a V1 pool as its commits see it. */
export interface V1Side {
  balance: bigint;
  supply: bigint;
  /** `shadowPools[sideBurn]`: tokens burned at commit time, not yet executed. */
  shadowBurns: bigint;
}

export type V1Commit = { kind: 'mint'; amount: bigint } | { kind: 'burn'; amount: bigint };

export interface V1Execution {
  side: V1Side;
  /** Per commit, in order: tokens minted, or settlement paid out. */
  results: bigint[];
}

/** Executes one side's commits in FIFO order (§3.7, §5 TV12): the result does not depend on the order, up to rounding. */
export function executeV1Commits(start: V1Side, commits: readonly V1Commit[]): V1Execution {
  let { balance, supply, shadowBurns } = start;
  const results: bigint[] = [];
  for (const commit of commits) {
    if (commit.kind === 'mint') {
      const tokens = v1MintAmount(supply, shadowBurns, commit.amount, balance);
      balance += commit.amount;
      supply += tokens;
      results.push(tokens);
    } else {
      shadowBurns = checkedSub(shadowBurns, commit.amount);
      const out = v1BurnAmount(supply, shadowBurns, commit.amount, balance);
      balance = checkedSub(balance, out);
      results.push(out);
    }
  }
  return { side: { balance, supply, shadowBurns }, results };
}
