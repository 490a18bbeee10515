import { useDeployment } from '../../chain/DeploymentContext.tsx';
import { usePoolsSnapshot } from '../../chain/usePools.ts';
import { Card } from '../../ui/Card.tsx';
import { FreshnessBadge, ReadProblem } from '../../ui/Freshness.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { MyCommits } from './MyCommits.tsx';
import { TradeForm } from './TradeForm.tsx';
import { useTradeForm } from './useTradeForm.ts';

export function TradePage() {
  const { app } = useDeployment();
  const { snapshot, registry, registryError, chainId, chainNow, freshness } = usePoolsSnapshot();
  const { form, update } = useTradeForm();
  const chainName = app.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId}`;
  const stale = freshness.kind === 'stale' ? freshness : undefined;
  return (
    <>
      <PageHeader
        title="Trade"
        subtitle="Mint, burn or flip long and short tokens with OHM or gOHM. Commits execute at the next rebalance; what they give you waits in escrow until you claim it."
        actions={<FreshnessBadge state={freshness} />}
      />
      <ReadProblem
        state={freshness}
        figures="balances and pool figures"
        listError={registryError}
        list="the pools"
        onRetry={() => void registry.refetch()}
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
              <TradeForm
                pools={snapshot.data.pools}
                form={form}
                update={update}
                chainNow={chainNow}
                chainId={chainId}
                chainName={chainName}
                staleSeconds={stale?.ageSeconds}
              />
            </Card>
          </div>
          <MyCommits pools={snapshot.data.pools} chainNow={chainNow} stale={stale !== undefined} />
        </div>
      )}
    </>
  );
}
