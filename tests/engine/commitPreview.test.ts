import { describe, expect, it } from 'vitest';
import { previewCommit } from '../../src/engine/commitPreview.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { sideTokenValue } from '../../src/engine/prices.ts';
import { ContractRevert } from '../../src/engine/revert.ts';
import { poolState, price, WAD } from './helpers.ts';

const USDC = 1_000_000n;

describe('previewCommit: what a commit gives its user (§3.5)', () => {
  it('TV10 (a): the first mint into an empty side gets its tokens at exactly 1, fee refunded in value', () => {
    const state = poolState({
      longBalance: 0n,
      longSupply: 0n,
      shortBalance: 0n,
      shortSupply: 0n,
      mintingFeeWad: WAD / 100n,
    });
    const p = previewCommit(state, {
      commitType: CommitType.LongMint,
      amount: 1000n * USDC,
      now: state.lastPriceTimestamp + 10n,
      price: price(100),
    });
    expect(p.mintFeeAtCommit).toBe(10n * USDC);
    expect(p.tokensOut).toBe(990n * USDC);
    expect(p.after.longBalance).toBe(1000n * USDC);
    expect(p.intervalId).toBe(1n);
    expect(p.executesAt).toBe(state.lastPriceTimestamp + 3600n);
  });

  it('TV10 (b): a 10% fall before the first upkeep still mints 990 tokens, the fee moves to the short side', () => {
    const state = poolState({
      longBalance: 0n,
      longSupply: 0n,
      shortBalance: 0n,
      shortSupply: 0n,
      mintingFeeWad: WAD / 100n,
    });
    const p = previewCommit(state, {
      commitType: CommitType.LongMint,
      amount: 1000n * USDC,
      now: state.lastPriceTimestamp + 10n,
      price: price(90),
    });
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
    const p = previewCommit(state, {
      commitType: CommitType.LongBurn,
      amount: 100n * USDC,
      now: state.lastPriceTimestamp + 10n,
      price: price(100),
    });
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
    const p = previewCommit(state, {
      commitType: CommitType.LongBurnShortMint,
      amount: 100n * USDC,
      now: state.lastPriceTimestamp + 10n,
      price: price(100),
    });
    // 100 tokens at 1.0: gross 100, burn fee 0.5, mint fee 1% of 99.5 = 0.995, 98.505 into short at 1.0.
    expect(p.burnFee).toBe(500_000n);
    expect(p.flipMintFee).toBe(995_000n);
    expect(p.tokensOut).toBe(98_505_000n);
  });

  it('inside the front-running window the commit waits one more interval', () => {
    const state = poolState();
    const p = previewCommit(state, {
      commitType: CommitType.ShortMint,
      amount: 5n * USDC,
      now: state.lastPriceTimestamp + 3600n - 100n,
      price: price(100),
    });
    expect(p.intervalId).toBe(2n);
    expect(p.executesAt).toBe(state.lastPriceTimestamp + 7200n);
  });

  it('refuses what the contract refuses: burning more tokens than exist', () => {
    const state = poolState();
    expect(() =>
      previewCommit(state, {
        commitType: CommitType.ShortBurn,
        amount: state.shortSupply + 1n,
        now: state.lastPriceTimestamp + 1n,
        price: price(100),
      }),
    ).toThrow(ContractRevert);
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
