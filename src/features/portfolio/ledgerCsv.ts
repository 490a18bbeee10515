/**
 * The history the Portfolio shows, as a CSV file a spreadsheet or a tax tool's generic import can read
 * (docs/ledger.md is the format's reference). Pure: events in, text out. Amounts are written from their
 * bigints digit by digit, never through a float or the browser's locale, so the file says the same to the wei
 * wherever it is exported.
 */
import { formatUnits } from 'viem';
import type { UserEvent } from '../../chain/history/historySource.ts';
import type { PoolInfo } from '../../chain/pools/poolRegistry.ts';
import { commitAction } from '../../engine/commits.ts';
import { mintFeeAtCommit } from '../../engine/fees.ts';
import { type CostBasisRow, order } from '../../engine/profit/costBasis.ts';
import { csvField, utcTime } from './csvText.ts';
import { type ExecutionHistory, eventKey, executionRows } from './executions.ts';

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
  'interval_id',
  'received_raw',
  'received_decimals',
  'received',
  'received_unit',
] as const;

export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];
export type LedgerRow = Record<LedgerColumn, string>;

export type LedgerPool = Pick<PoolInfo, 'chainId' | 'address' | 'name' | 'collateral'>;

/**
 * One pool's events, as `readUserHistory` answers them (any order: the ledger puts them in chain order), with
 * the pool's stored prices where they were read: then executed commits carry what they gave and their fees.
 */
export interface LedgerHistory extends ExecutionHistory {
  pool: LedgerPool;
  events: readonly UserEvent[];
}

/** The chain's native currency, in which AutoClaim's rewards are paid. */
export interface NativeCurrency {
  symbol: string;
  decimals: number;
}

const ETHER: NativeCurrency = { symbol: 'ETH', decimals: 18 };

const sideTokens = (side: 'long' | 'short') => (side === 'long' ? 'L tokens' : 'S tokens');

function amountFields(value: bigint, decimals: number) {
  return { raw: value.toString(), decimals: String(decimals), text: formatUnits(value, decimals) };
}

const EMPTY = { raw: '', decimals: '', text: '' };

/** The event's type, side and unit in the ledger's words (docs/ledger.md, "Columns"). */
function describe(pool: LedgerPool, event: UserEvent, native: NativeCurrency) {
  switch (event.kind) {
    case 'transfer':
      return {
        side: event.side,
        type: event.direction === 'in' ? 'transfer_in' : 'transfer_out',
        unit: sideTokens(event.side),
      };
    case 'claim':
      return { side: '', type: 'claim', unit: '' };
    case 'autoClaimRequest':
      return { side: '', type: 'autoclaim_request', unit: native.symbol };
    case 'autoClaimPaid':
      return { side: '', type: 'autoclaim_paid', unit: native.symbol };
    case 'commit': {
      const action = commitAction(event.commitType);
      // A type outside the six would be a contract this app does not know: kept, with what is certain.
      if (!action) return { side: '', type: 'commit', unit: '' };
      return {
        side: action.side,
        type: action.kind,
        unit: action.kind === 'mint' ? pool.collateral.symbol : sideTokens(action.side),
      };
    }
  }
}

/** What an executed commit gave, in what: tokens of the side minted, or collateral for a burn. */
function receivedUnit(pool: LedgerPool, event: UserEvent): string {
  if (event.kind !== 'commit') return '';
  const action = commitAction(event.commitType);
  if (!action) return '';
  if (action.kind === 'burn') return pool.collateral.symbol;
  if (action.kind === 'mint') return sideTokens(action.side);
  return sideTokens(action.side === 'long' ? 'short' : 'long');
}

/**
 * The ledger's row for one event: every field already text, unquoted. `execution` is the event's cost-basis
 * row (executions.ts), where the pool's prices were read.
 */
export function ledgerRow(
  pool: LedgerPool,
  event: UserEvent,
  execution?: CostBasisRow,
  native: NativeCurrency = ETHER,
): LedgerRow {
  const decimals = pool.collateral.decimals;
  const { side, type, unit } = describe(pool, event, native);
  let fee: bigint | undefined;
  let amount = EMPTY;
  if (event.kind === 'commit') {
    amount = amountFields(event.amount, decimals);
    if (execution && !execution.pending) fee = execution.fees;
    // Only a mint's fee is fixed at commit time, from the rate the event carries (docs/protocol.md §2.2);
    // burns and flips pay theirs when their interval executes (§2.3): until then, not known.
    else if (type === 'mint') fee = mintFeeAtCommit(event.amount, event.mintingFeeWad).fee;
  } else {
    // The pool takes nothing on a transfer or a claim (the network's gas is not a pool fee), and AutoClaim's
    // reward is the row's amount, in the native currency, not a collateral fee.
    fee = 0n;
    if (event.kind === 'transfer') amount = amountFields(event.amount, decimals);
    else if (event.kind !== 'claim') amount = amountFields(event.reward, native.decimals);
  }
  const paid = fee === undefined ? EMPTY : amountFields(fee, decimals);
  const received =
    execution?.received !== undefined && !execution.pending && event.kind === 'commit'
      ? amountFields(execution.received, decimals)
      : EMPTY;
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
    fee_raw: paid.raw,
    fee_decimals: paid.decimals,
    fee: paid.text,
    interval_id:
      event.kind === 'commit' || event.kind === 'autoClaimRequest' ? event.intervalId.toString() : '',
    received_raw: received.raw,
    received_decimals: received.decimals,
    received: received.text,
    received_unit: received === EMPTY ? '' : receivedUnit(pool, event),
  };
}

/** One row of the ledger with its pool: what the table shows and the file writes. */
export interface LedgerLine {
  pool: LedgerPool;
  event: UserEvent;
  execution?: CostBasisRow<UserEvent> | undefined;
}

/** The lines as a file, in the order given, with a header row; CRLF line ends, as RFC 4180 has them. */
export function ledgerCsvOf(lines: readonly LedgerLine[], native: NativeCurrency = ETHER): string {
  const text = [
    LEDGER_COLUMNS.join(','),
    ...lines.map(({ pool, event, execution }) => {
      const row = ledgerRow(pool, event, execution, native);
      return LEDGER_COLUMNS.map((c) => csvField(row[c])).join(',');
    }),
  ];
  return `${text.join('\r\n')}\r\n`;
}

/**
 * Every event of every pool, oldest first. The executions default to those of the histories given: pass the
 * unfiltered ones' when `histories` is filtered.
 */
export function ledgerCsv(
  histories: readonly LedgerHistory[],
  {
    executions = executionRows(histories),
    native = ETHER,
  }: { executions?: ReadonlyMap<string, CostBasisRow<UserEvent>>; native?: NativeCurrency } = {},
): string {
  const lines = histories
    .flatMap((h) => h.events.map((event) => ({ pool: h.pool, event })))
    .sort((a, b) => order(a.event, b.event))
    .map((line) => ({ ...line, execution: executions.get(eventKey(line.event)) }));
  return ledgerCsvOf(lines, native);
}

/**
 * The export's file name: the chain and the UTC day it was exported, e.g. `olympus-pools-ledger-42161-2026-12-07.csv`;
 * ending `-filtered.csv` when it holds only the rows a filter kept, so the file never passes for the whole history.
 */
export function ledgerFileName(chainId: number, now: Date, filtered = false): string {
  return `olympus-pools-ledger-${chainId}-${now.toISOString().slice(0, 10)}${filtered ? '-filtered' : ''}.csv`;
}
