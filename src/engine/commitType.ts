/** Commit types and the packed `commit(bytes32)` argument of the V2 PoolCommitter (§3.1, §3.6). */

export const CommitType = {
  ShortMint: 0,
  ShortBurn: 1,
  LongMint: 2,
  LongBurn: 3,
  LongBurnShortMint: 4,
  ShortBurnLongMint: 5,
} as const;
export type CommitType = (typeof CommitType)[keyof typeof CommitType];

export const MAX_COMMIT_AMOUNT = (1n << 128n) - 1n;

/** Packs amount (low 128 bits), type, fromAggregateBalance and payForClaim (8 bits each), as L2Encoder does. */
export function encodeCommitParams(
  amount: bigint,
  type: CommitType,
  fromAggregateBalance: boolean,
  payForClaim: boolean,
): `0x${string}` {
  if (amount <= 0n) throw new RangeError('commit amount must be above zero');
  if (amount > MAX_COMMIT_AMOUNT) throw new RangeError('commit amount must fit in 128 bits');
  const packed =
    amount |
    (BigInt(type) << 128n) |
    (BigInt(fromAggregateBalance ? 1 : 0) << 136n) |
    (BigInt(payForClaim ? 1 : 0) << 144n);
  return `0x${packed.toString(16).padStart(64, '0')}`;
}
