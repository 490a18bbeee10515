/**
 * The one place a write's progress is told to the user: each write is one sonner toast, updated in place
 * from "checking" and "confirm in your wallet" to "confirmed" or what happened instead, with an explorer link
 * where the chain has one. A toast stays while its write is in flight, however long the endpoint takes; a
 * failure stays until it is dismissed or, where its cause can pass (an endpoint down), until the cause has
 * passed. Forms show no second copy of a write's outcome. Sonner (hover pause, swipe, keyboard focus,
 * screen-reader announcements) arrives with the wallet layer, after first paint: no write can start before.
 */
import type { TxEvent } from '../chain/react/txReporter.ts';

const explorerAction = (event: TxEvent) =>
  event.explorerTx
    ? {
        action: (
          <a
            className="inline-flex min-h-11 items-center text-sm text-sand-400 underline"
            href={event.explorerTx}
            target="_blank"
            rel="noreferrer"
          >
            View on explorer
          </a>
        ),
      }
    : {};

/** Only the chain can make a write "failed"; a wallet that lost touch may have sent it; the rest were not sent. */
const FAILURE_TITLE: Partial<Record<Extract<TxEvent, { stage: 'failed' }>['kind'], string>> = {
  reverted: 'failed on chain',
  uncertain: 'may or may not have been sent',
};

const untitled = (message: string) => {
  const rest = message.replace(/^Not sent: /, '');
  return rest.charAt(0).toUpperCase() + rest.slice(1);
};

export function reportTx(event: TxEvent): void {
  void import('sonner').then(({ toast }) => {
    const base = { id: event.id, ...explorerAction(event) };
    switch (event.stage) {
      case 'preparing':
        toast.loading(event.label, { ...base, description: 'Checking it against the chain…' });
        return;
      case 'signing':
        toast.loading(event.label, { ...base, description: 'Confirm in your wallet.' });
        return;
      case 'pending':
        toast.loading(event.label, {
          ...base,
          description: 'Sent. Waiting for it to be mined…',
          duration: Number.POSITIVE_INFINITY,
        });
        return;
      case 'unconfirmed':
        toast.loading(event.label, {
          ...base,
          description: event.message,
          duration: Number.POSITIVE_INFINITY,
        });
        return;
      case 'confirmed':
        toast.success(`${event.label}: confirmed`, { ...base, description: undefined, duration: 8000 });
        return;
      case 'replaced':
        toast.info(`${event.label}: replaced in your wallet`, {
          ...base,
          description:
            'Another transaction from your account took its place (sped up or cancelled in your wallet). Your wallet shows which.',
          duration: Number.POSITIVE_INFINITY,
        });
        return;
      case 'failed':
        if (event.kind === 'rejected') {
          toast.info(`${event.label}: cancelled`, { ...base, description: event.message, duration: 8000 });
          return;
        }
        toast.error(`${event.label}: ${FAILURE_TITLE[event.kind] ?? 'not sent'}`, {
          ...base,
          // The title already says "not sent": the sentence goes on from there.
          description: untitled(event.message),
          duration: Number.POSITIVE_INFINITY,
        });
        void event.causeGone?.then(() => toast.dismiss(event.id));
    }
  });
}
