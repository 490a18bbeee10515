/** A quiet line under a figure saying where it came from and how fresh it is. */
export function SourceNote({ text }: { text: string | undefined }) {
  if (!text) return null;
  return (
    <p className="mt-3 text-xs text-ink-400" data-testid="history-source">
      {text}
    </p>
  );
}
