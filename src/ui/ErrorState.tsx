import { Button } from './Button.tsx';
import { type ProblemView, ProviderReply } from './EndpointProblem.tsx';
import { Notice } from './Notice.tsx';

/**
 * A failed read: what failed and why in the app's words (the endpoint's own reply only behind a toggle), how
 * old the data on screen is (if any), and a way to try again.
 */
export function ErrorState({
  what,
  problem,
  dataAgeSeconds,
  onRetry,
}: {
  what: string;
  /** Why it failed, from the chain layer's `describeReadFailure`. */
  problem: ProblemView;
  dataAgeSeconds?: number;
  onRetry: () => void;
}) {
  return (
    <Notice
      tone="error"
      action={
        <Button variant="secondary" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      Could not read {what}. {problem.sentence}
      {dataAgeSeconds !== undefined ? ` The figures shown are ${Math.round(dataAgeSeconds)} s old.` : ''}
      {problem.reply ? <ProviderReply reply={problem.reply} /> : null}
    </Notice>
  );
}
