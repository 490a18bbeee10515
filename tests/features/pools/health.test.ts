/**
 * The pool health view model (src/features/pools/health.ts and upkeepHealth.ts, docs/protocol.md, "Pool
 * health") on fixed snapshots: lateness in whole intervals, the feed's age against the chain's limit, the order
 * of the statuses, the keeper reward an upkeep would pay now (worked out here by hand from §2.4), the invariant
 * check's condition, when "Run upkeep" is offered or refused, and the addresses with their explorer links.
 */
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PoolSnapshot } from '../../../src/chain/pools/poolSnapshot.ts';
import { emptyTotals } from '../../../src/engine/commits.ts';
import {
  feedAgeSeconds,
  healthAddresses,
  healthStatus,
  intervalsLate,
  invariantView,
  statusLabel,
  statusWord,
} from '../../../src/features/pools/health.ts';
import {
  gasSpentFromEstimate,
  upkeepOffer,
  upkeepPay,
  upkeepReward,
} from '../../../src/features/pools/upkeepHealth.ts';
import { NOW, ohmPool } from '../../fixtures/pools.ts';

const MAX_AGE = 120;

const withHealth = (pool: PoolSnapshot, health: Partial<PoolSnapshot['health']>): PoolSnapshot => ({
  ...pool,
  health: { ...pool.health, ...health },
});

describe('lateness', () => {
  it('counts whole intervals missed, none while due within the first interval', () => {
    const last = BigInt(NOW - 1000);
    expect(intervalsLate(last, 60, NOW - 1000 + 30)).toBe(0); // not due
    expect(intervalsLate(last, 60, NOW - 1000 + 61)).toBe(0); // due: a keeper is expected now
    expect(intervalsLate(last, 60, NOW - 1000 + 119)).toBe(0);
    expect(intervalsLate(last, 60, NOW - 1000 + 120)).toBe(1); // a whole interval passed with no upkeep
    expect(intervalsLate(last, 60, NOW - 1000 + 185)).toBe(2);
  });
});

describe('status', () => {
  it('is healthy on time, late after a missed interval, and says how many', () => {
    expect(healthStatus(ohmPool(), NOW, MAX_AGE)).toEqual({ kind: 'healthy' });
    expect(healthStatus(ohmPool({ lastPriceTimestamp: NOW - 90 }), NOW, MAX_AGE)).toEqual({
      kind: 'healthy',
    });
    const late = healthStatus(ohmPool({ lastPriceTimestamp: NOW - 190 }), NOW, MAX_AGE);
    expect(late).toEqual({ kind: 'late', intervals: 2 });
    expect(statusLabel(late)).toBe('Late 2 intervals');
    expect(statusLabel({ kind: 'late', intervals: 1 })).toBe('Late 1 interval');
  });

  it('calls a feed stale past the chain’s limit, or when it does not answer', () => {
    expect(feedAgeSeconds(ohmPool({ feedAgeSeconds: 120 }), NOW)).toBe(120);
    expect(healthStatus(ohmPool({ feedAgeSeconds: 120 }), NOW, MAX_AGE)).toEqual({ kind: 'healthy' });
    expect(healthStatus(ohmPool({ feedAgeSeconds: 121 }), NOW, MAX_AGE)).toEqual({
      kind: 'feed-stale',
      ageSeconds: 121,
    });
    expect(healthStatus(ohmPool({ feedAgeSeconds: undefined }), NOW, MAX_AGE)).toEqual({
      kind: 'feed-stale',
      ageSeconds: undefined,
    });
  });

  it('puts paused first, then a stale feed, then lateness', () => {
    const everything = ohmPool({ paused: true, feedAgeSeconds: 4000, lastPriceTimestamp: NOW - 600 });
    expect(healthStatus(everything, NOW, MAX_AGE).kind).toBe('paused');
    expect(healthStatus({ ...everything, paused: false }, NOW, MAX_AGE).kind).toBe('feed-stale');
    expect(statusLabel(healthStatus(ohmPool({ paused: true }), NOW, MAX_AGE))).toBe('Paused');
  });

  it('names each status in one word for the narrow column, and a late keeper’s intervals in the label', () => {
    const said = (status: Parameters<typeof statusLabel>[0]) => [statusWord(status), statusLabel(status)];
    expect(said({ kind: 'paused' })).toEqual(['Paused', 'Paused']);
    expect(said({ kind: 'feed-stale', ageSeconds: 300 })).toEqual(['Feed stale', 'Feed stale']);
    expect(said({ kind: 'feed-stale', ageSeconds: undefined })).toEqual(['Feed stale', 'Feed stale']);
    expect(said({ kind: 'late', intervals: 3 })).toEqual(['Late', 'Late 3 intervals']);
    expect(said({ kind: 'healthy' })).toEqual(['Healthy', 'Healthy']);
  });
});

