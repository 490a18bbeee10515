/** A table's column headers, one per label, each with its longer explanation (if any) on hover. */
export function HeadCells({
  columns,
  className,
}: {
  columns: ReadonlyArray<{ label: string; title?: string | undefined }>;
  className: string;
}) {
  return columns.map((c) => (
    <th key={c.label} scope="col" className={className} title={c.title}>
      {c.label}
    </th>
  ));
}

/** The head of a table of items: the item's name, its figure columns, and an unlabelled actions column. */
export function ListTableHead({
  first,
  columns,
  cellClassName = 'px-4 py-3',
}: {
  first: string;
  columns: ReadonlyArray<{ label: string; title?: string | undefined }>;
  /** The padding of each head cell, to match the body's cells. */
  cellClassName?: string;
}) {
  return (
    <thead className="bg-ink-900 text-xs uppercase tracking-wide text-ink-400">
      <tr>
        <HeadCells columns={[{ label: first }, ...columns]} className={cellClassName} />
        <th scope="col" className={cellClassName}>
          <span className="sr-only">Actions</span>
        </th>
      </tr>
    </thead>
  );
}
