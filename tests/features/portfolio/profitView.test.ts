/**
 * The "Profit explained" view model: which positions it lists, that OHM and gOHM are never added together,
 * the fees paid and the secondary address's share, and that without the indexer's upkeep steps it says the
 * split cannot be computed instead of computing a partial one.
 */
import { describe, expect, it } from 'vitest';
import type { UserPoolHistory } from '../../../src/chain/history/userHistory.ts';
import { ledgerFromHistories } from '../../../src/chain/history/userLedger.ts';
import { CommitType } from '../../../src/engine/commits.ts';
import { mintFeeAtCommit } from '../../../src/engine/fees.ts';
import { tokenPrice } from '../../../src/engine/prices.ts';
import { sumParts } from '../../../src/engine/profit/split.ts';
import { feesOf, profitView } from '../../../src/features/portfolio/profitView.ts';
import { tx } from './ledgerFixture.ts';

const WAD = 10n ** 18n;

function history(symbol: 'OHM' | 'gOHM', address: `0x${string}`, verified: boolean, withSteps = true) {
  const price = {
    longPrice: tokenPrice(1_000n * WAD, 1_000n * WAD),
    shortPrice: tokenPrice(1_000n * WAD, 1_000n * WAD),
  };
  const moved = {
    longPrice: tokenPrice(1_100n * WAD, 1_000n * WAD),
    shortPrice: tokenPrice(900n * WAD, 1_000n * WAD),
  };
  return {
    pool: {
      address,
      name: `3-BTC/USD+${symbol}`,
      collateral: { symbol, address, decimals: 18 },
      verification: { verified, failures: [] },
    },
    events: [
      {
        kind: 'commit',
        blockNumber: 10n,
        logIndex: 0,
        transactionHash: tx(1),
        commitType: CommitType.LongMint,
        amount: 101n * WAD,
        intervalId: 1n,
        fromEscrow: false,
        payForClaim: false,
        mintingFeeWad: WAD / 101n,
      },
      { kind: 'claim', blockNumber: 30n, logIndex: 0, transactionHash: tx(2) },
    ],
    priceHistory: new Map([[1n, price]]),
    burnFeeHistory: new Map([[1n, 0n]]),
    updateIntervalId: 3n,
    mintingFeeWad: WAD / 101n,
    secondaryFeePercent: 10n,
    ...(withSteps
      ? {
          steps: {
            through: 40n,
            steps: [
              {
                blockNumber: 20n,
                logIndex: 0,
                firstInterval: 1n,
                lastInterval: 1n,
                prices: price,
                before: { long: 1_000n * WAD, short: 1_000n * WAD },
                fee: { long: 0n, short: 0n },
                change: { long: 0n, short: 0n },
                keeperReward: 0n,
              },
              {
                blockNumber: 25n,
                logIndex: 0,
                firstInterval: 2n,
                lastInterval: 2n,
                prices: moved,
                before: { long: 1_000n * WAD + 10n ** 15n, short: 1_000n * WAD + 10n ** 15n },
                fee: { long: 10n ** 15n, short: 10n ** 15n },
                change: { long: 100n * WAD - 10n ** 15n, short: -100n * WAD - 10n ** 15n },
                keeperReward: 0n,
              },
            ],
          },
        }
      : {}),
  } as unknown as UserPoolHistory;
}

/** The view of the ledger computed from these histories, as the Portfolio computes it from the log scan's. */
const viewOf = (histories: UserPoolHistory[]) => profitView(ledgerFromHistories(histories).pools);

describe('the profit view', () => {
  it('splits each position and sums per collateral, never OHM with gOHM', () => {
    const view = viewOf([
      history('gOHM', '0x00000000000000000000000000000000000000b1', true),
      history('OHM', '0x00000000000000000000000000000000000000b2', true),
    ]);
    if (view.kind !== 'split') throw new Error(`expected a split, got ${view.kind}`);
    expect(view.positions.map((p) => `${p.pool.collateral.symbol} ${p.side}`)).toEqual([
      'gOHM long',
      'OHM long',
    ]);
    expect(view.totals.map((t) => t.symbol)).toEqual(['gOHM', 'OHM']);
    for (const t of view.totals) {
      expect(sumParts(t.parts)).toBe(t.total);
      // The holder's 100 of the 1000 long (after the fee) take a tenth of the shorts' 100 loss.
      // Quads carry 113 bits: a price of 1.1 is off in its last bit, which shows in the last wei.
      expect(t.parts.market - 10n * WAD).toBeLessThan(100n);
      expect(t.parts.market - 10n * WAD).toBeGreaterThanOrEqual(0n);
      expect(t.parts.mintFee).toBe(-mintFeeAtCommit(101n * WAD, WAD / 101n).fee);
      expect(t.feesPaid).toBe(feesOf(t.parts).paid);
      expect(t.toSecondary).toBe(-t.parts.managementSecondary);
      expect(t.toSecondary).toBeGreaterThan(0n);
    }
    expect(view.through).toBe(40n);
  });

  it('says the split needs the indexer when any traded pool came without upkeep steps', () => {
    const view = viewOf([
      history('gOHM', '0x00000000000000000000000000000000000000b1', true),
      history('OHM', '0x00000000000000000000000000000000000000b2', true, false),
    ]);
    expect(view).toEqual({ kind: 'needs-indexer' });
  });

  it('waits for the ledger, and has nothing to say before the first trade', () => {
    expect(profitView(undefined)).toEqual({ kind: 'loading' });
    const idle = { ...history('gOHM', '0x00000000000000000000000000000000000000b1', true), events: [] };
    expect(viewOf([idle])).toEqual({ kind: 'none' });
    const claimsOnly = history('gOHM', '0x00000000000000000000000000000000000000b1', true);
    expect(viewOf([{ ...claimsOnly, events: claimsOnly.events.filter((e) => e.kind === 'claim') }])).toEqual({
      kind: 'none',
    });
  });

  it('marks a total that holds an unverified pool, whose secondary address is not the treasury', () => {
    const view = viewOf([history('gOHM', '0x00000000000000000000000000000000000000b1', false)]);
    if (view.kind !== 'split') throw new Error(view.kind);
    expect(view.totals[0]!.allVerified).toBe(false);
  });
});
