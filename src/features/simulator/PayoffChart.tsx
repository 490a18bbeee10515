/**
 * Payoff: the value of an L or S token position against the asset's price move, after one rebalance and after
 * N, for the V2 sigmoid, the V1 power function and a traditional perpetual with its liquidation marked
 * (PayoffFigure, with the same rows as a table); under it, the figures at one chosen move (PayoffReadout).
 */
import { Card } from '../../ui/Card.tsx';
import { Segmented } from '../../ui/Segmented.tsx';
import type { PayoffChartData, PayoffRow } from './chartData.ts';
import { NumberInput, Toggles } from './FormFields.tsx';
import type { PayoffModel, SideChoice, SimulatorInputs } from './fieldRules.ts';
import { PayoffFigure } from './PayoffFigure.tsx';
import { LiquidationNote, Readout } from './PayoffReadout.tsx';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

const MODEL_LABELS: ReadonlyArray<readonly [PayoffModel, string]> = [
  ['sigmoid', 'V2 sigmoid'],
  ['power', 'V1 power'],
  ['perpetual', 'Perpetual'],
];
const SIDE_LABELS: ReadonlyArray<readonly [SideChoice, string]> = [
  ['long', 'Long (L)'],
  ['short', 'Short (S)'],
  ['both', 'Both'],
];

type Inputs = Pick<SimulatorInputs, 'leverage' | 'side' | 'models' | 'price' | 'movePercent'>;

export function PayoffChart({
  data,
  readout,
  inputs,
  api,
}: {
  data: PayoffChartData;
  readout: PayoffRow;
  inputs: Inputs;
  api: SimulatorFormApi;
}) {
  const { long: longLiquidation, short: shortLiquidation } = data.liquidationPercent;

  return (
    <Card title="Payoff">
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <NumberInput field="rebalances" api={api} hint="The move spread over N equal rebalances." />
        <NumberInput field="movePercent" api={api} hint="Figures below the chart are at this move." />
        <Segmented
          className="min-w-0"
          legend="Side"
          value={api.inputs.side}
          options={SIDE_LABELS}
          onChange={(side) => api.setChoice('side', side)}
          error={api.errors.side}
        />
        <Toggles
          legend="Models"
          selected={api.inputs.models}
          options={MODEL_LABELS}
          onChange={(models) => api.setChoice('models', models.join(','))}
          error={api.errors.models}
        />
      </div>
      <PayoffFigure
        data={data}
        side={inputs.side}
        models={inputs.models}
        leverage={inputs.leverage}
        price={inputs.price}
      />
      <LiquidationNote leverage={inputs.leverage} long={longLiquidation} short={shortLiquidation} />
      <Readout row={readout} steps={data.steps} startPrice={inputs.price} />
    </Card>
  );
}
