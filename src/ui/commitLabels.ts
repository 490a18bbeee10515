/**
 * What the app calls each of the six commits (docs/protocol.md §3.1), by what it does and to which side (for a
 * flip, the side it leaves). The trade button, its toasts, the pending list and the history all read them
 * here, and the e2e journeys find the buttons by these words. The engine says what a commit does
 * (`commitAction`); the words for it live here, with the rest of the screen's copy.
 */

/** What a commit does, as the engine's `CommitAction` gives it. */
export interface CommitWords {
  kind: 'mint' | 'burn' | 'flip';
  side: 'long' | 'short';
}

const LABELS: Record<CommitWords['kind'], Record<CommitWords['side'], string>> = {
  mint: { long: 'Mint long', short: 'Mint short' },
  burn: { long: 'Burn long', short: 'Burn short' },
  flip: { long: 'Flip long → short', short: 'Flip short → long' },
};

/** The commit's name; a commit type the app does not know (no action) is named as such. */
export function commitLabel(action: CommitWords | undefined): string {
  return action ? LABELS[action.kind][action.side] : 'Unknown commit';
}
