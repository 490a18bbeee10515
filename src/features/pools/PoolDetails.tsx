/**
 * A pool's fee receivers, parameters and contract addresses, each address linked to the explorer; its L and S
 * tokens can be added to the connected wallet from beside their addresses.
 */
import type { ReactNode } from 'react';
import { annualFeeFromPerInterval } from '../../engine/metrics.ts';
import { Card } from '../../ui/Card.tsx';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { ExplorerLink } from '../../ui/ExplorerLink.tsx';
import { formatAmount, formatNumber, formatWadPercent } from '../../ui/format.ts';
import { AddToWallet } from '../portfolio/AddToWallet.tsx';
import { Money } from './poolCells.tsx';
import type { PoolRowView } from './poolView.ts';

function AddressRow({
  label,
  address,
  explorer,
  action,
}: {
  label: string;
  address: string;
  explorer: string | undefined;
  /** Anything more to do with the address, after its copy button. */
  action?: ReactNode;
}) {
  return (
    <>
      <dt className="text-ink-400">{label}</dt>
      <dd className="flex min-w-0 flex-wrap items-center gap-1 font-mono text-xs break-all">
        <ExplorerLink explorer={explorer} path={`address/${address}`} className="hover:text-sand-400">
          {address}
        </ExplorerLink>
        <CopyButton value={address} label={label} />
        {action}
      </dd>
    </>
  );
}

export function PoolDetails({ row, explorer }: { row: PoolRowView; explorer: string | undefined }) {
  const { state, info } = row.snapshot;
  const snap = row.snapshot;
  const annualFee = annualFeeFromPerInterval(state.feePerIntervalWad, state.updateInterval);
  return (
    <>
      <Card title="Olympus treasury share">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          <dt className="text-ink-400">Share of management fees</dt>
          <dd>{state.secondaryFeeSplitPercent.toString()}%</dd>
          <dt className="text-ink-400">Accrued, not yet claimed</dt>
          <dd>
            <Money row={row} raw={snap.secondaryFees} unit="collateral" />
          </dd>
          <AddressRow label="Received by" address={snap.secondaryFeeAddress} explorer={explorer} />
          <dt className="text-ink-400">Protocol fees accrued</dt>
          <dd>
            <Money row={row} raw={snap.primaryFees} unit="collateral" />
          </dd>
          <AddressRow label="Protocol fee address" address={snap.feeAddress} explorer={explorer} />
        </dl>
      </Card>
      <Card title="Parameters" className="lg:col-span-2">
        <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
          <dt className="text-ink-400">Leverage</dt>
          <dd>{row.leverage}x (V2.1 sigmoid value transfer)</dd>
          <dt className="text-ink-400">Update interval</dt>
          <dd>{state.updateInterval} s</dd>
          <dt className="text-ink-400">Front-running interval</dt>
          <dd>
            {state.frontRunningInterval} s: commits made closer than this to a rebalance wait for the next one
          </dd>
          <dt className="text-ink-400">Mint fee</dt>
          <dd>{formatWadPercent(state.mintingFeeWad)}</dd>
          <dt className="text-ink-400">Burn fee</dt>
          <dd>{formatWadPercent(state.burningFeeWad)}</dd>
          <dt className="text-ink-400">Mint fee change per rebalance</dt>
          <dd>{formatWadPercent(state.changeIntervalWad)}</dd>
          <dt className="text-ink-400">Management fee</dt>
          <dd>
            {formatNumber(annualFee * 100, 3)}% a year ({formatAmount(state.feePerIntervalWad, 16, 8)}% per
            rebalance)
          </dd>
          <AddressRow label="Pool" address={info.address} explorer={explorer} />
          <AddressRow label="Committer" address={info.committer} explorer={explorer} />
          <AddressRow label="Oracle" address={info.oracleWrapper} explorer={explorer} />
          <AddressRow label="Keeper" address={info.keeper} explorer={explorer} />
          <AddressRow
            label="Long token"
            address={info.longToken}
            explorer={explorer}
            action={<AddToWallet pool={info} side="long" className="inline-flex" />}
          />
          <AddressRow
            label="Short token"
            address={info.shortToken}
            explorer={explorer}
            action={<AddToWallet pool={info} side="short" className="inline-flex" />}
          />
          <AddressRow
            label={`Collateral (${row.collateral})`}
            address={info.collateral.address}
            explorer={explorer}
          />
        </dl>
      </Card>
    </>
  );
}
