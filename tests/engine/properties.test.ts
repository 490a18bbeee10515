/**
 * Properties of the exact path over random inputs (fast-check): conservation, signs, monotonicity, agreement of
 * the two transfer functions for small moves, fee bounds, and user-level settlement never exceeding the pool.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { executeInterval, type PoolBook } from '../../src/engine/execution.ts';
import { feeAmount, managementFees, mintFeeAtCommit, splitManagementFee } from '../../src/engine/fees.ts';
import { payKeeperFromBalances } from '../../src/engine/keeper.ts';
import { flipProceeds, tokenPrice } from '../../src/engine/prices.ts';
import { aggregateDelta } from '../../src/engine/settlement.ts';
import { TRANSFER_STRATEGIES, valueTransfer } from '../../src/engine/transfer.ts';
import type { CommitTotals, TransferKind } from '../../src/engine/types.ts';
import { totalsWith } from './helpers.ts';

const kind = fc.constantFrom<TransferKind>('sigmoid', 'power');
const balance = fc.bigInt({ min: 0n, max: 10n ** 30n });
const positiveBalance = fc.bigInt({ min: 1n, max: 10n ** 30n });
const leverage = fc.integer({ min: 1, max: 10 });
const oraclePrice = fc.bigInt({ min: 10n ** 6n, max: 10n ** 24n });
const feeWad = fc.bigInt({ min: 0n, max: 10n ** 16n });
const rateWad = fc.bigInt({ min: 0n, max: 10n ** 18n });
/** The balances and supplies of an interval's book, before any burn is pending. */
type Book = Omit<PoolBook, 'pendingLongBurnPoolTokens' | 'pendingShortBurnPoolTokens'>;
/** One value transfer from random inputs, in the order the properties draw them. */
const transfer = (k: TransferKind, l: bigint, s: bigint, lev: number, o: bigint, n: bigint, f = 0n) =>
  valueTransfer({
    transfer: k,
    longBalance: l,
    shortBalance: s,
    leverage: lev,
    oldPrice: o,
    newPrice: n,
    feePerIntervalWad: f,
  });

describe('value transfer', () => {
  /** A transfer kind, two non-empty sides, a leverage and the old price. */
  const positivePool = [kind, positiveBalance, positiveBalance, leverage, oraclePrice] as const;
  it('conserves value: the two sides plus the fees equal the balances before (dust included)', () => {
    fc.assert(
      fc.property(
        kind,
        balance,
        balance,
        leverage,
        oraclePrice,
        oraclePrice,
        feeWad,
        (k, l, s, lev, o, n, f) => {
          const r = transfer(k, l, s, lev, o, n, f);
          expect(r.longBalance + r.shortBalance + r.longFee + r.shortFee).toBe(l + s);
          expect(r.longBalance >= 0n && r.shortBalance >= 0n).toBe(true);
          expect(r.feeSplit.primary + r.feeSplit.secondary).toBe(r.longFee + r.shortFee);
        },
      ),
    );
  });

  it('the loser never loses all of a balance above a few units, and the winner never loses', () => {
    fc.assert(
      fc.property(...positivePool, oraclePrice, (k, l, s, lev, o, n) => {
        const r = transfer(k, l, s, lev, o, n);
        if (n >= o) {
          expect(r.longBalance).toBeGreaterThanOrEqual(l);
          expect(r.shortBalance).toBeLessThanOrEqual(s);
        } else {
          expect(r.shortBalance).toBeGreaterThanOrEqual(s);
          expect(r.longBalance).toBeLessThanOrEqual(l);
        }
        // The loser keeps at least (1 − tanh L) or ratio^L of its balance: never 0 on moves within 10×.
        const small = n * 10n >= o && o * 10n >= n;
        if (small && l > 10n ** 6n && s > 10n ** 6n)
          expect(r.longBalance > 0n && r.shortBalance > 0n).toBe(true);
      }),
    );
  });

  it('is monotone in the price move: a higher new price never leaves the long side with less', () => {
    fc.assert(
      fc.property(
        ...positivePool,
        fc.integer({ min: -9000, max: 30000 }),
        fc.integer({ min: 1, max: 500 }),
        (k, l, s, lev, o, bp, step) => {
          const at = (bps: number) => transfer(k, l, s, lev, o, (o * BigInt(10000 + bps)) / 10000n);
          const lower = at(bp);
          const higher = at(bp + step);
          expect(higher.longBalance).toBeGreaterThanOrEqual(lower.longBalance);
          expect(higher.shortBalance).toBeLessThanOrEqual(lower.shortBalance);
        },
      ),
    );
  });

  it('power and sigmoid agree to first order for small moves: relative gap ≤ L · |1 − ratio|', () => {
    fc.assert(
      fc.property(
        leverage,
        fc.double({ min: 1e-7, max: 1e-3, noNaN: true }),
        fc.boolean(),
        (lev, size, up) => {
          const logMove = up ? Math.log1p(size) : -Math.log1p(-size);
          const sigmoid = TRANSFER_STRATEGIES.sigmoid.lossFraction(lev, logMove);
          const power = TRANSFER_STRATEGIES.power.lossFraction(lev, logMove);
          const gap = 1 - Math.exp(-logMove); // 1 − ratio
          // tanh(L·a) − (1 − (1 − a)^L) = L(L − 1)a²/2 + O(a³): second order in the move.
          expect(Math.abs(sigmoid - power) / sigmoid).toBeLessThanOrEqual(lev * gap);
        },
      ),
    );
  });

  it('the exact paths of both strategies move nearly the same amount on a 0.01% move', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 10n ** 20n, max: 10n ** 27n }), leverage, oraclePrice, (b, lev, o) => {
        const run = (k: TransferKind) =>
          valueTransfer({
            transfer: k,
            longBalance: b,
            shortBalance: b,
            leverage: lev,
            oldPrice: o,
            newPrice: o + o / 10000n,
            feePerIntervalWad: 0n,
          }).longBalance - b;
        const sigmoid = run('sigmoid');
        const power = run('power');
        expect(Number(sigmoid - power) / Number(sigmoid)).toBeLessThanOrEqual(lev * 1e-4);
      }),
    );
  });
});

