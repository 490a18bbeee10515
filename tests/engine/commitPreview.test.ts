import { describe, expect, it } from 'vitest';
import { type CommitPreviewInput, commitOutput, previewCommit } from '../../src/engine/commitPreview.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { feeAmount } from '../../src/engine/fees.ts';
import { sideTokenValue, tokenPrice, tokensForSettlement } from '../../src/engine/prices.ts';
import { ContractRevert } from '../../src/engine/revert.ts';
import { smallestYieldingAmount } from '../../src/engine/smallestCommit.ts';
import type { PoolState } from '../../src/engine/types.ts';
import { emptyPool, poolState, price, WAD } from './helpers.ts';

const USDC = 1_000_000n;

describe('previewCommit: what a commit gives its user (§3.5)', () => {
  /** A commit `after` seconds into the interval (10 s unless said), at the price given (100 unless said). */
  const commit = (state: PoolState, commitType: CommitType, amount: bigint, at = 100, after = 10n) =>
    previewCommit(state, { commitType, amount, now: state.lastPriceTimestamp + after, price: price(at) });
  /** TV10's first mint of 1000 USDC, at the price given. */
  const firstMint = (state: PoolState, at: number) => commit(state, CommitType.LongMint, 1000n * USDC, at);

  it('TV10 (a): the first mint into an empty side gets its tokens at exactly 1, fee refunded in value', () => {
    const state = emptyPool();
    const p = firstMint(state, 100);
    expect(p.mintFeeAtCommit).toBe(10n * USDC);
    expect(p.tokensOut).toBe(990n * USDC);
    expect(p.after.longBalance).toBe(1000n * USDC);
    expect(p.intervalId).toBe(1n);
    expect(p.executesAt).toBe(state.lastPriceTimestamp + 3600n);
  });

  it('TV10 (b): a 10% fall before the first upkeep still mints 990 tokens, the fee moves to the short side', () => {
    const p = firstMint(emptyPool(), 90);
    expect(p.tokensOut).toBe(990n * USDC);
    // 10 USDC of fee on the long side lost floor(10e6 · 0.2913126) to the short side, plus 1 unit of dust.
    expect(p.after.shortBalance).toBe(2_913_127n);
    expect(p.after.longBalance).toBe(990n * USDC + 7_086_873n);
  });

  it('a burn pays the side balance pro rata, less the burn fee taken at settlement', () => {
    const state = poolState({
      longBalance: 1200n * USDC,
      shortBalance: 800n * USDC,
      burningFeeWad: WAD / 200n,
    });
    const p = commit(state, CommitType.LongBurn, 100n * USDC);
    // 100 of 1000 tokens of a 1200 side is 120 in exact arithmetic, but the user settles at the stored quad
    // price 1.2, which binary128 cannot hold exactly: toUInt truncates 119.9999999… to 119,999,999 units
    // (docs/protocol.md §1.1).
    // The pool paid out 120 at pool level (integer floor), so 1 unit stays behind as dust (§3.5).
    expect(p.burnFee).toBe(599_999n);
    expect(p.settlementOut).toBe(119_400_000n);
    expect(p.tokensOut).toBe(0n);
    expect(p.after.longBalance).toBe(1080n * USDC);
    expect(p.after.skew).toBeCloseTo(1.35, 12);
  });

  it('a flip pays the burn fee, then the mint fee on the rest, and mints the other side', () => {
    const state = poolState({ burningFeeWad: WAD / 200n, mintingFeeWad: WAD / 100n });
    const p = commit(state, CommitType.LongBurnShortMint, 100n * USDC);
    // 100 tokens at 1.0: gross 100, burn fee 0.5, mint fee 1% of 99.5 = 0.995, 98.505 into short at 1.0.
    expect(p.burnFee).toBe(500_000n);
    expect(p.flipMintFee).toBe(995_000n);
    expect(p.tokensOut).toBe(98_505_000n);
  });

  it('inside the front-running window the commit waits one more interval', () => {
    const state = poolState();
    const p = commit(state, CommitType.ShortMint, 5n * USDC, 100, 3600n - 100n);
    expect(p.intervalId).toBe(2n);
    expect(p.executesAt).toBe(state.lastPriceTimestamp + 7200n);
  });

  it('refuses what the contract refuses: burning more tokens than exist', () => {
    const state = poolState();
    expect(() => commit(state, CommitType.ShortBurn, state.shortSupply + 1n, 100, 1n)).toThrow(
      ContractRevert,
    );
  });
});

