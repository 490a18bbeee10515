/**
 * The transactions this browser has sent and whose fate the chain has not told yet (docs/architecture.md,
 * "Transactions"). They are kept in localStorage, per account and chain, so that a reload, a closed tab or a
 * second tab still knows a commit is in flight and never offers to send it again as if nothing had happened.
 * localStorage rather than IndexedDB because it is read synchronously: the first render after a reload already
 * knows what is in flight, with no moment in which the form looks free to send.
 *
 * An entry leaves the list once its receipt (or its replacement's) is known and reported, or when the user
 * says to forget it. Anything unreadable in storage is ignored, never trusted.
 */
import { type Address, type Hash, isAddressEqual } from 'viem';
import { createStore, type StoreApi } from 'zustand/vanilla';

/** What a sent transaction does, so a form can recognise the same action in flight. */
export type SentIntent =
  | { kind: 'commit'; pool: Address; commitType: number; amount: bigint; fromEscrow: boolean }
  | { kind: 'approve'; pool: Address; token: Address }
  | { kind: 'claim'; pool: Address }
  | { kind: 'other' };

export interface SentTransaction {
  hash: Hash;
  chainId: number;
  account: Address;
  /** The words its toast and lists show, e.g. "Mint long 4.444444444 OHM". */
  label: string;
  /** Wall-clock ms when the wallet returned its hash. */
  sentAt: number;
  intent: SentIntent;
  /** Query keys to read again once it is mined (queryKeys.ts's `refreshAfter`). */
  refresh: readonly (readonly unknown[])[];
}

const STORAGE_KEY = 'olympus-pools:sent-transactions:v1';

type Stored = Omit<SentTransaction, 'intent'> & { intent: Record<string, unknown> };

const storage = (): Storage | undefined => {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined;
  }
};

const isHex = (value: unknown, length?: number): value is `0x${string}` =>
  typeof value === 'string' &&
  /^0x[0-9a-fA-F]*$/.test(value) &&
  (length === undefined || value.length === length + 2);

function reviveIntent(raw: Record<string, unknown>): SentIntent {
  const pool = isHex(raw.pool, 40) ? raw.pool : undefined;
  if (raw.kind === 'commit' && pool && typeof raw.commitType === 'number' && typeof raw.amount === 'string')
    return {
      kind: 'commit',
      pool,
      commitType: raw.commitType,
      amount: /^\d+$/.test(raw.amount) ? BigInt(raw.amount) : 0n,
      fromEscrow: raw.fromEscrow === true,
    };
  if (raw.kind === 'approve' && pool && isHex(raw.token, 40))
    return { kind: 'approve', pool, token: raw.token };
  if (raw.kind === 'claim' && pool) return { kind: 'claim', pool };
  return { kind: 'other' };
}

function revive(raw: unknown): SentTransaction | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Partial<Stored>;
  if (
    !isHex(r.hash, 64) ||
    !isHex(r.account, 40) ||
    typeof r.chainId !== 'number' ||
    typeof r.label !== 'string' ||
    typeof r.sentAt !== 'number' ||
    typeof r.intent !== 'object' ||
    r.intent === null ||
    !Array.isArray(r.refresh)
  )
    return undefined;
  return {
    hash: r.hash,
    chainId: r.chainId,
    account: r.account,
    label: r.label,
    sentAt: r.sentAt,
    intent: reviveIntent(r.intent),
    refresh: r.refresh.filter(Array.isArray),
  };
}

function read(): SentTransaction[] {
  const text = storage()?.getItem(STORAGE_KEY);
  if (!text) return [];
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed.flatMap((raw) => revive(raw) ?? []) : [];
  } catch {
    return [];
  }
}

function write(list: readonly SentTransaction[]): void {
  const json = JSON.stringify(list, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
  try {
    storage()?.setItem(STORAGE_KEY, json);
  } catch {
    // Storage full or refused (a private window): the list still lives for this page.
  }
}

interface SentState {
  /** The same array until the list changes (as React's useSyncExternalStore needs). */
  list: readonly SentTransaction[];
}

const sent = createStore<SentState>()(() => ({ list: read() }));
const setList = (list: readonly SentTransaction[]) => sent.setState({ list });

/**
 * The list as a store to read and watch (it changes in this tab or another), not to write: writes go through
 * the functions below.
 */
export const sentStore: Pick<StoreApi<SentState>, 'getState' | 'getInitialState' | 'subscribe'> = sent;

// Another tab sent or settled a transaction: this one sees it at once.
if (typeof window !== 'undefined')
  window.addEventListener('storage', (event) => {
    if (event.key === STORAGE_KEY) setList(read());
  });

const sameHash = (a: Hash, b: Hash) => a.toLowerCase() === b.toLowerCase();

export function rememberSent(tx: SentTransaction): void {
  const list = [...read().filter((t) => !sameHash(t.hash, tx.hash)), tx];
  write(list);
  setList(list);
}

export function forgetSent(hash: Hash): void {
  const before = read();
  const list = before.filter((t) => !sameHash(t.hash, hash));
  if (list.length !== before.length) write(list);
  setList(list);
}

/** The transactions of `list` sent by `account` on `chainId`, oldest first. */
export function sentIn(
  list: readonly SentTransaction[],
  account: Address | undefined,
  chainId: number,
): SentTransaction[] {
  if (!account) return [];
  return list.filter((t) => t.chainId === chainId && isAddressEqual(t.account, account));
}

/** Every remembered transaction of `account` on `chainId`, oldest first. */
export const sentBy = (account: Address | undefined, chainId: number) =>
  sentIn(sent.getState().list, account, chainId);

/** Re-reads storage: for tests, and for a page that suspects another tab wrote without an event. */
export function reloadSent(): void {
  setList(read());
}

/** Forgets every remembered transaction, in storage too: for tests, between cases. */
export function resetSentForTests(): void {
  try {
    storage()?.removeItem(STORAGE_KEY);
  } catch {
    // Nothing stored can be reached: the list in memory is all there is.
  }
  setList([]);
}
