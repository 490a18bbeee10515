/**
 * The history the Portfolio shows, as a CSV file a spreadsheet or a tax tool's generic import can read
 * (docs/ledger.md is the format's reference). Pure: events in, text out. Amounts are written from their
 * bigints digit by digit, never through a float or the browser's locale, so the file says the same to the wei
 * wherever it is exported.
 */
import { formatUnits } from 'viem';
import type { UserEvent } from '../../chain/history/historySource.ts';
import type { PoolInfo } from '../../chain/poolRegistry.ts';
import { commitAction } from '../../engine/commits.ts';
import { mintFeeAtCommit } from '../../engine/fees.ts';

export const LEDGER_COLUMNS = [
  'time_utc',
  'chain_id',
  'block_number',
  'transaction_hash',
  'log_index',
  'pool',
  'pool_name',
  'side',
  'type',
  'from_escrow',
  'amount_raw',
  'amount_decimals',
  'amount',
  'unit',
  'fee_raw',
  'fee_decimals',
  'fee',
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type LedgerRow = Record<LedgerColumn, string>;

export type LedgerPool = Pick<PoolInfo, 'chainId' | 'address' | 'name' | 'collateral'>;

/** One pool's events, as `readUserHistory` answers them (any order: the ledger puts them in chain order). */
export interface LedgerHistory {
  pool: LedgerPool;
  events: readonly UserEvent[];
}

/**
 * Unix seconds as ISO-8601 UTC to the second, `2026-12-07T18:25:50Z`; empty when the provider gave no time
 * (the block number still places the event).
 */
export function utcTime(timestamp: number | undefined): string {
  if (timestamp === undefined || !Number.isFinite(timestamp)) return '';
  return new Date(Math.trunc(timestamp) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const sideTokens = (side: 'long' | 'short') => (side === 'long' ? 'L tokens' : 'S tokens');

function amountFields(value: bigint, decimals: number) {
  return { raw: value.toString(), decimals: String(decimals), text: formatUnits(value, decimals) };
}

/** The ledger's row for one event: every field already text, unquoted. */
export function ledgerRow(pool: LedgerPool, event: UserEvent): LedgerRow {
  const decimals = pool.collateral.decimals;
  let side = '';
  let type: string;
  let unit: string;
  let fee: bigint | undefined;
  if (event.kind === 'transfer') {
    side = event.side;
    type = event.direction === 'in' ? 'transfer_in' : 'transfer_out';
    unit = sideTokens(event.side);
    // The pool takes nothing on a token transfer (the network's gas is not a pool fee).
    fee = 0n;
  } else {
    const action = commitAction(event.commitType);
    // A type outside the six would be a contract this app does not know: kept, with what is certain.
    type = action?.kind ?? 'commit';
    if (action) side = action.side;
    unit = action?.kind === 'mint' ? pool.collateral.symbol : action ? sideTokens(action.side) : '';
    // Only a mint's fee is fixed at commit time, from the rate the event carries (docs/protocol.md §2.2);
    // burns and flips pay theirs when their interval executes and the user settles (§2.3).
    if (action?.kind === 'mint') fee = mintFeeAtCommit(event.amount, event.mintingFeeWad).fee;
  }
  const amount = amountFields(event.amount, decimals);
  const paid = fee === undefined ? undefined : amountFields(fee, decimals);
  return {
    time_utc: utcTime(event.timestamp),
    chain_id: String(pool.chainId),
    block_number: event.blockNumber.toString(),
    transaction_hash: event.transactionHash,
    log_index: String(event.logIndex),
    pool: pool.address,
    pool_name: pool.name,
    side,
    type,
    from_escrow: event.kind === 'commit' && event.fromEscrow ? 'true' : 'false',
    amount_raw: amount.raw,
    amount_decimals: amount.decimals,
    amount: amount.text,
    unit,
    fee_raw: paid?.raw ?? '',
    fee_decimals: paid?.decimals ?? '',
    fee: paid?.text ?? '',
  };
}

/**
 * A field as RFC 4180 writes it: quoted, with quotes doubled, when it holds a comma, a quote, CR or LF.
 * Text that a spreadsheet would run as a formula (a leading `=`, `+`, `-`, `@`, tab or CR) is led by an
 * apostrophe first: a pool's name is whatever its deployer chose, and an imported pool's deployer is anyone.
 */
export function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** Every event of every pool, oldest first, with a header row; CRLF line ends, as RFC 4180 has them. */
export function ledgerCsv(histories: readonly LedgerHistory[]): string {
  const rows = histories
    .flatMap((h) => h.events.map((event) => ({ pool: h.pool, event })))
    .sort((a, b) =>
      a.event.blockNumber === b.event.blockNumber
        ? a.event.logIndex - b.event.logIndex
        : a.event.blockNumber < b.event.blockNumber
          ? -1
          : 1,
    )
    .map(({ pool, event }) => ledgerRow(pool, event));
  const lines = [
    LEDGER_COLUMNS.join(','),
    ...rows.map((row) => LEDGER_COLUMNS.map((c) => csvField(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * The export's file name: the chain and the UTC day it was exported, e.g. `olympus-pools-ledger-42161-2026-12-07.csv`;
 * ending `-filtered.csv` when it holds only the rows a filter kept, so the file never passes for the whole history.
 */
export function ledgerFileName(chainId: number, now: Date, filtered = false): string {
  return `olympus-pools-ledger-${chainId}-${now.toISOString().slice(0, 10)}${filtered ? '-filtered' : ''}.csv`;
}
