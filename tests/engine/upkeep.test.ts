/**
 * A whole upkeep (docs/protocol.md §1.6, §3.2): interval check, bad prices, backlogs and the 15-interval cap,
 * the V2.1 timestamp rule, the dynamic minting fee, reverts, and the keeper around it.
 */
import { describe, expect, it } from 'vitest';
import { CommitType, queueCommit } from '../../src/engine/commits.ts';
import { MAX_ITERATIONS } from '../../src/engine/constants.ts';
import { ContractRevert } from '../../src/engine/revert.ts';
import type { PoolState } from '../../src/engine/types.ts';
import { keeperUpkeep, poolUpkeep } from '../../src/engine/upkeep.ts';
import { poolState, price, totalsWith, WAD } from './helpers.ts';

const T0 = 1_700_000_000n;
const HOUR = 3600n;
const keeper = { gasPriceWei: 2_000_000_000n, gasSpent: 250_000n, settlementPerEthWad: 1500n * WAD };

/** A pool with one long mint queued in each of the given intervals. */
function withMints(ids: bigint[], base: PoolState = poolState()): PoolState {
  return {
    ...base,
    commits: ids.map((intervalId) => ({
      intervalId,
      totals: totalsWith({ longMintSettlement: 1_000_000n }),
    })),
  };
}

describe('poolUpkeep', () => {
  it('reverts before the interval has passed, like the contract', () => {
    expect(() => poolUpkeep(poolState(), price(101), T0 + HOUR - 1n)).toThrow(ContractRevert);
  });

  it('a price ≤ 0 skips fee and transfer but still executes commits; the bad price is stored', () => {
    const state = withMints([1n], poolState({ feePerIntervalWad: 10n ** 15n }));
    const bad = poolUpkeep(state, 0n, T0 + HOUR);
    expect(bad.priceChange.skipped).toBe(true);
    expect(bad.priceChange.longFee + bad.priceChange.shortFee).toBe(0n);
    expect(bad.executed.map((e) => e.intervalId)).toEqual([1n]);
    expect(bad.state.longBalance).toBe(1_001_000_000n);
    expect(bad.state.lastPrice).toBe(0n);
    // The next upkeep compares against the stored bad price, so it skips as well (§3.8).
    const next = poolUpkeep(bad.state, price(120), T0 + 2n * HOUR);
    expect(next.priceChange.skipped).toBe(true);
    expect(next.state.lastPrice).toBe(price(120));
  });

  it('a late keeper executes every due interval in one upkeep, with one price change and one fee (V2.1 timestamp)', () => {
    const state = withMints([1n, 2n, 3n], poolState({ feePerIntervalWad: 10n ** 15n }));
    const late = poolUpkeep(state, price(110), T0 + 3n * HOUR + 100n);
    expect(late.executed.map((e) => e.intervalId)).toEqual([1n, 2n, 3n]);
    expect(late.state.updateIntervalId).toBe(4n);
    expect(late.state.lastPriceTimestamp).toBe(T0 + 3n * HOUR + 100n);
    expect(late.priceChange.longFee).toBe(1_000_000n); // 0.1% of 1e9, once
    expect(late.state.commits).toEqual([]);
    // Each interval trades at the balances the previous one left: later mints see the earlier ones' tokens.
    expect(late.executed[1]!.longPrice).not.toBe(late.executed[0]!.longPrice);
  });

  it('caps a backlog at 15 intervals and anchors the timestamp so the next upkeep continues it', () => {
    const ids = Array.from({ length: 20 }, (_, i) => BigInt(i + 1));
    const state = withMints(ids);
    const now = T0 + 20n * HOUR + 5n;
    const first = poolUpkeep(state, price(100), now);
    expect(first.executed).toHaveLength(MAX_ITERATIONS);
    expect(first.state.lastPriceTimestamp).toBe(T0 + 15n * HOUR);
    expect(first.state.updateIntervalId).toBe(16n);
    const second = poolUpkeep(first.state, price(100), now);
    expect(second.executed.map((e) => e.intervalId)).toEqual([16n, 17n, 18n, 19n, 20n]);
    expect(second.state.lastPriceTimestamp).toBe(now);
  });

  it('exactly 15 due intervals: all run and the timestamp becomes now (equal-time edge of the cap)', () => {
    const state = withMints([1n]);
    const r = poolUpkeep(state, price(100), T0 + 15n * HOUR);
    expect(r.executed).toHaveLength(15);
    expect(r.state.lastPriceTimestamp).toBe(T0 + 15n * HOUR);
    const r16 = poolUpkeep(state, price(100), T0 + 16n * HOUR);
    expect(r16.executed).toHaveLength(15);
    expect(r16.state.lastPriceTimestamp).toBe(T0 + 15n * HOUR); // one more interval still due
  });

  it('dynamic minting fee: rises when pL·pS ≤ 1 (capped at 100%), falls otherwise (floored at 0)', () => {
    const balanced = poolState({ mintingFeeWad: 10n ** 16n, changeIntervalWad: 3n * 10n ** 15n });
    expect(poolUpkeep(balanced, price(100), T0 + HOUR).state.mintingFeeWad).toBe(13n * 10n ** 15n);
    const nearCap = { ...balanced, mintingFeeWad: WAD - 10n ** 15n };
    expect(poolUpkeep(nearCap, price(100), T0 + HOUR).state.mintingFeeWad).toBe(WAD);
    const rich = poolState({
      longBalance: 2_000_000_000n,
      mintingFeeWad: 10n ** 15n,
      changeIntervalWad: 3n * 10n ** 15n,
    });
    expect(poolUpkeep(rich, price(100), T0 + HOUR).state.mintingFeeWad).toBe(0n);
  });

  it('a side with no balance but tokens outstanding prices at 0 and the upkeep reverts (§3.8)', () => {
    const broken = poolState({ shortBalance: 0n });
    try {
      poolUpkeep(broken, price(100), T0 + HOUR);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ContractRevert);
      expect((error as ContractRevert).reason).toBe('price == 0');
      expect((error as ContractRevert).kind).toBe('error');
    }
  });
});

