/**
 * The indexing functions. Each log is decoded by the app's own decoder (recordDecoder.ts) and kept as a
 * record. Beside the records, each pool's book is replayed from its events by the engine (book.ts, steps.ts),
 * which gives the upkeep steps the holder's profit split needs. Nothing here reads contract state, so no
 * handler needs an archive node. The rows each handler writes are built in rows.ts.
 */
import { ponder } from 'ponder:registry';
import schema from 'ponder:schema';
import type { Address } from 'viem';
import { CommitType } from '../../src/engine/commits.ts';
import { indexedChain } from '../chain.ts';
import { type Db, type LogEvent, poolOf, recordOf } from './events.ts';
import { addToDay, keep } from './rows.ts';
import {
  balancesToBook,
  commitToBook,
  executedStepOf,
  keeperStepOf,
  rebalanceStepOf,
  upkeepStepOf,
} from './steps.ts';

ponder.on('PoolFactory:setup', async ({ context }) => {
  const { deployment } = indexedChain();
  const blockNumber = deployment.identityBlock ?? deployment.historyFromBlock;
  const block = await context.client.getBlock({ blockNumber });
  await context.db
    .insert(schema.chainIdentity)
    .values({ chainId: deployment.chainId, block: blockNumber, hash: block.hash })
    .onConflictDoNothing();
});

ponder.on('PoolFactory:DeployPool', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind !== 'deployPool') return;
  const pool = r.pool.toLowerCase() as Address;
  await context.db.insert(schema.pool).values({
    address: pool,
    committer: r.committer.toLowerCase() as Address,
    ticker: r.ticker,
    deployBlock: r.blockNumber,
    deployTimestamp: event.block.timestamp,
    longBalance: 0n,
    shortBalance: 0n,
  });
  await context.db
    .insert(schema.committerOf)
    .values({ committer: r.committer.toLowerCase() as Address, pool })
    .onConflictDoNothing();
  await keep(context.db, event, r, { pool });
});

ponder.on('PoolKeeper:UpkeepSuccessful', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind !== 'upkeep') return;
  await keep(context.db, event, r, { pool: r.pool });
  await addToDay(context.db, r.pool, event.block.timestamp, { upkeeps: 1 });
  await upkeepStepOf(context.db, event, r);
});

ponder.on('PoolKeeper:KeeperPaid', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind !== 'keeperPaid') return;
  await keep(context.db, event, r, { pool: r.pool, party: r.keeper });
  await addToDay(context.db, r.pool, event.block.timestamp, { keeperRewards: r.reward });
  await keeperStepOf(context.db, event, r);
});

ponder.on('PoolCommitter:ExecutedCommitsForInterval', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind !== 'executed') return;
  const pool = await poolOf(context.db, r.address);
  await keep(context.db, event, r, { pool });
  if (pool) await executedStepOf(context.db, event, pool, r);
});

ponder.on('PoolCommitter:CreateCommit', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind !== 'commit') return;
  const pool = await poolOf(context.db, r.address);
  await keep(context.db, event, r, { pool, party: r.user });
  if (!pool) return;
  await commitToBook(context.db, pool, r);
  const mint = r.commitType === CommitType.LongMint || r.commitType === CommitType.ShortMint;
  const longBurn = r.commitType === CommitType.LongBurn || r.commitType === CommitType.LongBurnShortMint;
  await addToDay(context.db, pool, event.block.timestamp, {
    commits: 1,
    ...(mint
      ? { mintVolume: r.amount }
      : longBurn
        ? { longBurnTokens: r.amount }
        : { shortBurnTokens: r.amount }),
  });
});

ponder.on('PoolCommitter:Claim', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind === 'claim')
    await keep(context.db, event, r, { pool: await poolOf(context.db, r.address), party: r.user });
});

ponder.on('LeveragedPool:PoolBalancesChanged', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind !== 'balances') return;
  const balances = { longBalance: r.longBalance, shortBalance: r.shortBalance };
  await keep(context.db, event, r, { pool: r.address });
  await addToDay(context.db, r.address, event.block.timestamp, balances);
  await balancesToBook(context.db, r);
  const pool = { address: r.address.toLowerCase() as Address };
  if (await context.db.find(schema.pool, pool)) await context.db.update(schema.pool, pool).set(balances);
});

ponder.on('LeveragedPool:PoolRebalance', async ({ event, context }) => {
  const r = recordOf(event);
  if (r?.kind !== 'rebalance') return;
  await keep(context.db, event, r, { pool: r.address });
  await addToDay(context.db, r.address, event.block.timestamp, { feesCharged: r.longFee + r.shortFee });
  await rebalanceStepOf(context.db, event, r);
});

const feesPaid = async ({ event, context }: { event: LogEvent; context: { db: Db } }) => {
  const r = recordOf(event);
  if (r?.kind !== 'fees') return;
  await keep(context.db, event, r, { pool: r.address, party: r.recipient });
  await addToDay(
    context.db,
    r.address,
    event.block.timestamp,
    r.tier === 'primary' ? { primaryFees: r.amount } : { secondaryFees: r.amount },
  );
};
ponder.on('LeveragedPool:PrimaryFeesPaid', feesPaid);
ponder.on('LeveragedPool:SecondaryFeesPaid', feesPaid);

const transferred = async ({ event, context }: { event: LogEvent; context: { db: Db } }) => {
  const r = recordOf(event);
  if (r?.kind !== 'transfer') return;
  await keep(context.db, event, r, {
    pool: await poolOf(context.db, r.address),
    party: r.from,
    counterparty: r.to,
  });
};
ponder.on('LongToken:Transfer', transferred);
ponder.on('ShortToken:Transfer', transferred);

const autoClaim = async ({ event, context }: { event: LogEvent; context: { db: Db } }) => {
  const r = recordOf(event);
  if (r?.kind !== 'claimRequest' && r?.kind !== 'claimExecuted') return;
  await keep(context.db, event, r, { pool: await poolOf(context.db, r.committer), party: r.user });
};
ponder.on('AutoClaim:PaidClaimRequestUpdate', autoClaim);
ponder.on('AutoClaim:PaidRequestExecution', autoClaim);
