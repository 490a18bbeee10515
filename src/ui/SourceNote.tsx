import type { ProblemView } from './EndpointProblem.tsx';

/**
 * A quiet line under a figure saying where it came from and how fresh it is; and, when reading its newer part
 * failed, that the figure shown stops at the last read, why (in the app's words), and that it is tried again.
 */
export function SourceNote({ text, lag }: { text: string | undefined; lag?: ProblemView | undefined }) {
  if (!text) return null;
  return (
    <>
      <p className="mt-3 text-xs text-ink-400" data-testid="history-source">
        {text}
      </p>
      {lag ? (
        <p className="mt-1 text-xs text-warn" role="status">
          The newest blocks could not be read yet, so this stops at the last read. {lag.sentence} It is tried
          again shortly.
        </p>
      ) : null}
    </>
  );
}