describe('sideTokenValue: what a holding is worth now', () => {
  it('values tokens as a burn at today’s price would pay, before fees', () => {
    const state = poolState({ longBalance: 1200n * USDC, shortBalance: 800n * USDC });
    // Neither 1.2 nor 0.8 is exact in binary128: the chain's getBurn truncates 119.99999… and 79.99999… (§1.1).
    expect(sideTokenValue(state, 'long', 100n * USDC)).toBe(119_999_999n);
    expect(sideTokenValue(state, 'short', 100n * USDC)).toBe(79_999_999n);
  });

  it('counts an empty supply at 1 and an emptied side at 0, where getBurn would revert', () => {
    expect(sideTokenValue(poolState({ longBalance: 0n, longSupply: 0n }), 'long', 5n)).toBe(5n);
    expect(sideTokenValue(poolState({ shortBalance: 0n }), 'short', 5n)).toBe(0n);
    expect(sideTokenValue(poolState(), 'long', 0n)).toBe(0n);
  });
});

describe('previewCommit: the upkeeps before the commit’s, as the keeper will run them (§3.10)', () => {
  const UI = 3600n;
  // 0.1% a side per upkeep: large enough that one management fee more or less shows in every figure.
  const FEE = WAD / 1000n;
  const feeState = () => poolState({ feePerIntervalWad: FEE });
  const mint = (state: PoolState, now: bigint) =>
    previewCommit(state, { commitType: CommitType.LongMint, amount: 100n * USDC, now, price: price(100) });

  it.each([
    { label: '2 intervals late', after: 2n * UI + 60n, id: 3n },
    { label: '3 intervals late', after: 3n * UI + 60n, id: 4n },
    { label: '2 intervals late, inside the front-running window', after: 3n * UI - 100n, id: 4n },
  ])(
    'keeper $label: one upkeep executes the backlog and the commit, under one management fee',
    ({ after, id }) => {
      const state = feeState();
      const L = state.lastPriceTimestamp;
      const p = mint(state, L + after);
      expect(p.intervalId).toBe(id);
      expect(p.keeper).toMatchObject({ schedule: 'late', upkeepsBefore: 0, rewardsBefore: 0n });
      // The upkeep comes once the commit's interval is due, and executes every interval up to it.
      expect(p.executesAt).toBe(L + (id - state.updateIntervalId + 1n) * UI);
      // The price does not move, so only the one management fee leaves the sides; the mint adds its amount.
      const fee = feeAmount(FEE, 1000n * USDC);
      expect(p.after.longBalance + p.after.shortBalance).toBe(2000n * USDC - 2n * fee + 100n * USDC);
      expect(p.tokensOut).toBe(
        tokensForSettlement(tokenPrice(1000n * USDC - fee, 1000n * USDC), 100n * USDC),
      );
    },
  );

  it('keeper due but not late: it upkeeps now, then the commit’s interval executes at the next upkeep', () => {
    const state = feeState();
    const now = state.lastPriceTimestamp + UI + 10n;
    const p = mint(state, now);
    expect(p.intervalId).toBe(2n);
    expect(p.keeper).toMatchObject({ schedule: 'due', upkeepsBefore: 1, rewardIgnored: true });
    expect(p.executesAt).toBe(now + UI);
  });

  it('inside the front-running window, the keeper’s reward for the upkeep before lowers the price the commit gets', () => {
    // TV11's keeper: 2 gwei, 250,000 gas spent, 1500 USDC per ETH; on time, so a 5% tip.
    const keeper = { gasPriceWei: 2_000_000_000n, gasSpent: 250_000n, settlementPerEthWad: 1500n * WAD };
    const state = poolState({ longBalance: 1200n * USDC, shortBalance: 800n * USDC });
    const input: CommitPreviewInput = {
      commitType: CommitType.LongMint,
      amount: 100n * USDC,
      now: state.lastPriceTimestamp + UI - 100n,
      price: price(100),
      keeper,
    };
    const p = previewCommit(state, input);
    expect(p.intervalId).toBe(2n);
    expect(p.keeper).toMatchObject({ schedule: 'on-time', upkeepsBefore: 1, rewardIgnored: false });
    // 0.990585 USDC of gas (TV11) plus 5%: 1,040,114 units, of which the short side pays 40%, truncated.
    expect(p.keeper.rewardsBefore).toBe(1_040_114n);
    const longPaid = 1_040_114n - 416_045n;
    expect(p.tokensOut).toBe(
      tokensForSettlement(tokenPrice(1200n * USDC - longPaid, 1000n * USDC), 100n * USDC),
    );
    const without = previewCommit(state, { ...input, keeper: undefined });
    expect(without.keeper.rewardIgnored).toBe(true);
    expect(p.tokensOut).toBeGreaterThan(without.tokensOut);
  });

  it('before the window, no upkeep comes first: the keeper inputs change nothing', () => {
    const state = poolState();
    const input: CommitPreviewInput = {
      commitType: CommitType.ShortMint,
      amount: 5n * USDC,
      now: state.lastPriceTimestamp + 10n,
      price: price(101),
    };
    const keeper = { gasPriceWei: 2_000_000_000n, gasSpent: 250_000n, settlementPerEthWad: 1500n * WAD };
    const p = previewCommit(state, { ...input, keeper });
    expect(p.keeper).toMatchObject({ schedule: 'on-time', upkeepsBefore: 0, rewardIgnored: false });
    expect(p.tokensOut).toBe(previewCommit(state, input).tokensOut);
  });
});

