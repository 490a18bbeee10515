/**
 * What an upkeep run now would pay whoever sends it, and whether the pool page offers "Run upkeep" at all
 * (docs/protocol.md, "Pool health"; the keeper reward is §2.4). Plain functions, read by RunUpkeep.tsx.
 */
import type { PoolSnapshot } from '../../chain/pools/poolSnapshot.ts';
import { KEEPER, WAD } from '../../engine/constants.ts';
import type { KeeperReward } from '../../engine/keeper.ts';
import { keeperUpkeep } from '../../engine/upkeep.ts';
import { formatAge } from '../../ui/age.ts';
import { feedAgeSeconds, feedIsStale } from './health.ts';

export type UpkeepRewardView =
  | { kind: 'not-due' }
  /** The settlement/ETH feed did not answer, or the gas is not estimated yet. */
  | { kind: 'unknown' }
  | {
      kind: 'reward';
      reward: KeeperReward;
      /** The reward in ETH (wei), at the settlement/ETH price it was computed with. */
      rewardEthWei: bigint;
      /**
       * False when the reward is at least both sides together once the upkeep has run (the keeper is paid
       * from the balances it leaves, §2.4): the pool then pays nothing.
       */
      payable: boolean;
    };

/**
 * What the keeper reward would be for an upkeep at `chainNow` that the contract measures as `gasSpent`
 * (§2.4, the engine's keeperReward). The contract adds a fixed 80,195 gas for the part of the transaction it
 * cannot measure; `gasSpentFromEstimate` turns a whole transaction's gas estimate into that measured part.
 */
export function upkeepReward(
  pool: Pick<PoolSnapshot, 'state' | 'health' | 'oraclePrice'>,
  chainNow: number,
  gasSpent: bigint | undefined,
): UpkeepRewardView {
  const { state, health } = pool;
  const now = BigInt(Math.floor(chainNow));
  if (now < state.lastPriceTimestamp + BigInt(state.updateInterval)) return { kind: 'not-due' };
  const price = health.settlementEthPrice;
  if (gasSpent === undefined || price === undefined || price <= 0n) return { kind: 'unknown' };
  let upkeep: ReturnType<typeof keeperUpkeep>;
  try {
    // The whole upkeep at today's price, as the keeper runs it: the reward is paid from what it leaves.
    upkeep = keeperUpkeep(state, pool.oraclePrice, now, {
      gasPriceWei: health.keeperGasPrice,
      gasSpent,
      settlementPerEthWad: price,
    });
  } catch {
    // A panic takes the keeper's whole call down: nothing would be paid, and the gas estimate fails too.
    return { kind: 'unknown' };
  }
  if (upkeep.status === 'not-due') return { kind: 'not-due' };
  const { reward } = upkeep;
  const rewardWad = reward.reward * 10n ** BigInt(18 - state.decimals);
  return {
    kind: 'reward',
    reward,
    rewardEthWei: (rewardWad * WAD) / price,
    payable: upkeep.payment.paid,
  };
}

/**
 * Whether an upkeep offered now pays whoever sends it ("Pool health", §2.4): it is offered only when the
 * engine's reward is above zero and the pool can pay it, since an upkeep that pays nothing still costs its gas.
 * `pending` while the gas is being estimated; `nothing` with the one sentence why.
 */
export type UpkeepPay = { kind: 'pays' } | { kind: 'pending' } | { kind: 'nothing'; reason: string };

const paysNothing = (reason: string): UpkeepPay => ({ kind: 'nothing', reason });

export function upkeepPay(pool: Pick<PoolSnapshot, 'health' | 'info'>, view: UpkeepRewardView): UpkeepPay {
  const { symbol } = pool.info.collateral;
  if (view.kind === 'not-due')
    return paysNothing('The pool is not due yet: an upkeep now would pay you nothing.');
  if (view.kind === 'unknown') {
    const price = pool.health.settlementEthPrice;
    return price === undefined || price <= 0n
      ? paysNothing(
          `The settlement/ETH feed gives no price, so the keeper reward cannot be priced in ${symbol}: the upkeep may pay you nothing for its gas.`,
        )
      : { kind: 'pending' };
  }
  if (view.reward.reward === 0n)
    return paysNothing(
      `The keeper reward comes to 0 ${symbol} at this pool's gas and settlement/ETH prices: the upkeep would cost you gas and pay nothing.`,
    );
  if (!view.payable)
    return paysNothing(
      'After the upkeep the pool would hold less than this reward, so it would pay you nothing for its gas.',
    );
  return { kind: 'pays' };
}

/** The gas the keeper would measure for itself, from an estimate of the whole transaction ("Pool health"). */
export function gasSpentFromEstimate(estimate: bigint): bigint {
  return estimate > KEEPER.fixedGasOverhead ? estimate - KEEPER.fixedGasOverhead : 0n;
}

/** Whether "Run upkeep" is offered, and if it is refused, the one sentence why. */
export type UpkeepOffer = { kind: 'hidden' } | { kind: 'refused'; reason: string } | { kind: 'available' };

const refused = (reason: string): UpkeepOffer => ({ kind: 'refused', reason });

export function upkeepOffer(
  pool: Pick<PoolSnapshot, 'paused' | 'health'>,
  chainNow: number,
  { maxFeedAgeSeconds, staleFiguresSeconds }: { maxFeedAgeSeconds: number; staleFiguresSeconds?: number },
): UpkeepOffer {
  // The chain's own answer at the block read: blocks only move forward, so a due pool stays due until upkept.
  if (!pool.health.upkeepRequired) return { kind: 'hidden' };
  if (staleFiguresSeconds !== undefined)
    return refused(
      `These figures are ${formatAge(staleFiguresSeconds)} old: wait for fresh ones before running an upkeep.`,
    );
  if (pool.paused) return refused('The pool is paused: an upkeep reverts until governance unpauses it.');
  const age = feedAgeSeconds(pool, chainNow);
  if (age === undefined)
    return refused('The price feed does not answer: an upkeep now would revert and cost you its gas.');
  if (feedIsStale(age, maxFeedAgeSeconds))
    return refused(
      `The price feed last updated ${formatAge(age)} ago: an upkeep now would rebalance the pool and execute its commits at that old price.`,
    );
  return { kind: 'available' };
}
