/** Under the payoff chart: the perpetual's liquidation points in words, and every model's value at one move. */
import { formatPercentPoints, formatUsd } from '../../ui/format.ts';
import { SummaryTable } from '../../ui/SummaryTable.tsx';
import { MIN_MOVE, type PayoffRow } from './chartData.ts';
import { formatMultiple } from './chartFormat.ts';

export function moveLabel(
  movePercent: number,
  price: number | undefined,
  startPrice: number | undefined,
): string {
  const move = formatPercentPoints(movePercent);
  return startPrice === undefined || price === undefined
    ? move
    : `${move} (${formatUsd(startPrice)} → ${formatUsd(price)})`;
}

export function LiquidationNote({
  leverage,
  long,
  short,
}: {
  leverage: number;
  long: number;
  short: number;
}) {
  return (
    <p className="mt-3 text-sm text-ink-400">
      A traditional {leverage}x perpetual is wiped out at {formatPercentPoints(long)} (long)
      {long < MIN_MOVE * 100 ? ', beyond the chart,' : ''} and at {formatPercentPoints(short)} (short), before
      maintenance margin and funding. A pool token is never liquidated: it keeps a shrinking share of its
      side.
    </p>
  );
}

/** The figures at one move, for every model and both sides: what the chart shows, read exactly. */
export function Readout({
  row,
  steps,
  startPrice,
}: {
  row: PayoffRow;
  steps: number;
  startPrice: number | undefined;
}) {
  const models = [
    ['V2 sigmoid', row.sigmoidLongOne, row.sigmoidLongN, row.sigmoidShortOne, row.sigmoidShortN],
    ['V1 power', row.powerLongOne, row.powerLongN, row.powerShortOne, row.powerShortN],
    ['Perpetual (no fees)', row.perpetualLong, row.perpetualLong, row.perpetualShort, row.perpetualShort],
  ] as const;
  return (
    <SummaryTable
      caption={`Value at a move of ${moveLabel(row.movePercent, row.price, startPrice)}`}
      corner="Model"
      columns={(['Long', 'Short'] as const).flatMap((side) => {
        const tone = side === 'Long' ? 'text-long' : 'text-short';
        return [
          { header: `${side}, 1 rebalance`, tone },
          { header: `${side}, ${steps} rebalances`, tone },
        ];
      })}
      rows={models.map(([name, ...values]) => ({ name, cells: values.map((v) => formatMultiple(v)) }))}
    />
  );
}