describe('fees never exceed what they are taken from', () => {
  it('management, mint, flip fees and the keeper payment', () => {
    fc.assert(
      fc.property(balance, balance, rateWad, fc.bigInt({ min: 0n, max: 100n }), (a, b, rate, pct) => {
        expect(feeAmount(rate, a)).toBeLessThanOrEqual(a);
        const { longFee, shortFee } = managementFees(a, b, rate);
        expect(longFee <= a && shortFee <= b).toBe(true);
        const split = splitManagementFee(longFee + shortFee, pct);
        expect(split.secondary <= longFee + shortFee && split.primary >= 0n).toBe(true);
        const mint = mintFeeAtCommit(a, rate);
        expect(mint.fee + mint.queued).toBe(a);
        expect(mint.queued).toBeGreaterThanOrEqual(0n);
        if (a > 0n && b > 0n) {
          const flip = flipProceeds(a, tokenPrice(b, a), rate / 10n, rate);
          expect(flip.settlement + flip.burnFee + flip.mintFee).toBeLessThanOrEqual(b);
          const paid = payKeeperFromBalances(rate % (a + b), a, b);
          expect(paid.longPart <= a && paid.shortPart <= b).toBe(true);
        }
      }),
    );
  });
});

describe('user-level settlement never exceeds the pool-level execution', () => {
  const amount = fc.bigInt({ min: 0n, max: 10n ** 24n });
  const user = fc.record({
    longMintSettlement: amount,
    longBurnPoolTokens: fc.bigInt({ min: 0n, max: 10n ** 20n }),
    shortMintSettlement: amount,
    shortBurnPoolTokens: fc.bigInt({ min: 0n, max: 10n ** 20n }),
    shortBurnLongMintPoolTokens: fc.bigInt({ min: 0n, max: 10n ** 20n }),
    longBurnShortMintPoolTokens: fc.bigInt({ min: 0n, max: 10n ** 20n }),
  });

  /** Runs one interval at pool level and every user at user level; returns both token totals. */
  function settleInterval(users: CommitTotals[], book: Book, mintFee: bigint, burnFee: bigint) {
    const totals: CommitTotals = totalsWith();
    for (const u of users)
      for (const key of Object.keys(totals) as Array<keyof CommitTotals>) totals[key] += u[key];
    const { executed } = executeInterval(
      {
        ...book,
        pendingLongBurnPoolTokens: totals.longBurnPoolTokens + totals.longBurnShortMintPoolTokens,
        pendingShortBurnPoolTokens: totals.shortBurnPoolTokens + totals.shortBurnLongMintPoolTokens,
      },
      1n,
      totals,
      mintFee,
      burnFee,
    );
    const prices = { longPrice: executed.longPrice, shortPrice: executed.shortPrice };
    let longTokens = 0n;
    let shortTokens = 0n;
    for (const u of users) {
      const delta = aggregateDelta(u, prices, burnFee, mintFee);
      longTokens += delta.newLongTokens;
      shortTokens += delta.newShortTokens;
    }
    return { executed, longTokens, shortTokens };
  }

  const side = fc.bigInt({ min: 10n ** 21n, max: 10n ** 27n });
  const supply = fc.bigInt({ min: 10n ** 22n, max: 10n ** 26n });
  const rate = fc.bigInt({ min: 0n, max: 5n * 10n ** 16n });

  /** Settles random users' commits against a random book and fees, and hands each run to check. */
  const forRandomIntervals = (
    commits: fc.Arbitrary<CommitTotals>,
    check: (run: ReturnType<typeof settleInterval>, users: CommitTotals[], book: Book) => void,
  ) =>
    fc.assert(
      fc.property(
        fc.array(commits, { minLength: 1, maxLength: 6 }),
        side,
        side,
        supply,
        supply,
        rate,
        rate,
        (users, lb, sb, ls, ss, mf, bf) => {
          const book = { longBalance: lb, shortBalance: sb, longSupply: ls, shortSupply: ss };
          check(settleInterval(users, book, mf, bf), users, book);
        },
      ),
      { numRuns: 300 },
    );

  it('mints: tokens summed over users stay within the tokens minted at pool level', () => {
    const mintsOnly = user.map((u) => ({
      ...u,
      shortBurnLongMintPoolTokens: 0n,
      longBurnShortMintPoolTokens: 0n,
    }));
    forRandomIntervals(mintsOnly, (run) => {
      expect(run.longTokens).toBeLessThanOrEqual(run.executed.longTokensMinted);
      expect(run.shortTokens).toBeLessThanOrEqual(run.executed.shortTokensMinted);
    });
  });

  it('flips: the contract can give users a few more tokens than it minted (§3.5), bounded by their count', () => {
    // Each user's flip fees are floored separately, so their flip proceeds can sum to more than the pool-level
    // proceeds of the whole batch: up to 2 settlement units per user, i.e. 2/price tokens (plus a floor unit).
    forRandomIntervals(user, (run, users, book) => {
      const n = BigInt(users.length);
      const tokensPerUnit = (balance: bigint, tokens: bigint) => tokens / balance + 1n;
      const longSlack = n * (2n * tokensPerUnit(book.longBalance, book.longSupply) + 1n);
      const shortSlack = n * (2n * tokensPerUnit(book.shortBalance, book.shortSupply) + 1n);
      expect(run.longTokens).toBeLessThanOrEqual(run.executed.longTokensMinted + longSlack);
      expect(run.shortTokens).toBeLessThanOrEqual(run.executed.shortTokensMinted + shortSlack);
    });
  });

  it('flips: a concrete case where the users are owed 10 more short tokens than the pool minted', () => {
    const flip = (tokens: bigint): CommitTotals => totalsWith({ longBurnShortMintPoolTokens: tokens });
    const run = settleInterval(
      [flip(5_241n), flip(29_408_952_286_819_948n)],
      { longBalance: 10n ** 21n, shortBalance: 10n ** 21n, longSupply: 10n ** 22n, shortSupply: 10n ** 22n },
      5_033_435_402_046_754n,
      0n,
    );
    expect(run.shortTokens - run.executed.shortTokensMinted).toBe(10n);
  });

  it('settlement paid to burners plus their fees stays within what left the pool for plain burns', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10n ** 22n }), { minLength: 1, maxLength: 8 }),
        fc.bigInt({ min: 10n ** 21n, max: 10n ** 27n }),
        fc.bigInt({ min: 10n ** 23n, max: 10n ** 26n }),
        fc.bigInt({ min: 0n, max: 10n ** 17n }),
        (burns, longBalance, longSupply, burnFee) => {
          const total = burns.reduce((a, b) => a + b, 0n);
          const totals: CommitTotals = totalsWith({ longBurnPoolTokens: total });
          const { executed } = executeInterval(
            {
              longBalance,
              shortBalance: 10n ** 24n,
              longSupply,
              shortSupply: 10n ** 24n,
              pendingLongBurnPoolTokens: total,
              pendingShortBurnPoolTokens: 0n,
            },
            1n,
            totals,
            0n,
            burnFee,
          );
          const prices = { longPrice: executed.longPrice, shortPrice: executed.shortPrice };
          let paid = 0n;
          for (const tokens of burns) {
            const d = aggregateDelta({ ...totals, longBurnPoolTokens: tokens }, prices, burnFee, 0n);
            paid += d.newSettlementTokens + d.longSettlementFee;
          }
          expect(paid).toBeLessThanOrEqual(executed.longSettlementOut);
        },
      ),
    );
  });
});
