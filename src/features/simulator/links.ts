/**
 * The simulator's path, `#/simulator?…`, `simulatorLink` for other features and its nav entry. Its parameters
 * (one per input) are the parsers in simulatorParams.ts. The lazy page is in `pages.ts`, which only the shell
 * imports.
 */
export { simulatorLink } from './simulatorParams.ts';

export const simulatorNav = { to: '/simulator', label: 'Simulator', also: [] } as const;
