/** The trade page's "Your pending commits" and "Escrow" cards, with the claims sent from them. */
import { claimWouldFail, hasEscrow, type PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { useSentTransactions } from '../../chain/react/useSentTransactions.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { claimRequest } from '../../chain/tx/poolWrites.ts';
import { useWallet } from '../../chain/wallet/wallet.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import { PendingCommit } from './PendingCommit.tsx';

/** The user's queued commits (read from the chain, so they survive a reload) and what waits in escrow. */
export function MyCommits({
  pools,
  chainNow,
  blockTimestamp,
  stale = false,
}: {
  pools: PoolSnapshot[];
  chainNow: number;
  /** Timestamp of the block the pools were read at: only it may say a keeper is late. */
  blockTimestamp: bigint;
  stale?: boolean;
}) {
  const wallet = useWallet();
  const address = wallet.status === 'connected' ? wallet.address : undefined;
  const { busy, send } = useTransactor();
  const inFlight = useSentTransactions(address, wallet.status === 'connected' ? wallet.chainId : 0);
  if (!address) return null;
  const sentCommits = inFlight.filter((tx) => tx.intent.kind === 'commit');
  const claiming = (pool: PoolSnapshot) =>
    inFlight.some((tx) => tx.intent.kind === 'claim' && tx.intent.pool === pool.info.address);
  const pending = pools.flatMap((pool) => (pool.user?.commits ?? []).map((commit) => ({ pool, commit })));
  const claimable = pools.filter(hasEscrow);
  const claimNow = claimable.filter((pool) => !pool.paused && !claimWouldFail(pool));

  const claimAll = async () => {
    for (const pool of claimNow) {
      const receipt = await send(
        `Claim ${pool.info.name}`,
        claimRequest(pool.info, address),
        refreshAfter.claim(pool.info.chainId, address),
        { kind: 'claim', pool: pool.info.address },
      );
      if (!receipt) return;
    }
  };

  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <Card title="Your pending commits">
        {sentCommits.length > 0 ? (
          <ul aria-label="Sent, not yet confirmed" className="mb-3 space-y-2 text-sm">
            {sentCommits.map((tx) => (
              <li key={tx.hash} className="rounded-lg border border-dashed border-sand-400/60 p-3">
                <span className="font-semibold">{tx.label}</span>
                <span className="block text-xs text-ink-400">
                  Sent, not yet confirmed: its receipt has not been read yet. Once it is, the commit is listed
                  below with its pool; one listed there already may be this one. Do not send it again.
                </span>
              </li>
            ))}
          </ul>
        ) : null}
        {pending.length === 0 ? (
          sentCommits.length > 0 ? null : (
            <p className="text-sm text-ink-400">No commit is waiting for a rebalance.</p>
          )
        ) : (
          <ul className="space-y-3 text-sm">
            {pending.map(({ pool, commit }) => (
              <PendingCommit
                key={`${pool.info.address}-${commit.intervalId}`}
                pool={pool}
                commit={commit}
                chainNow={chainNow}
                blockTimestamp={blockTimestamp}
                stale={stale}
              />
            ))}
          </ul>
        )}
      </Card>
      <Card
        title={
          <span className="flex items-center justify-between gap-3">
            Escrow: ready to claim
            {claimNow.length > 1 ? (
              <Button variant="secondary" busy={busy} onClick={() => void claimAll()}>
                Claim all ({claimNow.length})
              </Button>
            ) : null}
          </span>
        }
      >
        {claimable.length === 0 ? (
          <p className="text-sm text-ink-400">
            Nothing to claim. Executed commits land here after each rebalance.
          </p>
        ) : (
          <ul className="space-y-3 text-sm">
            {claimable.map((pool) => {
              const e = pool.user!.escrow;
              const d = pool.state.decimals;
              return (
                <li
                  key={pool.info.address}
                  className="flex items-center justify-between gap-3 rounded-lg border border-ink-800 p-3"
                >
                  <div>
                    <p className="font-semibold">{pool.info.name}</p>
                    {/* What waits for the holder, exact to the unit on hover and copy. */}
                    <p className="flex flex-wrap gap-x-3 font-mono text-xs text-ink-200">
                      {e.longTokens > 0n ? <TokenAmount value={e.longTokens} decimals={d} unit="L" /> : null}
                      {e.shortTokens > 0n ? (
                        <TokenAmount value={e.shortTokens} decimals={d} unit="S" />
                      ) : null}
                      {e.settlementTokens > 0n ? (
                        <TokenAmount
                          value={e.settlementTokens}
                          decimals={d}
                          unit={pool.info.collateral.symbol}
                        />
                      ) : null}
                    </p>
                    {pool.user?.paidClaim ? (
                      <p className="text-xs text-ink-400">
                        A keeper is paid to claim this for you; you can still claim it yourself.
                      </p>
                    ) : null}
                  </div>
                  {claimWouldFail(pool) ? (
                    <p className="max-w-64 text-xs text-warn">
                      A claim would fail now: the pool owes you more tokens than it holds (a Tracer V2.1 flaw
                      when the mint fee changes after a flip). Nothing is lost by waiting.
                    </p>
                  ) : (
                    <Button
                      variant="secondary"
                      busy={busy || claiming(pool)}
                      disabled={pool.paused || claiming(pool)}
                      onClick={() =>
                        void send(
                          `Claim ${pool.info.name}`,
                          claimRequest(pool.info, address),
                          refreshAfter.claim(pool.info.chainId, address),
                          { kind: 'claim', pool: pool.info.address },
                        )
                      }
                    >
                      {pool.paused ? 'Paused' : claiming(pool) ? 'Claim sent…' : 'Claim'}
                    </Button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </div>
  );
}
