/** The user's positions, one per pool: tokens in wallet and escrow, value, cost, profit, and Claim. */
import type { ReactNode } from 'react';
import type { Address } from 'viem';
import { claimWouldFail, hasEscrow } from '../../chain/pools/poolReader.ts';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { claimRequest } from '../../chain/tx/poolWrites.ts';
import { collateralToUsd } from '../../engine/metrics.ts';
import type { Side } from '../../engine/types.ts';
import { Button } from '../../ui/Button.tsx';
import { formatNumber, formatTokenAmount, formatUsd } from '../../ui/format.ts';
import { ListTableHead } from '../../ui/ListTableHead.tsx';
import { ScrollFrame } from '../../ui/ScrollFrame.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import { useMediaQuery, WIDE_SCREEN } from '../../ui/useMediaQuery.ts';
import { AddToWallet } from './AddToWallet.tsx';
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
function TokenLines({ held, escrow, decimals }: { held: bigint; escrow: bigint; decimals: number }) {
  return (
    <>
      <TokenAmount value={held} decimals={decimals} />
      {escrow > 0n ? (
        <div className="text-xs text-ink-400">
          <TokenAmount value={escrow} decimals={decimals} /> in escrow
        </div>
      ) : null}
    </>
  );
}

function CostCell({ row }: { row: PortfolioRow }) {
  const d = row.pool.state.decimals;
  const c = row.pool.info.collateral.symbol;
  const cost = row.pnl ? row.pnl.long.cost + row.pnl.short.cost : undefined;
  return (
    <>
      {cost === undefined ? <Skeleton className="h-4 w-16" /> : `${formatTokenAmount(cost, d)} ${c}`}
      {row.pnl && (row.pnl.long.unknownCostTokens > 0n || row.pnl.short.unknownCostTokens > 0n) ? (
        <div className="text-xs text-warn">
          leaves out tokens received from others: their cost is unknown, so their value is not in the profit
        </div>
      ) : null}
      {row.pnl && row.pnl.pendingMint > 0n ? (
        <div className="text-xs text-ink-400">
          + <TokenAmount value={row.pnl.pendingMint} decimals={d} unit={c} /> pending
        </div>
      ) : null}
    </>
  );
}

/** One side's tokens of a position: in the wallet, and under them what waits in escrow. */
function sideTokens(side: Side) {
  return {
    label: side === 'long' ? 'L tokens' : 'S tokens',
    cell: (row: PortfolioRow) => {
      const held = side === 'long' ? row.longTokens : row.shortTokens;
      return (
        <>
          <TokenLines
            held={held}
            escrow={
              (side === 'long' ? row.pool.user?.escrow.longTokens : row.pool.user?.escrow.shortTokens) ?? 0n
            }
            decimals={row.pool.state.decimals}
          />
          {held > 0n ? <AddToWallet pool={row.pool.info} side={side} /> : null}
        </>
      );
    },
  };
}

/** An amount of the pool's collateral, with its unit. */
const collateral = (row: PortfolioRow, raw: bigint) => (
  <TokenAmount value={raw} decimals={row.pool.state.decimals} unit={row.pool.info.collateral.symbol} />
);

/** What the portfolio shows of each position, once: table columns on wide screens, card figures on phones. */
const POSITION_FIELDS: ReadonlyArray<{ label: string; cell: (row: PortfolioRow) => ReactNode }> = [
  sideTokens('long'),
  sideTokens('short'),
  { label: 'Collateral in escrow', cell: (row) => collateral(row, row.escrowSettlement) },
  {
    label: 'Value now',
    cell: (row) => (
      <>
        {collateral(row, row.value)}
        <div className="text-xs text-ink-400">
          {usd(row.value, row.pool.state.decimals, row.usdPerCollateral) ?? ''}
        </div>
      </>
    ),
  },
  { label: 'Cost', cell: (row) => <CostCell row={row} /> },
  { label: 'Profit', cell: (row) => <Profit row={row} /> },
];

/** Claim what waits in escrow, or say why a claim would fail now. */
function ClaimAction({ row, address }: { row: PortfolioRow; address: Address }) {
  const { busy, send } = useTransactor();
  if (!hasEscrow(row.pool)) return null;
  if (claimWouldFail(row.pool))
    return (
      <span
        className="text-xs text-warn"
        title="The pool owes you more tokens than it holds (Tracer V2.1, flips after a mint fee change)"
      >
        Claim would fail now
      </span>
    );
  return (
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
  );
}

/** The positions as a table on wide screens, as cards on phones (where the table would scroll sideways). */
export function Positions({ rows, address }: { rows: PortfolioRow[]; address: Address }) {
  return useMediaQuery(WIDE_SCREEN) ? (
    <PositionsTable rows={rows} address={address} />
  ) : (
    <ul aria-label="Your positions per pool" className="mb-6 flex flex-col gap-3">
      {rows.map((row) => (
        <li key={row.pool.info.address}>
          <article aria-label={row.pool.info.name} className="rounded-2xl border border-ink-800 p-4 text-sm">
            <div className="flex items-center justify-between gap-3">
              <h2 className="font-semibold">{row.pool.info.name}</h2>
              <ClaimAction row={row} address={address} />
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-3">
              {POSITION_FIELDS.map((field) => (
                <div key={field.label}>
                  <dt className="text-xs text-ink-400">{field.label}</dt>
                  <dd className="mt-0.5 font-mono">{field.cell(row)}</dd>
                </div>
              ))}
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}

function PositionsTable({ rows, address }: { rows: PortfolioRow[]; address: Address }) {
  return (
    <ScrollFrame className="mb-6 rounded-2xl border border-ink-800">
      <table className="w-full min-w-[900px] text-left text-sm">
        <caption className="sr-only">Your positions per pool</caption>
        <ListTableHead first="Pool" columns={POSITION_FIELDS} />
        <tbody>
          {rows.map((row) => (
            <tr key={row.pool.info.address} className="border-t border-ink-800 align-top">
              <th scope="row" className="px-4 py-3 font-semibold">
                {row.pool.info.name}
              </th>
              {POSITION_FIELDS.map((field) => (
                <td key={field.label} className="px-4 py-3 font-mono">
                  {field.cell(row)}
                </td>
              ))}
              <td className="px-4 py-3 text-right">
                <ClaimAction row={row} address={address} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
