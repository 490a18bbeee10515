/**
 * A few figures to read off, shown as a table with a visible caption: a row per model or side, named in its
 * header cell, and a column per figure. (A chart's own rows go behind "Show as a table", in DataTable.)
 */

import type { ReactNode } from 'react';
import { HeadCells } from './ListTableHead.tsx';
import { ScrollFrame } from './ScrollFrame.tsx';

export interface SummaryRow {
  name: string;
  cells: readonly ReactNode[];
  /** Tone of the row's name, e.g. "text-long". */
  tone?: string;
}

const HEADER = 'py-1 pr-3 font-normal';

export function SummaryTable({
  caption,
  corner = '\u00a0',
  columns,
  rows,
}: {
  caption: ReactNode;
  /** Header of the column of row names. */
  corner?: string;
  /** Each column's header and the tone of its cells. */
  columns: ReadonlyArray<{ header: string; tone?: string }>;
  rows: readonly SummaryRow[];
}) {
  return (
    <ScrollFrame className="mt-4">
      <table className="w-full text-left text-sm">
        <caption className="mb-2 text-left text-ink-200">{caption}</caption>
        <thead className="text-xs text-ink-400">
          <tr>
            <HeadCells
              columns={[corner, ...columns.map((c) => c.header)].map((label) => ({ label }))}
              className={HEADER}
            />
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map((row) => (
            <tr key={row.name} className="border-t border-ink-800">
              <th scope="row" className={`py-1 pr-3 font-sans font-normal ${row.tone ?? 'text-ink-200'}`}>
                {row.name}
              </th>
              {columns.map((column, i) => (
                <td key={column.header} className={column.tone ? `py-1 pr-3 ${column.tone}` : 'py-1 pr-3'}>
                  {row.cells[i]}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollFrame>
  );
}
