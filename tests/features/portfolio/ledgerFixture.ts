/**
 * A user's history in two pools for the ledger's tests: every kind of event, a pool name that needs quoting,
 * amounts from one wei to 2^256 − 1, and an event whose provider gave no time. Shared with the child process
 * that exports it under a German locale.
 */
import type { Hex } from 'viem';
import { CommitType } from '../../../src/engine/commits.ts';
import type { LedgerHistory } from '../../../src/features/portfolio/ledgerCsv.ts';

export const WAD = 10n ** 18n;
export const MAX_UINT256 = 2n ** 256n - 1n;
export const tx = (n: number): Hex => `0x${n.toString(16).padStart(64, '0')}`;
/** 2026-12-07T18:25:50Z */
export const T0 = 1_796_667_950;

export const QUOTED_NAME = 'Tom\'s "BTC, 3x" pool';

const btc = {
  chainId: 42161,
  address: '0x00000000000000000000000000000000000000b1',
  name: QUOTED_NAME,
  collateral: { symbol: 'gOHM', address: '0x00000000000000000000000000000000000000c1', decimals: 18 },
} as const satisfies LedgerHistory['pool'];

const eth = {
  chainId: 42161,
  address: '0x00000000000000000000000000000000000000b2',
  name: '3-ETH/USD+OHM',
  collateral: { symbol: 'OHM', address: '0x00000000000000000000000000000000000000c2', decimals: 9 },
} as const satisfies LedgerHistory['pool'];

export const HISTORY: LedgerHistory[] = [
  {
    pool: btc,
    events: [
      {
        kind: 'commit',
        blockNumber: 100n,
        logIndex: 3,
        transactionHash: tx(1),
        timestamp: T0,
        commitType: CommitType.LongMint,
        amount: 12_345n * (WAD / 10n), // 1234.5 gOHM
        intervalId: 7n,
        fromEscrow: false,
        mintingFeeWad: WAD / 100n,
      },
      {
        kind: 'transfer',
        blockNumber: 140n,
        logIndex: 0,
        transactionHash: tx(4),
        timestamp: T0 + 3600,
        side: 'long',
        direction: 'out',
        amount: 1n,
      },
      {
        kind: 'commit',
        blockNumber: 150n,
        logIndex: 1,
        transactionHash: tx(5),
        commitType: CommitType.LongBurnShortMint,
        amount: MAX_UINT256,
        intervalId: 9n,
        fromEscrow: true,
        mintingFeeWad: WAD / 100n,
      },
    ],
  },
  {
    pool: eth,
    events: [
      {
        kind: 'commit',
        blockNumber: 120n,
        logIndex: 2,
        transactionHash: tx(2),
        timestamp: T0 + 60,
        commitType: CommitType.ShortBurn,
        amount: 5_000_000_000n,
        intervalId: 8n,
        fromEscrow: false,
        mintingFeeWad: 0n,
      },
      {
        kind: 'commit',
        blockNumber: 120n,
        logIndex: 5,
        transactionHash: tx(3),
        timestamp: T0 + 60,
        commitType: CommitType.ShortMint,
        amount: 1000n,
        intervalId: 8n,
        fromEscrow: true,
        mintingFeeWad: WAD / 100n,
      },
      {
        kind: 'transfer',
        blockNumber: 160n,
        logIndex: 4,
        transactionHash: tx(6),
        timestamp: T0 + 7200,
        side: 'short',
        direction: 'in',
        amount: 42n,
      },
    ],
  },
];
