import { useDeployment } from '../../chain/DeploymentContext.tsx';
import { usePoolsSnapshot } from '../../chain/usePools.ts';
import { Card } from '../../ui/Card.tsx';
import { useChainNow } from '../../ui/Countdown.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { MyCommits } from './MyCommits.tsx';
import { TradeForm } from './TradeForm.tsx';
import { useTradeForm } from './useTradeForm.ts';

export function TradePage() {
  const { app } = useDeployment();
  const { snapshot, registry, chainId } = usePoolsSnapshot();
  const { form, update } = useTradeForm();
  const chainNow = useChainNow(snapshot.data?.blockTimestamp, snapshot.dataUpdatedAt);
  const chainName = app.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId}`;
  const error = registry.error ?? snapshot.error;
  return (
    <>
      <PageHeader
        title="Trade"
        subtitle="Mint, burn or flip long and short tokens with OHM or gOHM. Commits execute at the next rebalance; what they give you waits in escrow until you claim it."
      />
      {error ? (
        <div className="mb-4">
          <ErrorState what="the pools" error={error} onRetry={() => void snapshot.refetch()} />
        </div>
      ) : null}
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
                blockNumber={snapshot.data.blockNumber || undefined}
              />
            </Card>
          </div>
          <MyCommits pools={snapshot.data.pools} chainNow={chainNow} />
        </div>
      )}
    </>
  );
}
