import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PublicClient } from 'viem';
import { useAccount, usePublicClient } from 'wagmi';
import type { PoolSnapshot } from '../../chain/poolReader.ts';
import { usePoolsSnapshot } from '../../chain/usePools.ts';
import { readUserHistory } from '../../chain/userHistory.ts';
import { sideTokenValue } from '../../engine/prices.ts';
import { costBasis, type PoolPnl } from './costBasis.ts';

export interface PortfolioRow {
  pool: PoolSnapshot;
  longTokens: bigint;
  shortTokens: bigint;
  escrowSettlement: bigint;
  /** Tokens held at today's token prices plus collateral in escrow, collateral units. */
  value: bigint;
  pnl: PoolPnl | undefined;
  /** value of the tokens held − their cost + realized; undefined until the history is read. */
  profit: bigint | undefined;
  usdPerCollateral: number | undefined;
}

function holds(pool: PoolSnapshot): boolean {
  const u = pool.user;
  return Boolean(
    u &&
      (u.longWallet ||
        u.shortWallet ||
        u.escrow.longTokens ||
        u.escrow.shortTokens ||
        u.escrow.settlementTokens ||
        u.commits.length),
  );
}

export function usePortfolio() {
  const { address } = useAccount();
  const { snapshot, registry, chainId, deployment } = usePoolsSnapshot();
  const client = usePublicClient({ chainId }) as PublicClient | undefined;
  const pools = snapshot.data?.pools ?? [];
  // The history changes only when a pool rebalances or the user's holdings move: key on exactly that.
  const fingerprint = pools
    .map(
      (p) =>
        `${p.state.updateIntervalId}:${p.user?.longWallet}:${p.user?.shortWallet}:${p.user?.escrow.settlementTokens}:${p.user?.commits.length}`,
    )
    .join('|');
  const history = useQuery({
    queryKey: ['user-history', chainId, address ?? null, fingerprint],
    queryFn: () => {
      if (!client || !address || !registry.data) throw new Error('not ready');
      return readUserHistory(client, deployment, registry.data.pools, address);
    },
    enabled: Boolean(client && address && registry.data && snapshot.data),
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: (previous) => previous,
  });

  const rows: PortfolioRow[] = useMemo(() => {
    const collateralUsd = snapshot.data?.collateralUsd ?? {};
    return pools.filter(holds).map((pool) => {
      const u = pool.user!;
      const s = pool.state;
      const longTokens = u.longWallet + u.escrow.longTokens;
      const shortTokens = u.shortWallet + u.escrow.shortTokens;
      const longValue = sideTokenValue(s, 'long', longTokens);
      const shortValue = sideTokenValue(s, 'short', shortTokens);
      const h = history.data?.find((x) => x.pool.address === pool.info.address);
      const pnl = h
        ? costBasis({
            events: h.events,
            priceHistory: h.priceHistory,
            burnFeeHistory: h.burnFeeHistory,
            updateIntervalId: h.updateIntervalId,
            mintingFeeWad: h.mintingFeeWad,
          })
        : undefined;
      const usd = collateralUsd[pool.info.collateral.symbol];
      return {
        pool,
        longTokens,
        shortTokens,
        escrowSettlement: u.escrow.settlementTokens,
        value: longValue + shortValue + u.escrow.settlementTokens,
        pnl,
        profit: pnl ? longValue + shortValue - pnl.long.cost - pnl.short.cost + pnl.realized : undefined,
        usdPerCollateral: usd === undefined ? undefined : Number(usd) / 1e18,
      };
    });
  }, [pools, history.data, snapshot.data]);

  return { rows, history, snapshot, registry, address };
}