describe('keeper reward now', () => {
  it('is nothing before the pool is due, and unknown until the gas is estimated', () => {
    expect(upkeepReward(ohmPool(), NOW, 200_000n)).toEqual({ kind: 'not-due' });
    expect(upkeepReward(ohmPool({ lastPriceTimestamp: NOW - 86 }), NOW, undefined)).toEqual({
      kind: 'unknown',
    });
  });

  it('prices the estimated gas at the keeper’s gas price and the settlement/ETH price, with the lateness tip', () => {
    // Due since NOW − 26: tip 5 + ⌊5 · 26 / 13⌋ = 15%. An estimate of 300,000 gas is 219,805 measured by the
    // keeper plus its fixed 80,195. Gas: 0.01 gwei · 300,000 · 151.7857 OHM/ETH = 455,357,100,000,000 WAD;
    // with the tip 523,660,665,000,000 WAD, i.e. 523,660 OHM units (9 decimals, truncated).
    expect(gasSpentFromEstimate(300_000n)).toBe(219_805n);
    const view = upkeepReward(ohmPool({ lastPriceTimestamp: NOW - 86 }), NOW, gasSpentFromEstimate(300_000n));
    if (view.kind !== 'reward') throw new Error(`expected a reward, got ${view.kind}`);
    expect(view.reward.keeperGasWad).toBe(455_357_100_000_000n);
    expect(view.reward.tipPercent).toBe(15n);
    expect(view.reward.reward).toBe(523_660n);
    // In ETH at 151.7857 OHM per ETH: 523,660e9 · 1e18 / 151.7857e18.
    expect(view.rewardEthWei).toBe(3_449_995_618_823n);
    expect(view.payable).toBe(true);
  });

  it('says when the pool holds less than the reward and would pay nothing', () => {
    const tiny = ohmPool({ long: '0.0001', short: '0.0001', lastPriceTimestamp: NOW - 86 });
    const view = upkeepReward(tiny, NOW, 10_000_000n);
    expect(view.kind === 'reward' && view.payable).toBe(false);
  });

  it('is unknown when the settlement/ETH feed did not answer', () => {
    const pool = withHealth(ohmPool({ lastPriceTimestamp: NOW - 86 }), { settlementEthPrice: undefined });
    expect(upkeepReward(pool, NOW, 200_000n)).toEqual({ kind: 'unknown' });
  });
});

describe('invariant check', () => {
  it('requires the settlement held to cover both sides and the pending mints, fees aside', () => {
    const pool = { ...ohmPool(), primaryFees: parseUnits('3', 9), secondaryFees: parseUnits('1', 9) };
    const exact = invariantView(pool);
    expect(exact).toMatchObject({ holds: true, surplus: 0n, coversFees: false });
    expect(exact.required).toBe(parseUnits('2000', 9));

    const withMints = withHealth(pool, { pendingMintSettlement: parseUnits('10', 9) });
    expect(invariantView(withMints)).toMatchObject({ holds: false, required: parseUnits('2010', 9) });

    const covered = withHealth(pool, { settlementHeld: parseUnits('2005', 9) });
    expect(invariantView(covered)).toMatchObject({
      holds: true,
      surplus: parseUnits('5', 9),
      feesAccrued: parseUnits('4', 9),
      coversFees: true,
    });
  });
});

describe('Run upkeep', () => {
  const due = ohmPool({ lastPriceTimestamp: NOW - 90 });
  const offer = (pool: PoolSnapshot, stale?: number) =>
    upkeepOffer(pool, NOW, {
      maxFeedAgeSeconds: MAX_AGE,
      ...(stale === undefined ? {} : { staleFiguresSeconds: stale }),
    });

  it('is hidden while the keeper says nothing is due, and offered when it is', () => {
    expect(offer(ohmPool())).toEqual({ kind: 'hidden' });
    expect(offer(due)).toEqual({ kind: 'available' });
  });

  it('is refused, in one sentence, on stale figures, a paused pool, a silent or stale feed', () => {
    const reason = (pool: PoolSnapshot, stale?: number) => {
      const o = offer(pool, stale);
      return o.kind === 'refused' ? o.reason : o.kind;
    };
    expect(reason(due, 12)).toBe('These figures are 12 s old: wait for fresh ones before running an upkeep.');
    expect(reason({ ...due, paused: true })).toBe(
      'The pool is paused: an upkeep reverts until governance unpauses it.',
    );
    expect(reason(withHealth(due, { feedUpdatedAt: undefined }))).toBe(
      'The price feed does not answer: an upkeep now would revert and cost you its gas.',
    );
    expect(reason(withHealth(due, { feedUpdatedAt: BigInt(NOW - 3725) }))).toBe(
      'The price feed last updated 62 min ago: an upkeep now would rebalance the pool and execute its commits at that old price.',
    );
  });
});

