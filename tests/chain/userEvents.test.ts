/**
 * A user's events from history records (userEvents.ts), the one assembly the log scan and the indexer share:
 * claims on a pool's committer, AutoClaim's requests and payments through the committer they name, alongside
 * commits and transfers, in chain order; other users', other committers' and unknown pools' records left out.
 */
import type { Address, Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { HistoryPool, HistoryRecord } from '../../src/chain/history/historyRecords.ts';
import { userEventsOf } from '../../src/chain/history/userEvents.ts';
import { CommitType } from '../../src/engine/commits.ts';

const a = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;
const tx = (n: number) => `0x${n.toString(16).padStart(64, '0')}` as Hex;

const POOL: HistoryPool = { address: a(0xb1), committer: a(0xc1), longToken: a(0x11), shortToken: a(0x12) };
const OTHER: HistoryPool = { address: a(0xb2), committer: a(0xc2), longToken: a(0x21), shortToken: a(0x22) };
const AUTO_CLAIM = a(0xac);
const USER = a(0xaaaa);
const SOMEONE = a(0xbbbb);

const place = (address: Address, blockNumber: bigint, logIndex: number, n: number) => ({
  address,
  blockNumber,
  logIndex,
  transactionHash: tx(n),
});

/** AutoClaim's records of a claim asked for and paid, for `user` on `committer`. */
const claimRequest = (user: Address, committer: Address, intervalId: bigint, reward: bigint) => ({
  kind: 'claimRequest' as const,
  user,
  committer,
  intervalId,
  reward,
});
const claimExecuted = (user: Address, committer: Address, reward: bigint) => ({
  kind: 'claimExecuted' as const,
  user,
  committer,
  reward,
});

const RECORDS: HistoryRecord[] = [
  // Given out of order: the events come back in chain order.
  { ...place(POOL.committer, 30n, 0, 3), kind: 'claim', user: USER },
  {
    ...place(POOL.committer, 10n, 1, 1),
    kind: 'commit',
    user: USER,
    commitType: CommitType.LongMint,
    amount: 100n,
    intervalId: 4n,
    fromEscrow: false,
    payForClaim: true,
    mintingFeeWad: 0n,
  },
  { ...place(AUTO_CLAIM, 10n, 2, 1), ...claimRequest(USER, POOL.committer, 4n, 7n) },
  { ...place(AUTO_CLAIM, 30n, 1, 3), ...claimExecuted(USER, POOL.committer, 7n) },
  // Someone else's claim and AutoClaim records: not the user's.
  { ...place(POOL.committer, 31n, 0, 4), kind: 'claim', user: SOMEONE },
  { ...place(AUTO_CLAIM, 31n, 1, 4), ...claimExecuted(SOMEONE, POOL.committer, 9n) },
  // The user's, in the other pool: mapped through that pool's committer.
  { ...place(OTHER.committer, 40n, 0, 5), kind: 'claim', user: USER },
  { ...place(AUTO_CLAIM, 41n, 0, 6), ...claimRequest(USER, OTHER.committer, 2n, 3n) },
  // A committer no pool asked for has: left out.
  { ...place(a(0xdead), 42n, 0, 7), kind: 'claim', user: USER },
  { ...place(AUTO_CLAIM, 42n, 1, 7), ...claimExecuted(USER, a(0xdead), 1n) },
];

describe('userEventsOf', () => {
  const events = userEventsOf([POOL, OTHER], USER, RECORDS);

  it('gives the user a claim, an AutoClaim request and its payment, by the pool, in chain order', () => {
    expect(events.get(POOL.address)).toEqual([
      expect.objectContaining({ kind: 'commit', blockNumber: 10n, logIndex: 1 }),
      {
        kind: 'autoClaimRequest',
        blockNumber: 10n,
        logIndex: 2,
        transactionHash: tx(1),
        intervalId: 4n,
        reward: 7n,
      },
      { kind: 'claim', blockNumber: 30n, logIndex: 0, transactionHash: tx(3) },
      { kind: 'autoClaimPaid', blockNumber: 30n, logIndex: 1, transactionHash: tx(3), reward: 7n },
    ]);
  });

  it("maps AutoClaim's records through the committer they name, and leaves out unknown committers", () => {
    expect(events.get(OTHER.address)).toEqual([
      { kind: 'claim', blockNumber: 40n, logIndex: 0, transactionHash: tx(5) },
      {
        kind: 'autoClaimRequest',
        blockNumber: 41n,
        logIndex: 0,
        transactionHash: tx(6),
        intervalId: 2n,
        reward: 3n,
      },
    ]);
    expect([...events.keys()].sort()).toEqual([POOL.address, OTHER.address].sort());
  });

  it("leaves out other users' claims and AutoClaim records", () => {
    expect(userEventsOf([POOL, OTHER], SOMEONE, RECORDS).get(POOL.address)).toEqual([
      { kind: 'claim', blockNumber: 31n, logIndex: 0, transactionHash: tx(4) },
      { kind: 'autoClaimPaid', blockNumber: 31n, logIndex: 1, transactionHash: tx(4), reward: 9n },
    ]);
  });

  it('keeps the timestamp a record carries', () => {
    const [event] = userEventsOf([POOL], USER, [{ ...RECORDS[0]!, timestamp: 1234 }]).get(POOL.address)!;
    expect(event).toEqual({
      kind: 'claim',
      blockNumber: 30n,
      logIndex: 0,
      transactionHash: tx(3),
      timestamp: 1234,
    });
  });
});
