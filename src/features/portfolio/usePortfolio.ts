import { useMemo } from 'react';
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { userLedgerOptions } from '../../chain/react/historyQueries.ts';
import { useHistoryQuery } from '../../chain/react/useHistoryQuery.ts';
import { useActiveChain, usePoolsSnapshot } from '../../chain/react/usePools.ts';
import { useWallet } from '../../chain/wallet/wallet.ts';
import { sideTokenValue } from '../../engine/prices.ts';
import { emptyPosition, type PoolPosition } from '../../engine/profit/costBasis.ts';
import { profitView } from './profitView.ts';

export interface PortfolioRow {
  pool: PoolSnapshot;
  longTokens: bigint;
  shortTokens: bigint;
  escrowSettlement: bigint;
  /** Tokens held at today's token prices plus collateral in escrow, collateral units. */
  value: bigint;
  pnl: PoolPosition | undefined;
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

/** The tokens held whose cost the history tells: all but those received from another account. */
const known = (tokens: bigint, unknown: bigint) => (unknown >= tokens ? 0n : tokens - unknown);

export function usePortfolio() {
  const wallet = useWallet();
  const address = wallet.status === 'connected' ? wallet.address : undefined;
  const live = usePoolsSnapshot();
  const { snapshot, registry } = live;
  const active = useActiveChain();
  const pools = snapshot.data?.pools ?? [];
  // The user's history moves only when their own holdings or queued commits do (a queued commit leaves the
  // list when a rebalance executes it): read again on exactly that, so an idle portfolio reads no logs at all.
  const fingerprint = pools
    .map((p) => {
      const u = p.user;
      if (!u) return '';
      const e = u.escrow;
      return [u.longWallet, u.shortWallet, e.longTokens, e.shortTokens, e.settlementTokens]
        .concat(u.commits.map((c) => c.intervalId))
        .join(':');
    })
    .join('|');
  // Only once the snapshot carries this account's positions: a snapshot read before the wallet connected
  // would start a read at a block before the account's latest holdings.
  const ready = Boolean(registry.data && snapshot.data && (pools.length === 0 || pools.some((p) => p.user)));
  const history = useHistoryQuery(userLedgerOptions(active, address, registry.data?.pools, ready), {
    stamp: fingerprint,
    toBlock: snapshot.data?.blockNumber,
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
      const pnl = history.data
        ? (history.data.pools.find((x) => x.pool.address === pool.info.address)?.figures.position ??
          emptyPosition())
        : undefined;
      const usd = collateralUsd[pool.info.collateral.symbol];
      return {
        pool,
        longTokens,
        shortTokens,
        escrowSettlement: u.escrow.settlementTokens,
        value: longValue + shortValue + u.escrow.settlementTokens,
        pnl,
        // Tokens received from another account have no cost the chain can tell: their value is left out of the
        // profit rather than counted as gain (docs/ledger.md); a wei sent to an account cannot hide its profit.
        profit: pnl
          ? sideTokenValue(s, 'long', known(longTokens, pnl.long.unknownCostTokens)) +
            sideTokenValue(s, 'short', known(shortTokens, pnl.short.unknownCostTokens)) -
            pnl.long.cost -
            pnl.short.cost +
            pnl.realized
          : undefined,
        usdPerCollateral: usd === undefined ? undefined : Number(usd) / 1e18,
      };
    });
  }, [pools, history.data, snapshot.data]);

  const profit = useMemo(() => profitView(history.data?.pools), [history.data]);

  return {
    rows,
    profit,
    history,
    /** What the history card pages from: the chain, the account and the pools the ledger was read for. */
    ledgerReads: { chain: active, user: address, pools: registry.data?.pools },
    historyProgress: history.progress,
    historySource: history.source,
    snapshot,
    registry,
    registryError: live.registryError,
    address,
    walletStatus: wallet.status,
    chainNow: live.chainNow,
    freshness: live.freshness,
  };
}
