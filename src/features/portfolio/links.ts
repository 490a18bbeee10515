/**
 * The portfolio's path, `#/portfolio`, and its nav entry. What the page shows follows from the connected
 * wallet; the link keeps only the history's filters, `?pool=0x…&side=long&type=mint` (portfolioParams.ts).
 * The lazy page is in `pages.ts`, which only the shell imports.
 */
export const portfolioNav = { to: '/portfolio', label: 'Portfolio', also: [] } as const;
