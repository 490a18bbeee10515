/**
 * The one place a write's progress is told to the user: each write is one sonner toast, updated in place
 * from "confirm in your wallet" to "confirmed" or the reason it failed, with an explorer link where the chain
 * has one. Forms show no second copy of a write's outcome. Sonner (hover pause, swipe, keyboard focus,
 * screen-reader announcements) arrives with the wallet layer, after first paint: no write can start before.
 */
import type { TxEvent } from '../chain/txReporter.ts';

const explorerAction = (event: TxEvent) =>
  event.explorerTx
    ? {
        action: (
          <a
            className="text-sm text-sand-400 underline"
            href={event.explorerTx}
            target="_blank"
            rel="noreferrer"
          >
            View on explorer
          </a>
        ),
      }
    : {};

export function reportTx(event: TxEvent): void {
  void import('sonner').then(({ toast }) => {
    const base = { id: event.id, ...explorerAction(event) };
    switch (event.stage) {
      case 'signing':
        toast.loading(event.label, { ...base, description: 'Confirm in your wallet.' });
        return;
      case 'pending':
        toast.loading(event.label, { ...base, description: 'Sent. Waiting for it to be mined…' });
        return;
      case 'confirmed':
        toast.success(`${event.label}: confirmed`, { ...base, description: undefined, duration: 8000 });
        return;
      case 'failed':
        if (event.kind === 'rejected')
          toast.info(`${event.label}: cancelled`, { ...base, description: event.message, duration: 8000 });
        else
          toast.error(`${event.label} failed`, { ...base, description: event.message, duration: Infinity });
    }
  });
}
