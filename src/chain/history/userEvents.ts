/**
 * A user's events, assembled from history records (historyRecords.ts): the one assembly both the browser's
 * log scan and the indexer's `/history/user` route use, so the two sources cannot disagree on a user's history.
 */
import { type Address, isAddressEqual } from 'viem';
import { type HistoryPool, type HistoryRecord, inChainOrder, located } from './historyRecords.ts';
import { historyKey, type UserEvent } from './historySource.ts';

const ZERO = /^0x0{40}$/i;

/**
 * A user's commits, claims, AutoClaim requests and payments, and token transfers, per pool (by `historyKey`), oldest first. Commits and claims are the pool's through the committer that emitted them, AutoClaim
 * records through the committer they name. Transfers from the pool (escrow claims) and to the zero address
 * (burns) are accounted by the commits and claims, and a transfer to oneself changes no holding: none of them
 * is an event.
 */
export function userEventsOf(
  pools: readonly HistoryPool[],
  user: Address,
  records: readonly HistoryRecord[],
): Map<string, UserEvent[]> {
  const byCommitter = new Map(pools.map((p) => [historyKey(p.committer), p]));
  const byToken = new Map<string, { pool: HistoryPool; side: 'long' | 'short' }>();
  for (const p of pools) {
    byToken.set(historyKey(p.longToken), { pool: p, side: 'long' });
    byToken.set(historyKey(p.shortToken), { pool: p, side: 'short' });
  }
  const out = new Map<string, UserEvent[]>();
  const push = (pool: HistoryPool | undefined, event: UserEvent) => {
    if (!pool) return;
    const key = historyKey(pool.address);
    const list = out.get(key);
    if (list) list.push(event);
    else out.set(key, [event]);
  };
  for (const r of inChainOrder(records)) {
    switch (r.kind) {
      case 'commit':
        if (!isAddressEqual(r.user, user)) break;
        push(byCommitter.get(historyKey(r.address)), {
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
        if (isAddressEqual(r.user, user))
          push(byCommitter.get(historyKey(r.address)), { kind: 'claim', ...located(r) });
        break;
      case 'claimRequest':
        if (!isAddressEqual(r.user, user)) break;
        push(byCommitter.get(historyKey(r.committer)), {
          kind: 'autoClaimRequest',
          ...located(r),
          intervalId: r.intervalId,
          reward: r.reward,
        });
        break;
      case 'claimExecuted':
        if (!isAddressEqual(r.user, user)) break;
        push(byCommitter.get(historyKey(r.committer)), {
          kind: 'autoClaimPaid',
          ...located(r),
          reward: r.reward,
        });
        break;
      case 'transfer': {
        const token = byToken.get(historyKey(r.address));
        if (!token) break;
        const toMe = isAddressEqual(r.to, user);
        const fromMe = isAddressEqual(r.from, user);
        if (toMe === fromMe) break;
        const counterparty = toMe ? r.from : r.to;
        if (isAddressEqual(counterparty, token.pool.address) || ZERO.test(counterparty)) break;
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
