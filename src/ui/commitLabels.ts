/**
 * What the app calls each of the six commits, by what it does and to which side (for a flip, the side it
 * leaves). The trade button, its toasts, the pending list and the history all read them here, and the e2e
 * journeys find the buttons by these words.
 */
export const COMMIT_LABELS = {
  mint: { long: 'Mint long', short: 'Mint short' },
  burn: { long: 'Burn long', short: 'Burn short' },
  flip: { long: 'Flip long → short', short: 'Flip short → long' },
} as const satisfies Record<'mint' | 'burn' | 'flip', Record<'long' | 'short', string>>;
