/**
 * Commit timing, packing and the immediate effects of a commit (docs/protocol.md §3.1, §3.2, §3.6), and user
 * settlement (§3.5).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  appropriateUpdateIntervalId,
  CommitType,
  commitAction,
  commitParamsToHex,
  commitTotals,
  decodeCommitParams,
  encodeCommitParams,
  expectedExecutionTime,
  queueCommit,
} from '../../src/engine/commits.ts';
import * as quad from '../../src/engine/quad.ts';
import { ContractRevert } from '../../src/engine/revert.ts';
import { settleAggregateBalance } from '../../src/engine/settlement.ts';
import type { CommitTotals, PoolState, Side } from '../../src/engine/types.ts';
import { poolState, totalsWith } from './helpers.ts';

const LAST = 1_000_000n;

describe('appropriateUpdateIntervalId (§3.2)', () => {
  const id = (now: bigint, fri: bigint, ui: bigint) => appropriateUpdateIntervalId(now, LAST, fri, ui, 7n);

  it('FRI < UI: before the window → current; inside it → next; a late keeper counts the intervals passed', () => {
    expect(id(LAST + 3299n, 300n, 3600n)).toBe(7n);
    expect(id(LAST + 3300n, 300n, 3600n)).toBe(8n);
    expect(id(LAST + 3600n + 10n, 300n, 3600n)).toBe(8n); // one interval passed, before the next window
    expect(id(LAST + 7200n - 300n, 300n, 3600n)).toBe(9n); // and inside the following window
  });

  it('FRI = UI always lands at least one interval ahead', () => {
    expect(id(LAST, 3600n, 3600n)).toBe(8n);
    expect(id(LAST + 3599n, 3600n, 3600n)).toBe(8n);
  });

  it('FRI > UI: the first upkeep at least FRI away (mainnet 8 h / 1 h)', () => {
    expect(id(LAST, 8n * 3600n, 3600n)).toBe(15n);
    expect(id(LAST + 1800n, 8n * 3600n, 3600n)).toBe(15n);
    expect(id(LAST + 3600n, 8n * 3600n, 3600n)).toBe(16n);
  });

  it('reverts for a time before the last upkeep', () => {
    expect(() => id(LAST - 1n, 300n, 3600n)).toThrow(ContractRevert);
  });

  it('the earliest execution of the assigned interval is always more than FRI after the commit (§6 item 9)', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 100_000n }),
        fc.bigInt({ min: 1n, max: 7200n }),
        fc.bigInt({ min: 0n, max: 30_000n }),
        (elapsed, ui, fri) => {
          const now = LAST + elapsed;
          const assigned = appropriateUpdateIntervalId(now, LAST, fri, ui, 1n);
          const executesAt = expectedExecutionTime(assigned, LAST, ui, 1n);
          expect(executesAt - now).toBeGreaterThan(fri);
        },
      ),
    );
  });
});

describe('expectedExecutionTime', () => {
  it('the current interval executes one update interval after the last upkeep, later ones one interval each', () => {
    expect(expectedExecutionTime(7n, LAST, 3600n, 7n)).toBe(LAST + 3600n);
    expect(expectedExecutionTime(9n, LAST, 3600n, 7n)).toBe(LAST + 3n * 3600n);
    expect(expectedExecutionTime(5n, LAST, 3600n, 7n)).toBe(LAST + 3600n); // already due
  });
});

describe('commit argument packing (§3.6)', () => {
  it('packs amount, type and flags into the documented bits and decodes back', () => {
    const packed = encodeCommitParams(123_456n, CommitType.ShortBurnLongMint, true, false);
    expect(packed).toBe(123_456n | (5n << 128n) | (1n << 136n));
    expect(decodeCommitParams(packed)).toEqual({
      amount: 123_456n,
      commitType: 5,
      fromAggregateBalance: true,
      payForClaim: false,
    });
    expect(() => encodeCommitParams(1n << 128n, CommitType.LongMint, false, false)).toThrow(RangeError);
    expect(encodeCommitParams((1n << 128n) - 1n, CommitType.ShortMint, false, true) >> 144n).toBe(1n);
  });

  it('the hex form handed to the ABI encoder is the packed integer as 32 bytes', () => {
    const packed = encodeCommitParams(5n, CommitType.LongBurn, false, true);
    expect(commitParamsToHex(packed)).toBe(`0x${packed.toString(16).padStart(64, '0')}`);
    expect(commitParamsToHex(packed)).toHaveLength(66);
  });
});

describe('queueCommit: what a commit does at once', () => {
  const now = poolState().lastPriceTimestamp + 10n;

  it('a flip burns its tokens now and counts them as pending; it pays its fees only at execution', () => {
    const state = poolState({ mintingFeeWad: 10n ** 16n });
    const r = queueCommit(state, { commitType: CommitType.LongBurnShortMint, amount: 40n }, now);
    expect(r.mintFee).toBe(0n);
    expect(r.state.longSupply).toBe(state.longSupply - 40n);
    expect(r.state.pendingLongBurnPoolTokens).toBe(40n);
    expect(r.state.commits[0]!.totals.longBurnShortMintPoolTokens).toBe(40n);
    expect(r.state.longBalance).toBe(state.longBalance);
  });

  it('commits in the same interval add up; burning more than the supply reverts; zero is refused', () => {
    const state = poolState();
    const once = queueCommit(state, { commitType: CommitType.ShortMint, amount: 5n }, now).state;
    const twice = queueCommit(once, { commitType: CommitType.ShortMint, amount: 7n }, now).state;
    expect(twice.commits).toHaveLength(1);
    expect(twice.commits[0]!.totals.shortMintSettlement).toBe(12n);
    expect(() =>
      queueCommit(state, { commitType: CommitType.LongBurn, amount: state.longSupply + 1n }, now),
    ).toThrow(ContractRevert);
    expect(() => queueCommit(state, { commitType: CommitType.LongMint, amount: 0n }, now)).toThrow(
      ContractRevert,
    );
  });

  it('each type acts on its side as the table of §3.1 says, and queues in its own total', () => {
    const state = poolState({
      mintingFeeWad: 10n ** 16n,
      longBalance: 1_000n,
      shortBalance: 2_000n,
      longSupply: 3_000n,
      shortSupply: 4_000n,
    });
    const sideOf = (s: PoolState, side: Side) =>
      side === 'long'
        ? [s.longBalance, s.longSupply, s.pendingLongBurnPoolTokens]
        : [s.shortBalance, s.shortSupply, s.pendingShortBurnPoolTokens];
    const actions = Object.values(CommitType).map(
      (type) => `${commitAction(type)?.kind} ${commitAction(type)?.side}`,
    );
    expect(actions).toEqual([
      'mint short',
      'burn short',
      'mint long',
      'burn long',
      'flip long',
      'flip short',
    ]);
    for (const commitType of Object.values(CommitType)) {
      const { kind, side, total } = commitAction(commitType)!;
      const other = side === 'long' ? 'short' : 'long';
      const r = queueCommit(state, { commitType, amount: 1000n }, now);
      const fee = kind === 'mint' ? 10n : 0n;
      const burned = kind === 'mint' ? 0n : 1000n;
      expect(r.mintFee).toBe(fee);
      expect(total.startsWith(side)).toBe(true);
      expect(r.state.commits[0]!.totals).toEqual(commitTotals(commitType, 1000n - fee));
      expect(Object.entries(r.state.commits[0]!.totals).filter(([, v]) => v !== 0n)).toEqual([
        [total, 1000n - fee],
      ]);
      const [balance, supply, pending] = sideOf(state, side);
      expect(sideOf(r.state, side)).toEqual([balance! + fee, supply! - burned, pending! + burned]);
      expect(sideOf(r.state, other)).toEqual(sideOf(state, other));
    }
  });

  it('a number that is no commit type queues nothing', () => {
    const state = poolState();
    const r = queueCommit(state, { commitType: 6 as CommitType, amount: 5n }, now);
    expect(r.mintFee).toBe(0n);
    expect(r.state).toEqual(state);
    expect(commitTotals(6 as CommitType, 5n)).toEqual(commitTotals(CommitType.LongMint, 0n));
  });
});

describe('settleAggregateBalance (§3.5)', () => {
  const mint: CommitTotals = totalsWith({ longMintSettlement: 1_000n });
  const half = quad.div(quad.ONE, quad.fromUInt(2n)); // every executed interval priced at 0.5

  function input(ids: bigint[], current: bigint) {
    return {
      intervalIds: ids,
      commitments: new Map(ids.map((id) => [id, mint])),
      currentUpdateIntervalId: current,
      priceHistory: new Map(ids.map((id) => [id, { longPrice: half, shortPrice: half }])),
      burnFeeHistory: new Map<bigint, bigint>(),
      mintingFeeWad: 0n,
    };
  }

  it('settles executed intervals only and keeps the others in order', () => {
    const r = settleAggregateBalance(input([3n, 4n, 5n], 5n));
    expect(r.settledIntervalIds).toEqual([3n, 4n]);
    expect(r.remainingIntervalIds).toEqual([5n]);
    expect(r.balance.longTokens).toBe(4_000n);
  });

  it('looks at 15 entries per update; beyond that, settled entries are replaced by the last one', () => {
    const ids = Array.from({ length: 18 }, (_, i) => BigInt(i + 1));
    const r = settleAggregateBalance(input(ids, 100n));
    expect(r.settledIntervalIds).toHaveLength(15);
    expect(r.balance.longTokens).toBe(15n * 2_000n);
    expect([...r.remainingIntervalIds].sort((a, b) => Number(a - b))).toEqual([16n, 17n, 18n]);
    const again = settleAggregateBalance({ ...input(r.remainingIntervalIds, 100n), balance: r.balance });
    expect(again.balance.longTokens).toBe(18n * 2_000n);
    expect(again.remainingIntervalIds).toEqual([]);
  });

  it('an executed interval without a stored price reverts, as getMint does on a zero price', () => {
    const broken = { ...input([1n], 2n), priceHistory: new Map() };
    expect(() => settleAggregateBalance(broken)).toThrow(ContractRevert);
  });
});
