/** Columns the simulator's chart tables share: when a row of a time series is, and a value as a multiple. */
import { type Column, numberColumn } from '../../ui/DataTable.tsx';
import { formatNumber } from '../../ui/format.ts';
import { formatMultiple } from './chartFormat.ts';

/** "Rebalance" and "Day", the first columns of the path's and the Monte Carlo's tables. */
export function timeColumns<Row extends { step: number; days: number }>(): Array<Column<Row>> {
  return [
    numberColumn('Rebalance', (row) => row.step, String),
    numberColumn(
      'Day',
      (row) => row.days,
      (days) => formatNumber(days, 2),
    ),
  ];
}

/** A position's value relative to its start ("×1.2662"), sorted by the value. */
export function multipleColumn<Row>(header: string, value: (row: Row) => number): Column<Row> {
  return numberColumn(header, value, formatMultiple);
}
