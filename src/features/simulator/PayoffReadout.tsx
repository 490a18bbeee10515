/** Under the payoff chart: the perpetual's liquidation points in words, and every model's value at one move. */
import { formatPercentPoints } from '../../ui/format.ts';
import { MIN_MOVE, type PayoffRow } from './chartData.ts';
import { formatMultiple, formatUsd } from './chartFormat.ts';

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
    <div className="mt-4 overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-ink-200">
          Value at a move of {moveLabel(row.movePercent, row.price, startPrice)}
        </caption>
        <thead className="text-xs text-ink-400">
          <tr>
            <th scope="col" className="py-1 pr-3 font-normal">
              Model
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              Long, 1 rebalance
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              Long, {steps} rebalances
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              Short, 1 rebalance
            </th>
            <th scope="col" className="py-1 pr-3 font-normal">
              Short, {steps} rebalances
            </th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {models.map(([name, ...values]) => (
            <tr key={name} className="border-t border-ink-800">
              <th scope="row" className="py-1 pr-3 font-sans font-normal text-ink-200">
                {name}
              </th>
              {values.map((value, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: fixed columns
                <td key={i} className={`py-1 pr-3 ${i < 2 ? 'text-long' : 'text-short'}`}>
                  {formatMultiple(value)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
