/**
 * The Simulator: what happens to a long or short position under a pool's leverage, skew and fees.
 * Every input lives in the link, so "Simulate this pool" links and shared simulations open exactly as sent.
 * Charts draw from deferred inputs, so typing stays responsive while they rebuild.
 */
import { useDeferredValue, useMemo } from 'react';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { payoffAt, payoffChartData, skewChartData, skewFigures } from './chartData.ts';
import { MonteCarloPanel } from './MonteCarloPanel.tsx';
import { PathChart } from './PathChart.tsx';
import { PayoffChart } from './PayoffChart.tsx';
import { PoolInputs } from './PoolInputs.tsx';
import { pathChartData } from './pathData.ts';
import { SkewExplorer } from './SkewExplorer.tsx';
import { useMonteCarlo } from './useMonteCarlo.ts';
import { useSimulatorForm } from './useSimulatorForm.ts';

export function SimulatorPage() {
  const api = useSimulatorForm();
  const inputs = useDeferredValue(api.inputs);
  const { form } = api;

  const payoff = useMemo(() => payoffChartData(inputs), [inputs]);
  const readout = useMemo(() => payoffAt(inputs, inputs.movePercent), [inputs]);
  const skewRows = useMemo(() => skewChartData(inputs.skew, inputs.leverage), [inputs.skew, inputs.leverage]);
  const skew = useMemo(() => skewFigures(inputs.skew, inputs.leverage), [inputs.skew, inputs.leverage]);
  const path = useMemo(() => pathChartData(inputs), [inputs]);
  const monteCarlo = useMonteCarlo({
    leverage: inputs.leverage,
    skew: inputs.skew,
    transfer: inputs.transfer,
    annualFeePercent: inputs.annualFeePercent,
    mintFeePercent: inputs.mintFeePercent,
    burnFeePercent: inputs.burnFeePercent,
    intervalSeconds: inputs.intervalSeconds,
    driftPercent: inputs.driftPercent,
    volatilityPercent: inputs.volatilityPercent,
    horizon: inputs.horizon,
    seed: inputs.seed,
    paths: inputs.paths,
    lossPercent: inputs.lossPercent,
  });

  const subject = [form.pool, form.market].filter((s) => s !== '').join(' · ');
  const invalidCount = Object.keys(api.errors).length;

  return (
    <>
      <PageHeader
        title={subject ? `Simulator: ${subject}` : 'Simulator'}
        subtitle="What happens to a long or short position if the price moves, under a pool's leverage, skew and fees. Every input is in the link: copy it to share this simulation."
        actions={
          <div className="flex items-center gap-2">
            <CopyLinkButton />
            <Button variant="secondary" onClick={api.reset}>
              Reset
            </Button>
          </div>
        }
      />
      {invalidCount > 0 ? (
        <p className="mb-4 text-sm text-warn">
          {invalidCount === 1 ? 'One input needs' : `${invalidCount} inputs need`} fixing; the charts use the
          last valid value meanwhile.
        </p>
      ) : null}
      <div className="flex flex-col gap-6">
        <PoolInputs api={api} />
        <PayoffChart data={payoff} readout={readout} inputs={inputs} api={api} />
        <SkewExplorer leverage={inputs.leverage} figures={skew} rows={skewRows} />
        <PathChart data={path} inputs={inputs} api={api} />
        <MonteCarloPanel state={monteCarlo} api={api} paths={inputs.paths} />
      </div>
    </>
  );
}
