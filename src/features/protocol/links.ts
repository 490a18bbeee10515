/**
 * The protocol page's path, `#/protocol` (the Olympus pools' figures from the history indexer; no
 * parameters), and its nav entry. The lazy page is in `pages.ts`, which only the shell imports.
 */
export const protocolNav = { to: '/protocol', label: 'Protocol', also: [] } as const;
