/**
 * The launch form's fields (docs/treasury.md §3). Each keeps its text in the link and shows its one error
 * as soon as it is typed; what makes a valid launch is decided in launchForm.ts, not here.
 */
import { type ReactNode, useId } from 'react';
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

type TextKey = 'market' | 'leverage' | 'update' | 'frontRunning' | 'mintFee' | 'burnFee' | 'change';

/** The input's id after the form's own (`${id}-mint`), its label, what it takes, and its hint under it. */
type TextRow = [suffix: string, label: string, inputMode: 'text' | 'numeric' | 'decimal', hint?: string];

const TEXT_FIELDS: Record<TextKey, TextRow> = {
  market: ['market', 'Market', 'text'],
  leverage: ['leverage', 'Leverage', 'numeric', 'A whole number from 1 to 65535.'],
  update: ['update', 'Update interval (seconds)', 'numeric', 'How often the pool rebalances.'],
  frontRunning: [
    'front',
    'Front-running interval (seconds)',
    'numeric',
    'Commits made this close to a rebalance wait for the next.',
  ],
  mintFee: ['mint', 'Minting fee (%)', 'decimal', 'Of each mint; at most 100.'],
  burnFee: ['burn', 'Burning fee (%)', 'decimal', 'Of each burn; at most 10.'],
  change: ['change', 'Change interval (%)', 'decimal', 'How far the minting fee moves per rebalance.'],
};

const FEE_FIELDS = ['mintFee', 'burnFee', 'change'] as const;

export function LaunchForm({ model }: { model: LaunchFormModel }) {
  const id = useId();
  const { inputs, setInputs, check, known, feeds } = model;
  const error = (field: LaunchField) => check.errors[field];
  const settlementFallback = settlementEthFeedOf(known, inputs.collateral);
  // One text field of the table above. A field whose hint depends on the check passes its own, which replaces
  // the table's hint when there is one (the front-running warning takes the hint's place).
  const text = (key: TextKey, own: { hint?: ReactNode; placeholder?: string } = {}) => {
    const [suffix, label, inputMode, hint] = TEXT_FIELDS[key];
    return (
      <TextField
        key={key}
        id={`${id}-${suffix}`}
        label={label}
        hint={own.hint ?? hint}
        placeholder={own.placeholder}
        inputMode={inputMode}
        value={inputs[key]}
        error={error(key)}
        onChange={(value) => setInputs({ [key]: value })}
      />
    );
  };
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
      {text('market', {
        hint: check.market && inputs.market === '' ? 'Named after the feed; type to change it.' : undefined,
        placeholder: check.market ?? 'ETH/USD',
      })}
      <div className="grid gap-4 sm:grid-cols-2">
        {text('leverage')}
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
        {text('update')}
        {text('frontRunning', {
          hint: check.warnings.frontRunning ? (
            <span role="alert" className="text-warn">
              {check.warnings.frontRunning}
            </span>
          ) : undefined,
        })}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">{FEE_FIELDS.map((key) => text(key))}</div>
    </form>
  );
}