describe('what an upkeep pays its sender', () => {
  const due = { lastPriceTimestamp: NOW - 86 };
  const estimate = gasSpentFromEstimate(300_000n);
  const pay = (pool: PoolSnapshot, gasSpent: bigint | undefined = estimate) =>
    upkeepPay(pool, upkeepReward(pool, NOW, gasSpent));

  it('pays on a funded pool, and waits for the gas estimate before saying so', () => {
    expect(pay(ohmPool(due))).toEqual({ kind: 'pays' });
    expect(upkeepPay(ohmPool(due), upkeepReward(ohmPool(due), NOW, undefined))).toEqual({ kind: 'pending' });
  });

  it('pays nothing on an empty pool (a look-alike nobody minted in), and says why in one sentence', () => {
    const empty = ohmPool({ ...due, long: '0', short: '0' });
    expect(pay(empty)).toEqual({
      kind: 'nothing',
      reason:
        'After the upkeep the pool would hold less than this reward, so it would pay you nothing for its gas.',
    });
  });

  it('counts the balances the upkeep leaves: a new pool whose first mint it executes pays', () => {
    // Both sides empty before the upkeep; the queued 1 OHM mint lands on the long side first (§2.4).
    const fresh = ohmPool({ ...due, long: '0', short: '0' });
    const firstMint = {
      ...fresh,
      state: {
        ...fresh.state,
        longSupply: 0n,
        shortSupply: 0n,
        commits: [
          {
            intervalId: fresh.state.updateIntervalId,
            totals: { ...emptyTotals(), longMintSettlement: parseUnits('1', 9) },
          },
        ],
      },
    };
    const view = upkeepReward(firstMint, NOW, estimate);
    expect(view.kind === 'reward' && view.payable).toBe(true);
    expect(upkeepPay(firstMint, view)).toEqual({ kind: 'pays' });
  });

  it('pays nothing when the reward comes to 0 or cannot be priced', () => {
    // A settlement/ETH price of 1 wei per ETH: the gas is worth less than one unit of OHM.
    expect(pay(withHealth(ohmPool(due), { settlementEthPrice: 1n }))).toEqual({
      kind: 'nothing',
      reason:
        "The keeper reward comes to 0 OHM at this pool's gas and settlement/ETH prices: the upkeep would cost you gas and pay nothing.",
    });
    expect(pay(withHealth(ohmPool(due), { settlementEthPrice: undefined }))).toMatchObject({
      kind: 'nothing',
      reason: expect.stringMatching(/^The settlement\/ETH feed gives no price/),
    });
  });
});

describe('addresses', () => {
  const treasury = '0x00000000000000000000000000000000000000e1' as const;
  const olympus = { treasury, governance: treasury, priceFeeds: [] };

  it('lists governance, fee receivers, the treasury and both feeds, linked to the explorer', () => {
    const entries = healthAddresses(ohmPool(), {
      priceFeedMaxAgeSeconds: MAX_AGE,
      explorerUrl: 'https://arbiscan.io',
      olympus,
    });
    expect(entries.map((e) => e.label)).toEqual([
      'Governance',
      'Fee receiver',
      'Secondary fee address',
      'Olympus treasury',
      'Market price feed',
      'Settlement/ETH feed',
    ]);
    expect(entries[3]).toEqual({
      label: 'Olympus treasury',
      address: treasury,
      href: `https://arbiscan.io/address/${treasury}`,
    });
  });

  it('gives plain addresses where the chain has no explorer, and no treasury where none is named', () => {
    const entries = healthAddresses(ohmPool(), { priceFeedMaxAgeSeconds: MAX_AGE });
    expect(entries.every((e) => e.href === undefined)).toBe(true);
    expect(entries.map((e) => e.label)).not.toContain('Olympus treasury');
  });
});
