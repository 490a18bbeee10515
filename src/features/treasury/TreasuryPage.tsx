/**
 * `#/treasury`: launching a new Olympus pool (docs/treasury.md). The form on one side; on the other, what
 * will be deployed, who gains from it, and the steps, sent one by one from the connected account, an EOA or a
 * Safe alike.
 */
import { useAppConfig } from '../../chain/react/DeploymentContext.tsx';
import { Card } from '../../ui/Card.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';
import { LaunchForm } from './LaunchForm.tsx';
import { LaunchSteps } from './LaunchSteps.tsx';
import { LaunchSummary } from './LaunchSummary.tsx';
import { useLaunchForm } from './useLaunchForm.ts';

export function TreasuryPage() {
  const app = useAppConfig();
  const model = useLaunchForm();
  const chainName = app.chains.find((c) => c.id === model.chainId)?.name ?? `chain ${model.chainId}`;
  return (
    <>
      <PageHeader
        title="Treasury"
        subtitle={`Launch a new Olympus pool on ${chainName}: two oracle wrappers, then the pool, each a transaction you sign. Nothing is sent until every field is valid.`}
      />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card title="New pool">
          <LaunchForm model={model} />
        </Card>
        <div className="min-w-0 space-y-6">
          <Card title="What will be deployed">
            <LaunchSummary model={model} />
          </Card>
          <Card title="Steps">
            <LaunchSteps model={model} chainName={chainName} />
          </Card>
        </div>
      </div>
    </>
  );
}
