/**
 * How a write's progress reaches the user: `useTransactor` reports each step here, and the app shell
 * provides the reporter (one toast per write). Kept apart from useTransactor so the shell can provide it
 * without loading the wallet stack.
 */
import { createContext, useContext } from 'react';
import type { Hash } from 'viem';
import type { TxErrorKind } from '../errors/errors.ts';

/** What a write is doing, for whoever reports it to the user. */
export type TxEvent = {
  id: string;
  label: string;
  explorerTx?: string;
} /** Simulated and priced through the app's endpoint; the wallet is not asked yet. */ & (
  | { stage: 'preparing' }
  | { stage: 'signing' }
  | { stage: 'pending'; hash: Hash }
  /** Sent, and its receipt cannot be read now: still in flight, still followed. */
  | { stage: 'unconfirmed'; hash: Hash; message: string }
  | { stage: 'confirmed'; hash: Hash }
  /** Another transaction from the account took its nonce. */
  | { stage: 'replaced'; hash: Hash }
  | {
      stage: 'failed';
      kind: TxErrorKind;
      message: string;
      hash?: Hash;
      /** Resolves once the cause is gone (the endpoint answers again): the report may then be withdrawn. */
      causeGone?: Promise<void>;
    }
);

export type TxReporter = (event: TxEvent) => void;

const TxReporterContext = createContext<TxReporter>(() => {});
/** The app shell provides the reporter; without one (a unit test) writes go on silently. */
export const TxReporterProvider = TxReporterContext.Provider;

export const useTxReporter = (): TxReporter => useContext(TxReporterContext);
