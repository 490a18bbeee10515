import { Button } from './Button.tsx';
import { Notice } from './Notice.tsx';

/** A failed read: what failed, how old the data on screen is (if any), and a way to try again. */
export function ErrorState({
  what,
  error,
  dataAgeSeconds,
  onRetry,
}: {
  what: string;
  error: unknown;
  dataAgeSeconds?: number;
  onRetry: () => void;
}) {
  const reason = error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error);
  return (
    <Notice
      tone="error"
      action={
        <Button variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      Could not read {what}: {reason}.
      {dataAgeSeconds !== undefined ? ` The figures shown are ${Math.round(dataAgeSeconds)} s old.` : ''}
    </Notice>
  );
}
