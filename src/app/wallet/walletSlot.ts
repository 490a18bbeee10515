/** The element RainbowKit's connect button is drawn into (a portal target in the header). */
export const WALLET_SLOT_ID = 'wallet-slot';
