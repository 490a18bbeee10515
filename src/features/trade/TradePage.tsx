import { useQueryStates } from 'nuqs';
import { useAppConfig } from '../../chain/DeploymentContext.tsx';
import { usePoolsSnapshot } from '../../chain/usePools.ts';
import { Card } from '../../ui/Card.tsx';
import { LivePageHeader } from '../../ui/Freshness.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { MyCommits } from './MyCommits.tsx';
import { tradeParams } from './routes.ts';
import { TradeForm } from './TradeForm.tsx';

export function TradePage() {
  const app = useAppConfig();
  const { snapshot, registry, registryError, chainId, chainNow, freshness } = usePoolsSnapshot();
  // Pool, side and action live in the link; each choice replaces it (no history entry per click).
  const [choice, setChoice] = useQueryStates(tradeParams);
  const chainName = app.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId}`;
  const stale = freshness.kind === 'stale' ? freshness : undefined;
  const pools = snapshot.data?.pools ?? [];
  const pool = pools.find((p) => p.info.address.toLowerCase() === choice.pool?.toLowerCase()) ?? pools[0];
  return (
    <>
      <LivePageHeader
        title="Trade"
        subtitle={
          'Mint, burn or flip long and short tokens with OHM or gOHM. Commits execute at the next rebalance; what they give you waits in escrow until you claim it.'
        }
        problem={{
          state: freshness,
          figures: 'balances and pool figures',
          listError: registryError,
          list: 'the pools',
          onRetry: () => void registry.refetch(),
        }}
      />
      {!snapshot.data || chainNow === undefined ? (
        <div role="status" aria-label="Loading pools" className="space-y-3">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <div className="space-y-6">
          <div className="mx-auto max-w-xl">
            <Card>
              {pool ? (
                <TradeForm
                  // A new pool, side or action is a new trade: amount, source and messages start afresh.
                  key={`${pool?.info.address}:${choice.side}:${choice.action}`}
                  pools={pools}
                  pool={pool}
                  choice={choice}
                  onChoice={(patch) => void setChoice(patch)}
                  chainNow={chainNow}
                  chainId={chainId}
                  chainName={chainName}
                  staleSeconds={stale?.ageSeconds}
                />
              ) : (
                <Notice>No pool to trade on {chainName}.</Notice>
              )}
            </Card>
          </div>
          <MyCommits pools={pools} chainNow={chainNow} stale={stale !== undefined} />
        </div>
      )}
    </>
  );
}
