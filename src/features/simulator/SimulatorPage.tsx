/**
 * The Simulator: what happens to a long or short position under a pool's leverage, skew and fees.
 * Every input lives in the link, so "Simulate this pool" links and shared simulations open exactly as sent.
 */
import { useDeferredValue } from 'react';
import { Button } from '../../ui/Button.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { WhenVisible } from '../../ui/WhenVisible.tsx';
import { CopyLinkButton } from './CopyLinkButton.tsx';
import type { SimulatorInputs } from './fieldRules.ts';
import { MonteCarloPanel } from './MonteCarloPanel.tsx';
import { PathChart } from './PathChart.tsx';
import { PayoffChart } from './PayoffChart.tsx';
import { PoolInputs } from './PoolInputs.tsx';
import { SkewExplorer } from './SkewExplorer.tsx';
import { type ChartView, useChartData } from './useChartData.ts';
import { useMonteCarlo } from './useMonteCarlo.ts';
import { type SimulatorFormApi, useSimulatorForm } from './useSimulatorForm.ts';

export function SimulatorPage() {
  const api = useSimulatorForm();
  // The charts draw from deferred inputs, so a keystroke's urgent render leaves them alone; their data is built
  // off the main thread (useChartData), and until the first answer the skeleton stands in for them.
  const inputs = useDeferredValue<SimulatorInputs | undefined>(api.inputs, undefined);
  const charts = useChartData(inputs);
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
        {charts.error ? (
          <Notice tone="error">
            The charts could not be built: {charts.error}. Change an input to try again.
          </Notice>
        ) : null}
        {charts.view ? (
          <SimulatorCharts view={charts.view} pending={charts.pending} api={api} />
        ) : charts.error ? null : (
          <div role="status" aria-label="Drawing the charts" className="flex flex-col gap-6">
            <Skeleton className="h-96 w-full" />
            <Skeleton className="h-96 w-full" />
          </div>
        )}
      </div>
    </>
  );
}

function SimulatorCharts({
  view,
  pending,
  api,
}: {
  view: ChartView;
  pending: boolean;
  api: SimulatorFormApi;
}) {
  const { inputs } = view;
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
  // While newer data is built, the charts stay as they were, each drawn with the inputs of its own data.
  return (
    <div className="flex flex-col gap-6" aria-busy={pending || undefined}>
      <PayoffChart data={view.payoff} readout={view.readout} inputs={inputs} api={api} />
      {/* Below the first screen: drawn as they come near it. */}
      <WhenVisible minHeight={480}>
        <SkewExplorer leverage={inputs.leverage} figures={view.skew.figures} rows={view.skew.rows} />
      </WhenVisible>
      <WhenVisible minHeight={560}>
        <PathChart data={view.path} inputs={inputs} api={api} />
      </WhenVisible>
      <WhenVisible minHeight={560}>
        <MonteCarloPanel state={monteCarlo} api={api} paths={inputs.paths} />
      </WhenVisible>
    </div>
  );
}
