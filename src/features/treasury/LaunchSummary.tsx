/**
 * What the launch will create and who gains from it, before anything is sent: the pool's name as the
 * factory builds it, its address, the launcher's share of the management fees, and a warning for each reason
 * the pool would not be listed as an Olympus pool (docs/protocol.md §8, docs/treasury.md §4).
 */
import type { ReactNode } from 'react';
import { describeReadFailure } from '../../chain/errors/endpointFailure.ts';
import { CopyButton } from '../../ui/CopyButton.tsx';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { formatWadPercent } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import type { LaunchFormModel } from './useLaunchForm.ts';

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <>
      <dt className="mt-2 text-ink-400 first:mt-0 sm:mt-0">{term}</dt>
      <dd className="min-w-0 break-words font-mono text-ink-50">{children}</dd>
    </>
  );
}

function AddressValue({ address, label, note }: { address: string; label: string; note?: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2">
      <span className="break-all" data-address={label}>
        {address}
      </span>
      <CopyButton value={address} label={label} />
      {note ? <span className="font-sans text-xs text-ink-400">{note}</span> : null}
    </span>
  );
}

export function LaunchSummary({ model }: { model: LaunchFormModel }) {
  const { terms, plan, poolName, account, warnings, deployment, check } = model;
  const olympus = deployment.olympus;
  // Read from the factory, never assumed: its governance can change the split for later pools.
  const split = terms.data ? `${terms.data.secondaryFeeSplitPercent}%` : 'the factory’s share';
  return (
    <div className="space-y-4">
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[auto_minmax(0,1fr)] sm:gap-y-2">
        <Row term="Pool">
          <span data-pool-name>{poolName ?? '—'}</span>
        </Row>
        <Row term="Pool address">
          {plan ? (
            <AddressValue
              address={plan.pool.address}
              label="pool address"
              note={plan.pool.confirmed ? undefined : '(predicted)'}
            />
          ) : (
            <span className="font-sans text-ink-400">
              {account
                ? check.reading
                  ? 'Reading the feeds…'
                  : 'Known once every field is valid.'
                : 'Connect the launching account: the wrappers, and so the pool’s address, depend on it.'}
            </span>
          )}
        </Row>
        {plan ? (
          <>
            <Row term="Market wrapper">
              <AddressValue address={plan.wrappers.market.address} label="market wrapper address" />
            </Row>
            <Row term="Settlement wrapper">
              <AddressValue
                address={plan.wrappers.settlementEth.address}
                label="settlement wrapper address"
              />
            </Row>
          </>
        ) : null}
      </dl>
      {terms.error && !terms.data ? (
        <ErrorState
          what="the factory’s terms"
          problem={describeReadFailure(terms.error)}
          onRetry={() => void terms.refetch()}
        />
      ) : null}
      <p className="text-sm text-ink-200">
        The account that launches the pool becomes its secondary fee address and receives {split} of its
        management fees
        {terms.data
          ? ` (${formatWadPercent(terms.data.annualFee)} a year of the pool’s collateral in all)`
          : ''}
        : launched from the Olympus treasury, that share goes to the treasury. The same account is the pool’s
        fee controller, which may change its minting and burning fees later.
      </p>
      {warnings.sameName ? <Notice tone="warn">{warnings.sameName}</Notice> : null}
      {!olympus ? (
        <Notice tone="warn">
          No Olympus treasury is configured on this chain yet: a pool launched here will not be listed as an
          Olympus pool.
        </Notice>
      ) : warnings.notTreasury && account ? (
        <Notice tone="warn">
          You are connected as {account}, not the Olympus treasury ({olympus.treasury}). A pool you launch
          pays its fee share to you and will not be listed as an Olympus pool.
        </Notice>
      ) : null}
      {warnings.unknownFeeds.map((feed) => (
        <Notice key={feed} tone="warn">
          {feed} is not on this chain’s list of known price feeds: a pool reading it will not be listed as an
          Olympus pool.
        </Notice>
      ))}
      {olympus && warnings.foreignGovernance && terms.data ? (
        <Notice tone="warn">
          This factory’s governance ({terms.data.governance}) is not Olympus governance: its pools will not be
          listed as Olympus pools.
        </Notice>
      ) : null}
    </div>
  );
}
