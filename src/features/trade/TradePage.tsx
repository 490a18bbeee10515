import { useQueryStates } from 'nuqs';
import { useMemo, useState } from 'react';
import type { Address } from 'viem';
import {
  type AddressText,
  linkedPoolAddressRefusal,
  parseAddressText,
} from '../../chain/config/addressText.ts';
import { poolReadProblem } from '../../chain/pools/poolReadProblem.ts';
import { missingPool, type PoolRegistry } from '../../chain/pools/poolRegistry.ts';
import type { PoolSnapshot } from '../../chain/pools/poolSnapshot.ts';
import { verificationReasons } from '../../chain/pools/poolVerification.ts';
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import { usePoolsSnapshot } from '../../chain/react/usePools.ts';
import { Card } from '../../ui/Card.tsx';
import { LivePageHeader } from '../../ui/Freshness.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { TrustWarning } from '../../ui/TrustWarning.tsx';
import { tradeParams } from './links.ts';
import { MyCommits } from './MyCommits.tsx';
import { TradeForm } from './TradeForm.tsx';

export function TradePage() {
  const app = useAppConfig();
  // Pool, side and action live in the link; each choice replaces it (no history entry per click).
  const [choice, setChoice] = useQueryStates(tradeParams);
  // A pool named in the link is read even when it is not an Olympus pool: the page then says why not.
  const read = choice.pool === null ? undefined : parseAddressText(choice.pool);
  const asked = read?.ok ? read.address : undefined;
  const requested = useMemo<Address[]>(() => (asked ? [asked] : []), [asked]);
  const reads = usePoolsSnapshot(requested);
  const { snapshot, registry, chainId, chainNow, freshness } = reads;
  // Pools whose warning the user has read and accepted, for as long as the page is open.
  const [accepted, setAccepted] = useState<readonly Address[]>([]);
  const chainName = app.chains.find((c) => c.id === chainId)?.name ?? `chain ${chainId}`;
  const stale = freshness.kind === 'stale' ? freshness : undefined;
  const pools = snapshot.data?.pools ?? [];
  const pool = choosePool(pools, choice.pool, asked);
  const refusal = refuseNamedPool(choice.pool, read, registry.data, chainName);
  const mustAccept =
    pool !== undefined && !pool.info.verification.verified && !accepted.includes(pool.info.address);
  return (
    <>
      <LivePageHeader
        title="Trade"
        subtitle={
          'Mint, burn or flip long and short tokens with OHM or gOHM. Commits execute at the next rebalance; what they give you waits in escrow until you claim it.'
        }
        problem={{ ...poolReadProblem(reads), figures: 'balances and pool figures', list: 'the pools' }}
      />
      {refusal ? (
        <Notice tone="error">{refusal}</Notice>
      ) : !snapshot.data || chainNow === undefined || (asked && !pool) ? (
        <div role="status" aria-label="Loading pools" className="space-y-3">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-64 w-full" />
        </div>
      ) : (
        <div className="space-y-6">
          <div className="mx-auto max-w-xl">
            <Card>
              {pool && mustAccept ? (
                <TrustWarning
                  title={`${pool.info.name} is not an Olympus pool`}
                  reasons={verificationReasons(pool.info.verification, pool.info.trust)}
                  onAcknowledge={() => setAccepted((list) => [...list, pool.info.address])}
                />
              ) : pool ? (
                <TradeForm
                  // A new pool, side or action is a new trade: amount, source and messages start afresh.
                  key={`${pool?.info.address}:${choice.side}:${choice.action}`}
                  pools={pools}
                  pool={pool}
                  choice={choice}
                  onChoice={(patch) => void setChoice(patch)}
                  chainNow={chainNow}
                  blockTimestamp={snapshot.data.blockTimestamp}
                  chainId={chainId}
                  chainName={chainName}
                  staleSeconds={stale?.ageSeconds}
                />
              ) : (
                <Notice>No pool to trade on {chainName}.</Notice>
              )}
            </Card>
          </div>
          <MyCommits
            pools={pools}
            chainNow={chainNow}
            blockTimestamp={snapshot.data.blockTimestamp}
            stale={stale !== undefined}
          />
        </div>
      )}
    </>
  );
}

/**
 * The pool the link names, once read; with none named, the first Olympus pool. Never another pool in place of
 * the one named: a trade link must not silently trade something else.
 */
function choosePool(
  pools: readonly PoolSnapshot[],
  named: string | null,
  asked: Address | undefined,
): PoolSnapshot | undefined {
  // Checksummed equality: the link's address by parseAddressText, the pools' by the pool registry.
  if (named) return asked ? pools.find((p) => p.info.address === asked) : undefined;
  return pools.find((p) => p.info.verification.verified);
}

/** Why the pool the link names cannot be traded here, once the registry has answered; else undefined. */
function refuseNamedPool(
  named: string | null,
  read: AddressText | undefined,
  registry: PoolRegistry | undefined,
  chainName: string,
): string | undefined {
  if (named === null || read === undefined) return undefined;
  if (!read.ok) return linkedPoolAddressRefusal(named, read.problem);
  const asked = read.address;
  const missing = registry && missingPool(registry, asked);
  if (missing === 'unknown')
    return `The Tracer factory on ${chainName} does not know a pool at ${asked}: there is nothing to trade there.`;
  if (missing === 'otherCollateral')
    return `The pool at ${asked} does not settle in OHM or gOHM, so it is not traded here.`;
  return undefined;
}
