/**
 * One pool's history with every kind of event the Portfolio's activity shows, and the pool's stored prices, so
 * that commits carry their execution: a short mint that paid AutoClaim (one transaction), its claim by
 * AutoClaim (one transaction), an executed short burn, and a burn still pending.
 */
import { CommitType } from '../../../src/engine/commits.ts';
import { fromUInt, ONE } from '../../../src/engine/quad.ts';
import type { LedgerHistory } from '../../../src/features/portfolio/ledgerCsv.ts';
import { tx, WAD } from './ledgerFixture.ts';

export const OHM = 10n ** 9n;
export const REWARD = 10n ** 15n; // 0.001 ETH

export const ACTIVITY_POOL = {
  chainId: 42161,
  address: '0x00000000000000000000000000000000000000b3',
  name: '3-ETH/USD+OHM',
  collateral: { symbol: 'OHM', address: '0x00000000000000000000000000000000000000c2', decimals: 9 },
} as const satisfies LedgerHistory['pool'];

const at = (blockNumber: bigint, logIndex: number, n: number) => ({
  blockNumber,
  logIndex,
  transactionHash: tx(n),
  timestamp: 1_796_667_950 + Number(blockNumber),
});

export const ACTIVITY = {
  pool: ACTIVITY_POOL,
  events: [
    {
      kind: 'commit',
      ...at(200n, 1, 11),
      commitType: CommitType.ShortMint,
      amount: 100n * OHM,
      intervalId: 8n,
      fromEscrow: false,
      mintingFeeWad: WAD / 100n,
    },
    { kind: 'autoClaimRequest', ...at(200n, 2, 11), intervalId: 8n, reward: REWARD },
    { kind: 'claim', ...at(230n, 0, 12) },
    { kind: 'autoClaimPaid', ...at(230n, 3, 12), reward: REWARD },
    {
      kind: 'commit',
      ...at(240n, 0, 13),
      commitType: CommitType.ShortBurn,
      amount: 20n * OHM,
      intervalId: 9n,
      fromEscrow: false,
      mintingFeeWad: WAD / 100n,
    },
    {
      kind: 'commit',
      ...at(250n, 0, 14),
      commitType: CommitType.ShortBurn,
      amount: 5n * OHM,
      intervalId: 10n,
      fromEscrow: false,
      mintingFeeWad: WAD / 100n,
    },
  ],
  // Short tokens at 2 OHM in intervals 8 and 9; a 0.5% burning fee; interval 10 not executed yet.
  priceHistory: new Map([
    [8n, { longPrice: ONE, shortPrice: fromUInt(2n) }],
    [9n, { longPrice: ONE, shortPrice: fromUInt(2n) }],
  ]),
  burnFeeHistory: new Map([
    [8n, WAD / 200n],
    [9n, WAD / 200n],
  ]),
  updateIntervalId: 10n,
  mintingFeeWad: WAD / 100n,
} satisfies LedgerHistory;

/** What the fixture's commits did, worked out by hand: 1% of 100 OHM minted at 2, 0.5% of 40 OHM burned. */
export const EXPECTED = {
  mint: { fee: 1n * OHM, received: (99n * OHM) / 2n },
  burn: { fee: (40n * OHM) / 200n, received: 40n * OHM - (40n * OHM) / 200n },
};