describe('smallestYieldingAmount: the least a commit must carry to yield one unit (§3.5)', () => {
  const at = (state: PoolState) => ({ now: state.lastPriceTimestamp + 10n, price: price(100) });
  const out = (state: PoolState, commitType: CommitType, amount: bigint) =>
    commitOutput(previewCommit(state, { ...at(state), commitType, amount }));

  it.each([
    { label: 'a mint into a side worth 1.5 a token', type: CommitType.LongMint, long: 1500n, short: 1000n },
    {
      label: 'a mint into a side worth 1234.5 a token',
      type: CommitType.ShortMint,
      long: 1000n,
      short: 1_234_500n,
    },
    { label: 'a burn from a side worth 0.6 a token', type: CommitType.ShortBurn, long: 1000n, short: 600n },
    {
      label: 'a flip out of a side worth 0.6 into one worth 1.5',
      type: CommitType.ShortBurnLongMint,
      long: 1500n,
      short: 600n,
    },
    {
      label: 'a mint with a 1% mint fee',
      type: CommitType.LongMint,
      long: 1200n,
      short: 1000n,
      fee: WAD / 100n,
    },
  ])(
    '$label: the amount named yields at least one unit, one unit less yields none',
    ({ type, long, short, fee }) => {
      const state = poolState({
        longBalance: long * USDC,
        shortBalance: short * USDC,
        mintingFeeWad: fee ?? 0n,
        burningFeeWad: WAD / 200n,
      });
      const smallest = smallestYieldingAmount(state, { ...at(state), commitType: type });
      if (smallest === undefined) throw new Error('no amount found');
      expect(smallest).toBeGreaterThan(1n);
      expect(out(state, type, smallest)).toBeGreaterThanOrEqual(1n);
      expect(out(state, type, smallest - 1n)).toBe(0n);
    },
  );

  it('is 1 where a single unit already yields one', () => {
    const state = poolState();
    expect(smallestYieldingAmount(state, { ...at(state), commitType: CommitType.LongMint })).toBe(1n);
  });

  it('is undefined when even the whole side would pay nothing', () => {
    // Three tokens share one unit of settlement: burning all three pays toUInt(3 · ⅓) = 0 (§1.1 truncation).
    const state = poolState({ longBalance: 1n, longSupply: 3n });
    expect(out(state, CommitType.LongBurn, 3n)).toBe(0n);
    expect(smallestYieldingAmount(state, { ...at(state), commitType: CommitType.LongBurn })).toBeUndefined();
  });
});
