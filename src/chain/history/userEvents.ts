/**
 * A user's events, assembled from history records (historyRecords.ts): the one assembly both the browser's
 * log scan and the indexer's `/history/user` route use, so the two sources cannot disagree on a user's history.
 */
import type { Address } from 'viem';
import { type HistoryPool, type HistoryRecord, inChainOrder, located, same } from './historyRecords.ts';
import type { UserEvent } from './historySource.ts';

const ZERO = /^0x0{40}$/i;

/**
 * A user's commits, claims, AutoClaim requests and payments, and token transfers, per pool (lower-case
 * address), oldest first. Commits and claims are the pool's through the committer that emitted them, AutoClaim
 * records through the committer they name. Transfers from the pool (escrow claims) and to the zero address
 * (burns) are accounted by the commits and claims, and a transfer to oneself changes no holding: none of them
 * is an event.
 */
export function userEventsOf(
  pools: readonly HistoryPool[],
  user: Address,
  records: readonly HistoryRecord[],
): Map<string, UserEvent[]> {
  const byCommitter = new Map(pools.map((p) => [p.committer.toLowerCase(), p]));
  const byToken = new Map<string, { pool: HistoryPool; side: 'long' | 'short' }>();
  for (const p of pools) {
    byToken.set(p.longToken.toLowerCase(), { pool: p, side: 'long' });
    byToken.set(p.shortToken.toLowerCase(), { pool: p, side: 'short' });
  }
  const out = new Map<string, UserEvent[]>();
  const push = (pool: HistoryPool | undefined, event: UserEvent) => {
    if (!pool) return;
    const key = pool.address.toLowerCase();
    const list = out.get(key);
    if (list) list.push(event);
    else out.set(key, [event]);
  };
  for (const r of inChainOrder(records)) {
    switch (r.kind) {
      case 'commit':
        if (!same(r.user, user)) break;
        push(byCommitter.get(r.address.toLowerCase()), {
          kind: 'commit',
          ...located(r),
          commitType: r.commitType,
          amount: r.amount,
          intervalId: r.intervalId,
          fromEscrow: r.fromEscrow,
          mintingFeeWad: r.mintingFeeWad,
        });
        break;
      case 'claim':
        if (same(r.user, user))
          push(byCommitter.get(r.address.toLowerCase()), { kind: 'claim', ...located(r) });
        break;
      case 'claimRequest':
        if (!same(r.user, user)) break;
        push(byCommitter.get(r.committer.toLowerCase()), {
          kind: 'autoClaimRequest',
          ...located(r),
          intervalId: r.intervalId,
          reward: r.reward,
        });
        break;
      case 'claimExecuted':
        if (!same(r.user, user)) break;
        push(byCommitter.get(r.committer.toLowerCase()), {
          kind: 'autoClaimPaid',
          ...located(r),
          reward: r.reward,
        });
        break;
      case 'transfer': {
        const token = byToken.get(r.address.toLowerCase());
        if (!token) break;
        const toMe = same(r.to, user);
        const fromMe = same(r.from, user);
        if (toMe === fromMe) break;
        const counterparty = toMe ? r.from : r.to;
        if (same(counterparty, token.pool.address) || ZERO.test(counterparty)) break;
        push(token.pool, {
          kind: 'transfer',
          ...located(r),
          side: token.side,
          direction: toMe ? 'in' : 'out',
          amount: r.value,
        });
        break;
      }
    }
  }
  return out;
}