describe('keeperUpkeep (PoolKeeper around the pool)', () => {
  it('returns silently when the upkeep is not due', () => {
    expect(keeperUpkeep(poolState(), price(101), T0 + 10n, keeper).status).toBe('not-due');
  });

  it('pays the keeper after execution, from the post-execution balances, with the tip of the saved timestamp', () => {
    const state = withMints([1n]);
    const r = keeperUpkeep(state, price(101), T0 + HOUR + 26n, keeper);
    if (r.status !== 'upkept') throw new Error(r.status);
    expect(r.reward.tipPercent).toBe(15n);
    const after = r.upkeep!.state;
    expect(r.payment.paid).toBe(true);
    expect(r.state.longBalance).toBe(after.longBalance - r.payment.longPart);
    expect(r.state.shortBalance).toBe(after.shortBalance - r.payment.shortPart);
    expect(r.payment.longPart + r.payment.shortPart).toBe(r.reward.reward);
  });

  it('V2 still pays the keeper when the pool upkeep reverts with a reason; the stored price does not move', () => {
    const broken = poolState({ shortBalance: 0n, longBalance: 5_000_000_000n });
    const r = keeperUpkeep(broken, price(120), T0 + HOUR, keeper);
    expect(r.status).toBe('reverted');
    if (r.status === 'not-due') throw new Error('unexpected');
    expect(r.reason).toBe('price == 0');
    expect(r.state.lastPrice).toBe(broken.lastPrice);
    expect(r.state.lastPriceTimestamp).toBe(broken.lastPriceTimestamp);
    expect(r.payment.paid).toBe(true);
    expect(r.state.longBalance).toBe(broken.longBalance - r.reward.reward);
    // V1 pays only on success.
    const v1 = keeperUpkeep(broken, price(120), T0 + HOUR, { ...keeper, version: 'v1' });
    if (v1.status === 'not-due') throw new Error('unexpected');
    expect(v1.payment.paid).toBe(false);
  });

  it('a panic inside the pool upkeep is not caught: the whole keeper call reverts', () => {
    const inconsistent = withMints([1n], poolState({ pendingLongBurnPoolTokens: 0n }));
    inconsistent.commits[0]!.totals.longBurnPoolTokens = 5n; // burns more than are pending: checked underflow
    expect(() => keeperUpkeep(inconsistent, price(100), T0 + HOUR, keeper)).toThrow(/underflow/);
  });

  it('no payment when the reward is at least both sides together', () => {
    const tiny = poolState({ longBalance: 10n, shortBalance: 10n, longSupply: 10n, shortSupply: 10n });
    const r = keeperUpkeep(tiny, price(100), T0 + HOUR, keeper);
    if (r.status === 'not-due') throw new Error('unexpected');
    expect(r.payment.paid).toBe(false);
    expect([r.state.longBalance, r.state.shortBalance]).toEqual([10n, 10n]);
  });
});

describe('commits through an upkeep', () => {
  it('a commit inside the front-running window waits one more interval', () => {
    const state = poolState();
    const early = queueCommit(state, { commitType: CommitType.LongMint, amount: 1_000_000n }, T0 + 100n);
    const late = queueCommit(
      state,
      { commitType: CommitType.LongMint, amount: 1_000_000n },
      T0 + HOUR - 100n,
    );
    expect(early.intervalId).toBe(1n);
    expect(late.intervalId).toBe(2n);
    const upkept = poolUpkeep(late.state, price(100), T0 + HOUR);
    expect(upkept.executed[0]!.longTokensMinted).toBe(0n);
    expect(upkept.state.commits.map((c) => c.intervalId)).toEqual([2n]);
  });
});
