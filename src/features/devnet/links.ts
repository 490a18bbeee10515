/**
 * The devnet page's path, `#/devnet` (the local chain's faucet and deployment), and its nav entry; the shell
 * shows both only when the app runs on the local chain. The lazy page is in `pages.ts`, for the shell alone.
 */
export const devnetNav = { to: '/devnet', label: 'Devnet', also: [] } as const;
