/**
 * The cells of a history row that say what an event did: what it was, how much, how it executed and what it
 * paid. Execution and fees come from the event's cost-basis row (executions.ts), never worked out here; token
 * prices are quads until this edge, where they become text.
 */
import { formatUnits } from 'viem';
import type { UserEvent } from '../../chain/history/historySource.ts';
import type { PoolInfo } from '../../chain/pools/poolRegistry.ts';
import { commitAction } from '../../engine/commits.ts';
import type { CostBasisRow } from '../../engine/profit/costBasis.ts';
import { type Quad, quadToNumber } from '../../engine/quad.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { commitLabel } from '../../ui/commitLabels.ts';
import { formatNumber } from '../../ui/format.ts';
import { TokenAmount } from '../../ui/TokenAmount.tsx';
import type { NativeCurrency } from './ledgerCsv.ts';

export type RowPool = Pick<PoolInfo, 'name' | 'collateral'>;

/** What the execution and fee cells are drawn from: the event, its pool, and its cost-basis row if read. */
interface CellProps {
  event: UserEvent;
  pool: RowPool;
  execution: CostBasisRow | undefined;
}

/** A cell's name on a phone, where the table's header is hidden and each row is a two-column block. */
function PhoneLabel({ children }: { children: string }) {
  return <span className="mr-1 text-xs text-ink-400 md:hidden">{children}</span>;
}

const None = () => <span className="text-ink-400">—</span>;

const sideTokens = (side: 'long' | 'short') => (side === 'long' ? 'L tokens' : 'S tokens');

export function eventLabel(event: UserEvent): string {
  switch (event.kind) {
    case 'commit':
      return `${commitLabel(commitAction(event.commitType))}${event.fromEscrow ? ' (from escrow)' : ''}`;
    case 'transfer':
      return `${event.direction === 'in' ? 'Received' : 'Sent'} ${event.side === 'long' ? 'L' : 'S'} tokens`;
    case 'claim':
      return 'Claimed escrow to wallet';
    case 'autoClaimRequest':
      return `Paid AutoClaim to claim after interval ${event.intervalId}`;
    case 'autoClaimPaid':
      return 'Claimed for you by AutoClaim';
  }
}

export function AmountCell({
  event,
  pool,
  native,
}: {
  event: UserEvent;
  pool: RowPool;
  native: NativeCurrency;
}) {
  const { decimals, symbol } = pool.collateral;
  switch (event.kind) {
    case 'claim':
      return <None />;
    case 'autoClaimRequest':
    case 'autoClaimPaid':
      // Paid in the chain's own currency, to whoever claims: not collateral, and not a pool fee.
      return (
        <>
          <TokenAmount value={event.reward} decimals={native.decimals} unit={native.symbol} />{' '}
          <span className="text-ink-400">
            {event.kind === 'autoClaimRequest' ? 'reward offered' : 'reward paid'}
          </span>
        </>
      );
    case 'transfer':
      return <TokenAmount value={event.amount} decimals={decimals} unit="tokens" />;
    case 'commit':
      return (
        <TokenAmount
          value={event.amount}
          decimals={decimals}
          unit={commitAction(event.commitType)?.kind === 'mint' ? symbol : 'tokens'}
        />
      );
  }
}

/** What an executed commit gave: tokens of the side it minted, or collateral for a burn. */
function receivedUnit(event: UserEvent, pool: RowPool): string {
  const action = event.kind === 'commit' ? commitAction(event.commitType) : undefined;
  if (!action) return '';
  if (action.kind === 'burn') return pool.collateral.symbol;
  if (action.kind === 'mint') return sideTokens(action.side);
  return sideTokens(action.side === 'long' ? 'short' : 'long');
}

/** A stored token price, collateral per token, to four decimals (as the pools list shows prices). */
const priceText = (price: Quad) => formatNumber(quadToNumber(price), 4);

export function ExecutionCell({ event, pool, execution }: CellProps) {
  if (event.kind !== 'commit' || !execution) return <None />;
  if (execution.pending || !execution.execution || execution.received === undefined)
    return (
      <span className="text-ink-400">
        <PhoneLabel>Execution</PhoneLabel>Pending (interval {event.intervalId.toString()})
      </span>
    );
  const { intervalId, price } = execution.execution;
  return (
    <span className="flex flex-col">
      <span>
        <PhoneLabel>Executed</PhoneLabel>
        Interval {intervalId.toString()} at {priceText(price)} {pool.collateral.symbol} per token
      </span>
      <span className="text-ink-400">
        gave{' '}
        <TokenAmount
          value={execution.received}
          decimals={pool.collateral.decimals}
          unit={receivedUnit(event, pool)}
        />
      </span>
    </span>
  );
}

export function FeeCell({ event, pool, execution }: CellProps) {
  if (event.kind !== 'commit' || !execution) return <None />;
  const { decimals, symbol } = pool.collateral;
  // A burn or a flip pays its fees when its interval executes: until then they are not known.
  if (execution.pending && commitAction(event.commitType)?.kind !== 'mint')
    return (
      <span className="text-ink-400">
        <PhoneLabel>Fee</PhoneLabel>at execution
      </span>
    );
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1">
      <PhoneLabel>Fee</PhoneLabel>
      <TokenAmount value={execution.fees} decimals={decimals} unit={symbol} />
      <CopyButton value={formatUnits(execution.fees, decimals)} label="the exact fee" />
    </span>
  );
}
