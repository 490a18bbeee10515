/**
 * A chart's data as a table, behind "Show as a table": the accessible view of the same rows for screen readers
 * and anyone who wants the numbers. By default rows are rendered only while it is open, so a 400-row table
 * costs nothing while the simulator's inputs change.
 */
import { type ReactNode, useState } from 'react';

export interface Column<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  renderClosed = false,
}: {
  /** Omitted when the table sits in a figure whose figcaption already says what it shows. */
  caption?: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => string | number;
  /** Keep the rows in the page while closed: the pool page's history is short, and its e2e test counts them. */
  renderClosed?: boolean;
}) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3 text-sm" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className="cursor-pointer text-ink-400 hover:text-ink-200">Show as a table</summary>
      {open || renderClosed ? (
        <div className="mt-2 max-h-96 overflow-auto rounded-lg border border-ink-800">
          <table className="w-full text-left font-mono text-xs">
            {caption === undefined ? null : <caption className="sr-only">{caption}</caption>}
            <thead className="sticky top-0 bg-ink-900 text-ink-400">
              <tr>
                {columns.map((column) => (
                  <th key={column.header} scope="col" className="px-2 py-1 font-normal">
                    {column.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
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
