/** The user's positions, one row per pool: tokens in wallet and escrow, value, cost, profit, and Claim. */
import type { Address } from 'viem';
import { claimWouldFail, hasEscrow } from '../../chain/poolReader.ts';
import { claimRequest } from '../../chain/poolWrites.ts';
import { refreshAfter } from '../../chain/queryKeys.ts';
import { useTransactor } from '../../chain/useTransactor.ts';
import { collateralToUsd } from '../../engine/metrics.ts';
import { Button } from '../../ui/Button.tsx';
import { formatNumber, formatTokenAmount, formatUsd } from '../../ui/format.ts';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import type { PortfolioRow } from './usePortfolio.ts';

function usd(raw: bigint, decimals: number, perUnit: number | undefined): string | undefined {
  if (perUnit === undefined) return undefined;
  return formatUsd(collateralToUsd(raw, decimals, perUnit));
}

function Profit({ row }: { row: PortfolioRow }) {
  if (row.profit === undefined) return <Skeleton className="h-4 w-16" />;
  const d = row.pool.state.decimals;
  const cost = (row.pnl?.long.cost ?? 0n) + (row.pnl?.short.cost ?? 0n);
  const percent = cost > 0n ? (Number(row.profit) / Number(cost)) * 100 : undefined;
  const tone = row.profit > 0n ? 'text-long' : row.profit < 0n ? 'text-short' : '';
  return (
    <span className={`font-mono ${tone}`}>
      {row.profit > 0n ? '+' : ''}
      <TokenAmount value={row.profit} decimals={d} /> {row.pool.info.collateral.symbol}
      {percent !== undefined ? ` (${percent > 0 ? '+' : ''}${formatNumber(percent, 2)}%)` : ''}
    </span>
  );
}

/** Tokens of one side held in the wallet, with what waits in escrow under them. */
function TokenCell({ held, escrow, decimals }: { held: bigint; escrow: bigint; decimals: number }) {
  return (
    <td className="px-4 py-3 font-mono">
      <TokenAmount value={held} decimals={decimals} />
      {escrow > 0n ? (
        <div className="text-xs text-ink-400">
          <TokenAmount value={escrow} decimals={decimals} /> in escrow
        </div>
      ) : null}
    </td>
  );
}

export function PositionsTable({ rows, address }: { rows: PortfolioRow[]; address: Address }) {
  const { busy, send } = useTransactor();
  return (
    // `relative`: the table's screen-reader-only labels are positioned, and must scroll with it, not widen the page.
    <div className="relative mb-6 overflow-x-auto rounded-2xl border border-ink-800">
      <table className="w-full min-w-[900px] text-left text-sm">
        <caption className="sr-only">Your positions per pool</caption>
        <thead className="bg-ink-900 text-xs uppercase tracking-wide text-ink-400">
          <tr>
            <th scope="col" className="px-4 py-3">
              Pool
            </th>
            <th scope="col" className="px-4 py-3">
              L tokens
            </th>
            <th scope="col" className="px-4 py-3">
              S tokens
            </th>
            <th scope="col" className="px-4 py-3">
              Collateral in escrow
            </th>
            <th scope="col" className="px-4 py-3">
              Value now
            </th>
            <th scope="col" className="px-4 py-3">
              Cost
            </th>
            <th scope="col" className="px-4 py-3">
              Profit
            </th>
            <th scope="col" className="px-4 py-3">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const d = row.pool.state.decimals;
            const c = row.pool.info.collateral.symbol;
            const u = row.pool.user!;
            const claimable = hasEscrow(row.pool);
            const cost = row.pnl ? row.pnl.long.cost + row.pnl.short.cost : undefined;
            return (
              <tr key={row.pool.info.address} className="border-t border-ink-800 align-top">
                <th scope="row" className="px-4 py-3 font-semibold">
                  {row.pool.info.name}
                </th>
                <TokenCell held={row.longTokens} escrow={u.escrow.longTokens} decimals={d} />
                <TokenCell held={row.shortTokens} escrow={u.escrow.shortTokens} decimals={d} />
                <td className="px-4 py-3 font-mono">
                  <TokenAmount value={row.escrowSettlement} decimals={d} unit={c} />
                </td>
                <td className="px-4 py-3 font-mono">
                  <TokenAmount value={row.value} decimals={d} unit={c} />
                  <div className="text-xs text-ink-400">{usd(row.value, d, row.usdPerCollateral) ?? ''}</div>
                </td>
                <td className="px-4 py-3 font-mono">
                  {cost === undefined ? (
                    <Skeleton className="h-4 w-16" />
                  ) : (
                    `${formatTokenAmount(cost, d)} ${c}`
                  )}
                  {row.pnl &&
                  (row.pnl.long.unknownCostTokens > 0n || row.pnl.short.unknownCostTokens > 0n) ? (
                    <div className="text-xs text-warn">
                      includes tokens received from others, cost unknown
                    </div>
                  ) : null}
                  {row.pnl && row.pnl.pendingMint > 0n ? (
                    <div className="text-xs text-ink-400">
                      + <TokenAmount value={row.pnl.pendingMint} decimals={d} unit={c} /> pending
                    </div>
                  ) : null}
                </td>
                <td className="px-4 py-3">
                  <Profit row={row} />
                </td>
                <td className="px-4 py-3 text-right">
                  {claimable && claimWouldFail(row.pool) ? (
                    <span
                      className="text-xs text-warn"
                      title="The pool owes you more tokens than it holds (Tracer V2.1, flips after a mint fee change)"
                    >
                      Claim would fail now
                    </span>
                  ) : claimable ? (
                    <Button
                      variant="secondary"
                      busy={busy}
                      disabled={row.pool.paused}
                      onClick={() =>
                        void send(
                          `Claim ${row.pool.info.name}`,
                          claimRequest(row.pool.info, address),
                          refreshAfter.claim(row.pool.info.chainId, address),
                        )
                      }
                    >
                      Claim
                    </Button>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
