/**
 * The launch form's fields (docs/treasury.md §3). Each keeps its text in the link and shows its one error
 * as soon as it is typed; what makes a valid launch is decided in launchForm.ts, not here.
 */
import { useId } from 'react';
import { settlementEthFeedOf } from '../../chain/react/useLaunchReads.ts';
import { Segmented } from '../../ui/Segmented.tsx';
import { TextField } from '../../ui/TextField.tsx';
import { FeedField } from './FeedField.tsx';
import type { LaunchField } from './launchForm.ts';
import type { LaunchFormModel } from './useLaunchForm.ts';

const COLLATERALS = [
  ['OHM', 'OHM'],
  ['gOHM', 'gOHM'],
] as const;

export function LaunchForm({ model }: { model: LaunchFormModel }) {
  const id = useId();
  const { inputs, setInputs, check, known, feeds } = model;
  const error = (field: LaunchField) => check.errors[field];
  const settlementFallback = settlementEthFeedOf(known, inputs.collateral);
  return (
    <form className="space-y-5" noValidate onSubmit={(e) => e.preventDefault()}>
      <FeedField
        label="Market price feed (Chainlink-style, priced in USD)"
        known={known}
        value={inputs.feed}
        onChange={(feed) => setInputs({ feed })}
        // An untouched empty feed is not an error yet: its select says "Choose a feed".
        error={inputs.feed === '' ? undefined : error('feed')}
        reading={feeds.market.data}
        loading={check.feeds.market !== undefined && feeds.market.isPending}
      />
      <TextField
        id={`${id}-market`}
        label="Market"
        hint={check.market && inputs.market === '' ? 'Named after the feed; type to change it.' : undefined}
        placeholder={check.market ?? 'ETH/USD'}
        value={inputs.market}
        error={error('market')}
        onChange={(market) => setInputs({ market })}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-leverage`}
          label="Leverage"
          hint="A whole number from 1 to 65535."
          inputMode="numeric"
          value={inputs.leverage}
          error={error('leverage')}
          onChange={(leverage) => setInputs({ leverage })}
        />
        <Segmented<string>
          legend="Collateral"
          value={inputs.collateral}
          options={COLLATERALS}
          error={error('collateral')}
          // Another collateral needs its own settlement/ETH feed: back to the chain's known one.
          onChange={(collateral) => setInputs({ collateral, ethFeed: '' })}
        />
      </div>
      <FeedField
        label={`Settlement/ETH feed: ${inputs.collateral} per ETH (prices keeper rewards)`}
        known={known}
        value={inputs.ethFeed}
        fallback={settlementFallback}
        onChange={(ethFeed) => setInputs({ ethFeed })}
        error={error('ethFeed')}
        reading={feeds.settlementEth.data}
        loading={check.feeds.settlementEth !== undefined && feeds.settlementEth.isPending}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          id={`${id}-update`}
          label="Update interval (seconds)"
          hint="How often the pool rebalances."
          inputMode="numeric"
          value={inputs.update}
          error={error('update')}
          onChange={(update) => setInputs({ update })}
        />
        <TextField
          id={`${id}-front`}
          label="Front-running interval (seconds)"
          hint={
            check.warnings.frontRunning ? (
              <span role="alert" className="text-warn">
                {check.warnings.frontRunning}
              </span>
            ) : (
              'Commits made this close to a rebalance wait for the next.'
            )
          }
          inputMode="numeric"
          value={inputs.frontRunning}
          error={error('frontRunning')}
          onChange={(frontRunning) => setInputs({ frontRunning })}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField
          id={`${id}-mint`}
          label="Minting fee (%)"
          hint="Of each mint; at most 100."
          inputMode="decimal"
          value={inputs.mintFee}
          error={error('mintFee')}
          onChange={(mintFee) => setInputs({ mintFee })}
        />
        <TextField
          id={`${id}-burn`}
          label="Burning fee (%)"
          hint="Of each burn; at most 10."
          inputMode="decimal"
          value={inputs.burnFee}
          error={error('burnFee')}
          onChange={(burnFee) => setInputs({ burnFee })}
        />
        <TextField
          id={`${id}-change`}
          label="Change interval (%)"
          hint="How far the minting fee moves per rebalance."
          inputMode="decimal"
          value={inputs.change}
          error={error('change')}
          onChange={(change) => setInputs({ change })}
        />
      </div>
    </form>
  );
}
