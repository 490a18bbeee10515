/**
 * Monte Carlo: the distribution of each side's value after the horizon, as a quantile fan
 * over time and a table of quantiles, and the probability of losing more than a chosen share (drawn by
 * MonteCarloResults). The run happens in a worker after the inputs settle (useMonteCarlo); the last result
 * stays visible, marked, meanwhile.
 */
import { Card } from '../../ui/Card.tsx';
import { Notice } from '../../ui/Notice.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';
import { NumberInput } from './FormFields.tsx';
import { MonteCarloResults } from './MonteCarloResults.tsx';
import type { MonteCarloState } from './useMonteCarlo.ts';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

export function MonteCarloPanel({
  state,
  api,
  paths,
}: {
  state: MonteCarloState;
  api: SimulatorFormApi;
  paths: number;
}) {
  const { view, busy, error } = state;
  return (
    <Card
      title={
        <span className="flex items-center gap-3">
          Monte Carlo
          {busy ? (
            <span role="status" className="flex items-center gap-2 text-xs font-normal text-ink-400">
              <span
                className="size-3 animate-spin rounded-full border-2 border-sand-400 border-t-transparent"
                aria-hidden
              />
              {view ? 'Updating…' : `Running ${paths.toLocaleString('en-US')} paths…`}
            </span>
          ) : null}
        </span>
      }
    >
      <div className="mb-4 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <NumberInput field="paths" api={api} hint="100 to 20,000, run in the background." />
        <NumberInput field="lossPercent" api={api} />
      </div>
      <p className="mb-4 text-sm text-ink-400">
        Paths of the price model above (drift, volatility, horizon, seed), each rebalancing the pool every
        step with its skew moving as the sides' balances do.
      </p>
      {error ? (
        <Notice tone="error">The simulation failed: {error}. Change an input to try again.</Notice>
      ) : null}
      {view ? (
        <div
          className={busy ? 'opacity-60 transition-opacity' : 'transition-opacity'}
          aria-busy={busy || undefined}
        >
          <MonteCarloResults view={view} />
        </div>
      ) : error ? null : (
        <div className="grid gap-4 lg:grid-cols-2" aria-hidden>
          <Skeleton className="h-56 w-full" />
          <Skeleton className="h-56 w-full" />
        </div>
      )}
    </Card>
  );
}
