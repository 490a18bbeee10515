/**
 * How a write's progress reaches the user: `useTransactor` reports each step here, and the app shell
 * provides the reporter (one toast per write). Kept apart from useTransactor so the shell can provide it
 * without loading the wallet stack.
 */
import { createContext, useContext } from 'react';
import type { Hash } from 'viem';
import type { TxErrorKind } from './errors.ts';

/** What a write is doing, for whoever reports it to the user. */
export type TxEvent = { id: string; label: string; explorerTx?: string } & (
  | { stage: 'signing' }
  | { stage: 'pending'; hash: Hash }
  | { stage: 'confirmed'; hash: Hash }
  | { stage: 'failed'; kind: TxErrorKind; message: string; hash?: Hash }
);

export type TxReporter = (event: TxEvent) => void;

const TxReporterContext = createContext<TxReporter>(() => {});
/** The app shell provides the reporter; without one (a unit test) writes go on silently. */
export const TxReporterProvider = TxReporterContext.Provider;

export const useTxReporter = (): TxReporter => useContext(TxReporterContext);
