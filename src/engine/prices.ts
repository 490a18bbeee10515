/**
 * Pool token prices and the conversions between settlement and pool tokens (docs/protocol.md §3.4, §3.5).
 *
 * Two levels that round differently, as on chain:
 * - pool level (an interval's execution): integer floors, `(supply + pendingBurns) · amount / balance`;
 * - user level (a user's aggregate balance): quads, `toUInt(amount / price)` with the price stored in
 *   `priceHistory`. Summed over users, the user level never exceeds the pool level by construction of the floors;
 *   the difference stays in escrow as dust (§3.5, §5 TV9).
 */
import { feeAmount } from './fees.ts';
import { divIntegers, divToUInt, mulToUInt } from './quad/fused.ts';
import type { Quad } from './quad.ts';
import * as quad from './quad.ts';
import { ContractRevert } from './revert.ts';
import { BOOK_FIELDS } from './sides.ts';
import type { PoolState, Side } from './types.ts';

/**
 * The token price recorded for an interval, `balance / (supply + pendingBurns)` as a quad, exactly 1 when the
 * denominator is 0 (§3.4 step 1, §6 checklist 2: every queued burn counts, current and future intervals alike).
 */
export function tokenPrice(balance: bigint, supply: bigint, pendingBurns = 0n): Quad {
  const denominator = supply + pendingBurns;
  if (denominator === 0n) return quad.ONE;
  return divIntegers(balance, denominator);
}

function requireNonZeroPrice(price: Quad): void {
  if (price === quad.POSITIVE_ZERO) throw new ContractRevert('price == 0');
  if (price === quad.NEGATIVE_ZERO) throw new ContractRevert('price == negative zero');
}

/** User-level mint, `toUInt(amount / price)` (`getMint`); reverts on a zero price (§3.5, §3.8). */
export function tokensForSettlement(price: Quad, amount: bigint): bigint {
  requireNonZeroPrice(price);
  return divToUInt(amount, price);
}

/** User-level burn, `toUInt(tokens · price)` (`getBurn`); reverts on a zero price, even for 0 tokens (§3.8). */
export function settlementForTokens(price: Quad, tokens: bigint): bigint {
  requireNonZeroPrice(price);
  return mulToUInt(price, tokens);
}

/**
 * `floor(amount · numerator / denominator)`, or `amount` itself when any of the three is 0: the pool-level
 * conversion at a side's ratio of tokens (supply + pending burns) to balance, and its guard, which both
 * directions share.
 */
function convertAtPoolRatio(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  if (numerator === 0n || denominator === 0n || amount === 0n) return amount;
  return (numerator * amount) / denominator;
}

/**
 * Pool-level tokens out of a mint (§3.4 step 3): `floor((supply + pending) · amount / balance)`, 1:1 when the side
 * is empty or has no tokens (§3.8: whatever sits on such a side goes to the next minters).
 */
export function poolMintAmount(
  supply: bigint,
  amount: bigint,
  balance: bigint,
  pendingBurns: bigint,
): bigint {
  return convertAtPoolRatio(amount, supply + pendingBurns, balance);
}

/**
 * Pool-level settlement out of a burn (§3.4 step 4): `floor(balance · tokens / (supply + pending))`. With an empty
 * side it returns the token amount itself, as the contract does (§3.8: a dangerous fallback).
 */
export function poolBurnAmount(
  supply: bigint,
  tokens: bigint,
  balance: bigint,
  pendingBurns: bigint,
): bigint {
  return convertAtPoolRatio(tokens, balance, supply + pendingBurns);
}

export interface BurnProceeds {
  /** Settlement left after the burn fee. */
  settlement: bigint;
  /** Burn fee, owed to the side the tokens were burned from. */
  burnFee: bigint;
}

/**
 * A user-level burn's proceeds (§3.5): the gross value of the burned tokens at the stored price, less the burn fee
 * on it.
 */
export function burnProceeds(tokens: bigint, burnPrice: Quad, burningFeeWad: bigint): BurnProceeds {
  const gross = settlementForTokens(burnPrice, tokens);
  const burnFee = feeAmount(burningFeeWad, gross);
  return { settlement: gross - burnFee, burnFee };
}

export interface FlipProceeds {
  /** Settlement minted into the other side. */
  settlement: bigint;
  /** Burn fee, owed to the side the tokens were burned from. */
  burnFee: bigint;
  /** Mint fee, owed to the side minted into. */
  mintFee: bigint;
}

/**
 * A flip's proceeds (§3.4 step 2, `processBurnInstantMintCommit`): the burn's proceeds, burn fee first, less the
 * mint fee on what remains.
 */
export function flipProceeds(
  tokens: bigint,
  burnPrice: Quad,
  burningFeeWad: bigint,
  mintingFeeWad: bigint,
): FlipProceeds {
  const { settlement: net, burnFee } = burnProceeds(tokens, burnPrice, burningFeeWad);
  const mintFee = feeAmount(mintingFeeWad, net);
  return { settlement: net - mintFee, burnFee, mintFee };
}

/**
 * What `tokens` of one side are worth now: what a burn at today's price would pay before fees (`getBurn`,
 * §3.5), the valuation the pools table and the portfolio show. A side emptied while tokens are outstanding is
 * worth 0 here, where `getBurn` would revert (§3.8).
 */
export function sideTokenValue(state: PoolState, side: Side, tokens: bigint): bigint {
  if (tokens === 0n) return 0n;
  const fields = BOOK_FIELDS[side];
  const price = tokenPrice(state[fields.balance], state[fields.supply], state[fields.pendingBurns]);
  if (price === quad.POSITIVE_ZERO) return 0n;
  return settlementForTokens(price, tokens);
}
