import { describe, expect, it } from 'vitest';
import { claimWouldFail } from '../../../src/chain/pools/poolReader.ts';
import { wouldStrand } from '../../../src/features/trade/tradeModel.ts';
import { btcPool } from '../../fixtures/pools.ts';

describe('guards against two V2.1 flaws (pinned in tests/chain/engineDifferential.test.ts)', () => {
  it('refuses a commit whose interval falls below the last one listed for the user', () => {
    // After a late keeper re-bases the schedule: queued at id 7, a new commit would get id 6.
    expect(wouldStrand(6n, [7n])).toBe(true);
    // The same interval is already listed: the contract adds to it.
    expect(wouldStrand(7n, [5n, 7n])).toBe(false);
    // A later interval is appended.
    expect(wouldStrand(8n, [7n])).toBe(false);
    // Nothing queued.
    expect(wouldStrand(3n, [])).toBe(false);
  });

  it('says a claim would revert when the user is owed more pool tokens than the pool holds', () => {
    const pool = btcPool({ long: '100', short: '100' });
    const withEscrow = (longTokens: bigint, held: bigint) => ({
      ...pool,
      escrowHeld: { longTokens: held, shortTokens: 0n },
      user: {
        longWallet: 0n,
        shortWallet: 0n,
        settlementWallet: 0n,
        allowance: 0n,
        escrow: { longTokens, shortTokens: 0n, settlementTokens: 0n },
        commits: [],
      },
    });
    expect(claimWouldFail(withEscrow(99_102n, 97_119n))).toBe(true);
    expect(claimWouldFail(withEscrow(97_119n, 97_119n))).toBe(false);
    expect(claimWouldFail({ ...pool })).toBe(false);
  });
});
