/**
 * What the app calls each of the six commits (§3.1), by what it does and to which side (for a flip, the side
 * it leaves). The trade button, its toasts, the pending list and the history all read them here, and the e2e
 * journeys find the buttons by these words.
 */
import { CommitType } from './commits.ts';

export const COMMIT_LABEL: Record<CommitType, string> = {
  [CommitType.LongMint]: 'Mint long',
  [CommitType.ShortMint]: 'Mint short',
  [CommitType.LongBurn]: 'Burn long',
  [CommitType.ShortBurn]: 'Burn short',
  [CommitType.LongBurnShortMint]: 'Flip long → short',
  [CommitType.ShortBurnLongMint]: 'Flip short → long',
};
