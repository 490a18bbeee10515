/**
 * The Simulator: what happens to a long or short position under a pool's leverage, skew and fees.
 * Every input lives in the link, so "Simulate this pool" links and shared simulations open exactly as sent.
 */
import { useDeferredValue, useMemo } from 'react';
import { Button } from '../../ui/Button.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { WhenVisible } from '../../ui/WhenVisible.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import { payoffAt, payoffChartData, skewChartData, skewFigures } from './chartData.ts';
import type { SimulatorInputs } from './fieldRules.ts';
import { MonteCarloPanel } from './MonteCarloPanel.tsx';
import { PathChart } from './PathChart.tsx';
import { PayoffChart } from './PayoffChart.tsx';
import { PoolInputs } from './PoolInputs.tsx';
import { pathChartData } from './pathData.ts';
import { SkewExplorer } from './SkewExplorer.tsx';
import { useMonteCarlo } from './useMonteCarlo.ts';
import { type SimulatorFormApi, useSimulatorForm } from './useSimulatorForm.ts';

export function SimulatorPage() {
  const api = useSimulatorForm();
  // The charts draw from deferred inputs, so typing stays responsive while they rebuild; on arrival they start
  // from nothing, so the page's head and form are on screen before the first (long) chart computation.
  const inputs = useDeferredValue<SimulatorInputs | undefined>(api.inputs, undefined);
  const { form } = api;
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
        {inputs ? (
          <SimulatorCharts inputs={inputs} api={api} />
        ) : (
          <div role="status" aria-label="Drawing the charts" className="flex flex-col gap-6">
            <Skeleton className="h-96 w-full" />
            <Skeleton className="h-96 w-full" />
          </div>
        )}
      </div>
    </>
  );
}

function SimulatorCharts({ inputs, api }: { inputs: SimulatorInputs; api: SimulatorFormApi }) {
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
  return (
    <>
      <PayoffChart data={payoff} readout={readout} inputs={inputs} api={api} />
      {/* Below the first screen: drawn as they come near it. */}
      <WhenVisible minHeight={480}>
        <SkewExplorer leverage={inputs.leverage} figures={skew} rows={skewRows} />
      </WhenVisible>
      <WhenVisible minHeight={560}>
        <PathChart data={path} inputs={inputs} api={api} />
      </WhenVisible>
      <WhenVisible minHeight={560}>
        <MonteCarloPanel state={monteCarlo} api={api} paths={inputs.paths} />
      </WhenVisible>
    </>
  );
}
