/**
 * A chart's data as a table, behind "Show as a table": the accessible view of the same rows for screen readers
 * and anyone who wants the numbers. By default rows are rendered only while it is open, so a 400-row table
 * costs nothing while the simulator's inputs change. A column with `sortBy` sorts from its header's button:
 * ascending, descending, then back to the chart's order; the header says which with aria-sort.
 */
import { type ReactNode, useState } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
  /** What the column sorts by; a column without it does not sort. Missing values go last. */
  sortBy?: (row: Row) => number | string | undefined;
}

/** A column of numbers, sorted by the number and shown formatted ("—" where there is none). */
export function numberColumn<Row>(
  header: string,
  value: (row: Row) => number | undefined,
  format: (value: number) => ReactNode,
): Column<Row> {
  return {
    header,
    cell: (row) => {
      const v = value(row);
      return v === undefined ? '—' : format(v);
    },
    sortBy: value,
  };
}

export interface DataTableProps<Row> {
  /** Omitted when the table sits in a figure whose figcaption already says what it shows. */
  caption?: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  /** Called with the row's place in `rows`, whatever the sort. */
  rowKey: (row: Row, index: number) => string | number;
  /** Keep the rows in the page while closed: the pool page's history is short, and its e2e test counts them. */
  renderClosed?: boolean;
}

type Sort = { column: number; descending: boolean } | undefined;

/** A header's click: sort by it ascending, then descending, then not at all. */
function nextSort(sort: Sort, column: number): Sort {
  if (sort?.column !== column) return { column, descending: false };
  return sort.descending ? undefined : { column, descending: true };
}

type Key = number | string | undefined;
const missing = (v: Key) => v === undefined || (typeof v === 'number' && Number.isNaN(v));

function compare(a: Key, b: Key, descending: boolean): number {
  if (missing(a) || missing(b)) return Number(missing(a)) - Number(missing(b));
  if (a === b) return 0;
  return (a! < b! ? -1 : 1) * (descending ? -1 : 1);
}

/** The rows with their places in `rows`, in the order the sort asks for (ties keep the chart's order). */
function sortRows<Row>(rows: readonly Row[], columns: ReadonlyArray<Column<Row>>, sort: Sort) {
  const placed = rows.map((row, index) => ({ row, index }));
  const by = sort === undefined ? undefined : columns[sort.column]?.sortBy;
  if (sort === undefined || by === undefined) return placed;
  return placed.sort((a, b) => compare(by(a.row), by(b.row), sort.descending) || a.index - b.index);
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  renderClosed = false,
}: DataTableProps<Row>) {
  const [open, setOpen] = useState(false);
  const [sort, setSort] = useState<Sort>(undefined);
  return (
    <details className="mt-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      {/* A fingertip's height on touch screens, as every other control (src/styles.css). */}
      <summary className="cursor-pointer text-ink-400 hover:text-ink-200 pointer-coarse:min-h-11 pointer-coarse:py-3">
        Show as a table
      </summary>
      {open || renderClosed ? (
        <div className="mt-2 max-h-96 overflow-auto rounded-lg border border-ink-800">
          <table className="w-full text-left font-mono text-xs">
            {caption === undefined ? null : <caption className="sr-only">{caption}</caption>}
            <thead className="sticky top-0 bg-ink-900 text-ink-400">
              <tr>
                {columns.map((column, index) => (
                  <HeaderCell
                    key={column.header}
                    column={column}
                    sort={sort?.column === index ? (sort.descending ? 'descending' : 'ascending') : undefined}
                    onSort={() => setSort(nextSort(sort, index))}
                  />
                ))}
              </tr>
            </thead>
            <tbody>
              {sortRows(rows, columns, sort).map(({ row, index }) => (
                <tr key={rowKey(row, index)} className="border-t border-ink-800">
                  {columns.map((column) => (
                    <td key={column.header} className="px-2 py-1">
                      {column.cell(row)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}

function HeaderCell<Row>({
  column,
  sort,
  onSort,
}: {
  column: Column<Row>;
  sort: 'ascending' | 'descending' | undefined;
  onSort: () => void;
}) {
  return (
    <th scope="col" aria-sort={sort} className="px-2 py-1 font-normal">
      {column.sortBy === undefined ? (
        column.header
      ) : (
        <button
          type="button"
          className="inline-flex cursor-pointer items-center gap-1 text-left hover:text-ink-200"
          onClick={onSort}
        >
          {column.header}
          <span aria-hidden className={sort ? 'text-sand-400' : 'opacity-40'}>
            {sort === 'ascending' ? '↑' : sort === 'descending' ? '↓' : '↕'}
          </span>
        </button>
      )}
    </th>
  );
}
