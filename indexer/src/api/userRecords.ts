/**
 * What the user and ledger routes share: the asked pools the indexer answers for (deployed by the factory and
 * verified as Olympus pools), and the records that are a user's in them.
 */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import { and, eq, inArray, or } from 'ponder';
import type { Address } from 'viem';
import type { PoolInfo } from '../../../src/chain/pools/poolRegistry.ts';
import { ADDRESS, lower } from './answers.ts';
import { olympusPools } from './verifiedPools.ts';

export interface ServedPools {
  /** The pools' rows, in the order asked. */
  rows: (typeof schema.pool.$inferSelect)[];
  /** The same pools as the app verified them (committer and tokens read from the chain). */
  pools: PoolInfo[];
  /** The earliest deployment among them; undefined when none is served. */
  deployBlock: bigint | undefined;
}

/** The `pools` parameter's addresses that the indexer serves. */
export async function servedPools(poolsParam: string | undefined): Promise<ServedPools> {
  const asked = (poolsParam ?? '').split(',').filter((p) => ADDRESS.test(p));
  const olympus = await olympusPools();
  const wanted = [...new Set(asked.map((p) => p.toLowerCase() as Address))];
  const deployed = wanted.length
    ? await db.select().from(schema.pool).where(inArray(schema.pool.address, wanted))
    : [];
  // In the order asked: the database returns rows in whatever order it keeps them, which updates change.
  const rows = wanted.flatMap((pool) => {
    const row = deployed.find((p) => p.address === pool);
    return row && olympus.has(pool) ? [row] : [];
  });
  const deployBlock = rows.reduce<bigint | undefined>(
    (min, p) => (min === undefined ? p.deployBlock : lower(min, p.deployBlock)),
    undefined,
  );
  return { rows, pools: rows.map((p) => olympus.get(p.address)!), deployBlock };
}

/** A user's records in the served pools: commits, claims and transfers, and AutoClaim's records for them. */
export function userRecordsWhere({ rows, pools }: ServedPools, user: Address) {
  // The verified pools' own committers and tokens, as read from the chain: not what any pool announced.
  const contracts = pools.flatMap((p) =>
    [p.committer, p.longToken, p.shortToken].map((a) => a.toLowerCase() as Address),
  );
  return and(
    or(
      and(
        inArray(schema.record.address, contracts),
        inArray(schema.record.kind, ['commit', 'transfer', 'claim']),
      ),
      // AutoClaim's records come from AutoClaim itself: they are the pool's through the committer they name.
      and(
        inArray(schema.record.kind, ['claimRequest', 'claimExecuted']),
        inArray(
          schema.record.pool,
          rows.map((p) => p.address),
        ),
      ),
    ),
    or(eq(schema.record.party, user), eq(schema.record.counterparty, user)),
  );
}
