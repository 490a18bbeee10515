/**
 * "Profit explained": why each position gained or lost, in parts that add up to its profit to the wei
 * (profitView.ts, the engine's src/engine/profit), the fees paid and what they gave the Olympus treasury.
 */
import type { ReactNode } from 'react';
import type { SplitParts } from '../../engine/profit/split.ts';
import { Card } from '../../ui/Card.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import type { CollateralProfit, PositionProfit, ProfitView } from './profitView.ts';

const PART_LABELS: Record<keyof SplitParts, string> = {
  market: 'Market move',
  rebalancingRate: 'Rebalancing rate (the sides’ skew)',
  managementPrimary: 'Management fee, to the protocol',
  managementSecondary: 'Management fee, to the Olympus treasury',
  keeper: 'Keeper rewards',
  mintFee: 'Mint fees',
  burnFee: 'Burn fees',
  other: 'Other traders’ fees into your side, and rounding',
};

function Parts({
  parts,
  total,
  decimals,
  unit,
  verified,
}: {
  parts: SplitParts;
  total: bigint;
  decimals: number;
  unit: string;
  verified: boolean;
}) {
  const amount = (value: bigint) => <TokenAmount value={value} decimals={decimals} unit={unit} />;
  return (
    <dl className="grid grid-cols-[1fr_auto] gap-x-4 gap-y-1 text-sm">
      {(Object.keys(PART_LABELS) as (keyof SplitParts)[]).map((name) => (
        <div key={name} className="contents" data-part={name}>
          <dt className="text-ink-400">
            {name === 'managementSecondary' && !verified
              ? 'Management fee, to the pool’s secondary address'
              : PART_LABELS[name]}
          </dt>
          <dd className="text-right font-mono">{amount(parts[name])}</dd>
        </div>
      ))}
      <div className="contents" data-part="total">
        <dt className="border-t border-ink-800 pt-1 font-semibold text-ink-50">Profit</dt>
        <dd className="border-t border-ink-800 pt-1 text-right font-mono font-semibold">{amount(total)}</dd>
      </div>
    </dl>
  );
}

function Fees({
  paid,
  toSecondary,
  decimals,
  unit,
  verified,
}: {
  paid: bigint;
  toSecondary: bigint;
  decimals: number;
  unit: string;
  verified: boolean;
}) {
  return (
    <p className="mt-2 text-sm text-ink-300" data-testid="fees-paid">
      You paid <TokenAmount value={paid} decimals={decimals} unit={unit} /> in fees, of which{' '}
      <span data-testid="to-treasury">
        <TokenAmount value={toSecondary} decimals={decimals} unit={unit} />
      </span>{' '}
      went to {verified ? 'the Olympus treasury' : 'the pool’s secondary address'} (its share of the
      management fee). Mint and burn fees stay in the pool for its holders; keeper rewards pay for the
      upkeeps.
    </p>
  );
}

function PositionNotes({ p }: { p: PositionProfit }) {
  const { decimals, symbol } = p.pool.collateral;
  const notes: ReactNode[] = [];
  if (p.split.received.tokens > 0n)
    notes.push(
      <>
        <TokenAmount value={p.split.received.tokens} decimals={decimals} unit="tokens" /> came from another
        account: the chain cannot tell what was paid for them, so they count at their value when they arrived
        (
        <TokenAmount value={p.split.received.value} decimals={decimals} unit={symbol} />
        ).
      </>,
    );
  if (p.split.sent.tokens > 0n)
    notes.push(
      <>
        <TokenAmount value={p.split.sent.tokens} decimals={decimals} unit="tokens" /> went to another account,
        counted at their value when they left (
        <TokenAmount value={p.split.sent.value} decimals={decimals} unit={symbol} />
        ).
      </>,
    );
  if (p.split.pendingMint > 0n)
    notes.push(
      <>
        <TokenAmount value={p.split.pendingMint} decimals={decimals} unit={symbol} /> in mints not executed
        yet are not in these figures.
      </>,
    );
  if (notes.length === 0) return null;
  return (
    <ul className="mt-2 list-disc space-y-1 pl-5 text-xs text-ink-400">
      {notes.map((note, i) => (
        // The notes are fixed in number and order: their index is their identity.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <li key={i}>{note}</li>
      ))}
    </ul>
  );
}

function Totals({ t }: { t: CollateralProfit }) {
  return (
    <div data-testid={`profit-total-${t.symbol}`}>
      <h3 className="mb-2 text-sm font-semibold text-ink-100">All positions in {t.symbol}</h3>
      <Parts parts={t.parts} total={t.total} decimals={t.decimals} unit={t.symbol} verified={t.allVerified} />
      <Fees
        paid={t.feesPaid}
        toSecondary={t.toSecondary}
        decimals={t.decimals}
        unit={t.symbol}
        verified={t.allVerified}
      />
    </div>
  );
}

export function ProfitCard({ view }: { view: ProfitView }) {
  let body: ReactNode;
  if (view.kind === 'loading') body = <Skeleton className="h-24 w-full" />;
  else if (view.kind === 'none')
    body = <p className="text-sm text-ink-400">No trade of yours in these pools yet.</p>;
  else if (view.kind === 'needs-indexer')
    body = (
      <p className="text-sm text-ink-400">
        Splitting your profit needs each pool’s balances around every upkeep, which only the history indexer
        keeps, and it did not serve them for this read. The split is not shown rather than guessed.
      </p>
    );
  else
    body = (
      <>
        <p className="mb-4 text-sm text-ink-400">
          Each position is valued at the token price its pool stored for its last executed interval
          {view.through === undefined ? '' : `, with upkeeps indexed to block ${view.through}`}; the positions
          above are valued at today’s price, so their profit can differ by the moves since. The parts are
          exact and add up to the profit to the smallest unit. In USD: not shown, because the app has no
          recorded history of OHM’s and gOHM’s USD price to split their own move from the market’s.
        </p>
        <div className="grid gap-6 md:grid-cols-2">
          {view.totals.map((t) => (
            <Totals key={t.symbol} t={t} />
          ))}
        </div>
        <h3 className="mt-6 mb-2 text-sm font-semibold text-ink-100">By position</h3>
        <div className="space-y-2">
          {view.positions.map((p) => (
            <details
              key={`${p.pool.address}-${p.side}`}
              className="rounded-xl border border-ink-800 p-3"
              data-testid="profit-position"
            >
              <summary className="flex min-h-11 cursor-pointer items-center justify-between gap-3 text-sm">
                <span>
                  {p.pool.name} · {p.side === 'long' ? 'Long' : 'Short'}
                </span>
                <span className="font-mono">
                  <TokenAmount
                    value={p.split.total}
                    decimals={p.pool.collateral.decimals}
                    unit={p.pool.collateral.symbol}
                  />
                </span>
              </summary>
              <div className="mt-3">
                <Parts
                  parts={p.split.parts}
                  total={p.split.total}
                  decimals={p.pool.collateral.decimals}
                  unit={p.pool.collateral.symbol}
                  verified={p.pool.verification.verified}
                />
                <Fees
                  paid={p.feesPaid}
                  toSecondary={p.toSecondary}
                  decimals={p.pool.collateral.decimals}
                  unit={p.pool.collateral.symbol}
                  verified={p.pool.verification.verified}
                />
                <PositionNotes p={p} />
              </div>
            </details>
          ))}
        </div>
      </>
    );
  return (
    <Card title="Profit explained" className="mb-6">
      <div data-testid="profit-card">{body}</div>
    </Card>
  );
}
