/** The pool being simulated: leverage, skew, transfer function and fees, as a live pool's link fills them in. */
import { useId } from 'react';
import type { TransferKind } from '../../engine/index.ts';
import { Card } from '../../ui/Card.tsx';
import { FieldError } from '../../ui/FieldError.tsx';
import { NumberInput } from './FormFields.tsx';
import { TRANSFERS } from './fieldRules.ts';
import type { SimulatorFormApi } from './useSimulatorForm.ts';

const TRANSFER_LABELS: Record<TransferKind, string> = {
  sigmoid: 'V2 sigmoid (tanh)',
  power: 'V1 power',
};

export function PoolInputs({ api }: { api: SimulatorFormApi }) {
  const transferId = useId();
  const error = api.errors.transfer;
  return (
    <Card title="Pool">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <NumberInput field="leverage" api={api} hint="Whole number, 1 to 10." />
        <NumberInput field="skew" api={api} hint="1 = balanced; above 1, longs are in the majority." />
        <div className="flex min-w-0 flex-col gap-1">
          <label htmlFor={transferId} className="text-xs text-ink-400">
            Transfer function (path and Monte Carlo)
          </label>
          <select
            id={transferId}
            className="rounded-lg border border-ink-700 bg-ink-950 px-3 py-2 text-sm text-ink-50"
            value={api.inputs.transfer}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${transferId}-error` : undefined}
            onChange={(event) => api.setChoice('transfer', event.target.value)}
          >
            {TRANSFERS.map((t) => (
              <option key={t} value={t}>
                {TRANSFER_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldError id={`${transferId}-error`} message={error} />
        </div>
        <NumberInput field="intervalSeconds" api={api} hint="The pool's update interval; 3600 = hourly." />
        <NumberInput field="mintFeePercent" api={api} hint="Paid when minting." />
        <NumberInput field="burnFeePercent" api={api} hint="Paid when burning." />
        <NumberInput field="annualFeePercent" api={api} hint="Taken from both sides at every rebalance." />
        <NumberInput field="price" api={api} hint="Only to show moves in dollars." />
      </div>
    </Card>
  );
}
