import { Card } from './Card.tsx';

/** What a page not built yet will hold, said plainly rather than shown as empty widgets. */
export function ComingSoon({ items }: { items: string[] }) {
  return (
    <Card title="Not built yet">
      <p className="mb-3 text-sm text-ink-400">This page is planned and will hold:</p>
      <ul className="list-disc space-y-1 pl-5 text-sm text-ink-200">
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </Card>
  );
}
