/** One row of the Portfolio's history: when, which pool, what, how much, and the transaction that did it. */
import type { UserEvent } from '../../chain/history/historySource.ts';
import type { PoolInfo } from '../../chain/poolRegistry.ts';
import { COMMIT_LABEL } from '../../engine/commitLabels.ts';
import { CommitType } from '../../engine/commits.ts';
import { shortAddress } from '../../ui/format.ts';
import { TokenAmount } from '../../ui/TokenAmount.tsx';

export function HistoryRow({
  event,
  pool,
  explorer,
}: {
  event: UserEvent;
  pool: Pick<PoolInfo, 'name' | 'collateral'>;
  /** The chain's explorer, where it has one. */
  explorer: string | undefined;
}) {
  const hash = event.transactionHash;
  return (
    <tr className="border-t border-ink-800 max-md:grid max-md:grid-cols-2 max-md:gap-x-3 max-md:py-2">
      <td className="py-2 text-ink-400 max-md:py-0.5" title={`block ${event.blockNumber}`}>
        {event.timestamp ? new Date(event.timestamp * 1000).toLocaleString() : `block ${event.blockNumber}`}
      </td>
      <td>{pool.name}</td>
      <td>
        {event.kind === 'commit'
          ? `${COMMIT_LABEL[event.commitType]}${event.fromEscrow ? ' (from escrow)' : ''}`
          : `${event.direction === 'in' ? 'Received' : 'Sent'} ${event.side === 'long' ? 'L' : 'S'} tokens`}
      </td>
      <td className="font-mono">
        <TokenAmount value={event.amount} decimals={pool.collateral.decimals} />{' '}
        {event.kind === 'commit' &&
        (event.commitType === CommitType.LongMint || event.commitType === CommitType.ShortMint)
          ? pool.collateral.symbol
          : 'tokens'}
      </td>
      <td className="font-mono text-xs">
        {explorer ? (
          // Tall enough for a finger on a touch screen, like every other link in the app.
          <a
            className="text-sand-400 underline pointer-coarse:inline-flex pointer-coarse:min-h-11 pointer-coarse:items-center"
            href={`${explorer}/tx/${hash}`}
            target="_blank"
            rel="noopener noreferrer"
            title={hash}
          >
            {shortAddress(hash)}
          </a>
        ) : (
          <span title={hash}>{shortAddress(hash)}</span>
        )}
      </td>
    </tr>
  );
}
