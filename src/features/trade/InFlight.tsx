/**
 * What this account has sent on the pool and the chain has not settled yet (src/chain/tx/sentTransactions.ts),
 * shown on the trade form so a holder who reloaded, or opened a second tab, sees it before anything can be sent
 * again. The same commit in flight holds the form back until the holder says a second one is really wanted.
 */
import type { SentTransaction } from '../../chain/tx/sentTransactions.ts';
import type { CommitType } from '../../engine/commits.ts';
import { formatAge } from '../../ui/age.ts';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import type { TradeStep } from './tradeModel.ts';

export interface HeldBack {
  reason: 'same-commit' | 'approval';
  /** What the submit button says instead of offering the step. */
  label: string;
}

/** Why the form's step is held back by a transaction in flight, or undefined when it is not. */
export function heldBack(
  step: TradeStep,
  inFlight: readonly SentTransaction[],
  commitType: CommitType,
  secondCommitWanted: boolean,
): HeldBack | undefined {
  if (step.kind === 'approve' && inFlight.some((tx) => tx.intent.kind === 'approve'))
    return { reason: 'approval', label: 'Waiting for your approval to be mined…' };
  const same = inFlight.some((tx) => tx.intent.kind === 'commit' && tx.intent.commitType === commitType);
  if ((step.kind === 'commit' || step.kind === 'approve') && same && !secondCommitWanted)
    return { reason: 'same-commit', label: 'Waiting for your commit to be mined…' };
  return undefined;
}

export function InFlightNotice({
  inFlight,
  explorer,
  onSendAnother,
  now = Date.now(),
}: {
  inFlight: readonly SentTransaction[];
  explorer: string | undefined;
  /** Offered while the same commit is in flight: lets the holder make a second, separate one. */
  onSendAnother: (() => void) | undefined;
  now?: number;
}) {
  if (inFlight.length === 0) return null;
  return (
    <Notice tone="warn">
      <span className="block font-semibold">Sent, not yet confirmed</span>
      <ul className="mt-1 space-y-1">
        {inFlight.map((tx) => (
          <li key={tx.hash}>
            {tx.label}, sent {formatAge((now - tx.sentAt) / 1000)} ago
            {explorer ? (
              <>
                {' '}
                (
                <a
                  className="underline pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
                  href={`${explorer}/tx/${tx.hash}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  view
                </a>
                )
              </>
            ) : null}
            .
          </li>
        ))}
      </ul>
      {onSendAnother ? (
        <span className="mt-2 block">
          Sending the same again would make a second, separate commit.{' '}
          <Button variant="secondary" className="mt-2" onClick={onSendAnother}>
            I want a second commit
          </Button>
        </span>
      ) : null}
    </Notice>
  );
}
