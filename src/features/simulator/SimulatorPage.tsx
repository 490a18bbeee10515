import { ComingSoon } from '../../ui/ComingSoon.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function SimulatorPage() {
  return (
    <>
      <PageHeader
        title="Simulator"
        subtitle="What happens to a long or short position if the price moves, under this pool's skew and fees."
      />
      <ComingSoon
        items={[
          'Payoff of long and short tokens against a price move, under the V2 sigmoid, the V1 power function and a traditional perpetual',
          "A skew explorer: each side's effective gain and loss leverage as the skew changes",
          'Price paths, volatility decay and a Monte Carlo of outcomes',
          'Simulate a live pool, with every input in the link so it can be shared',
        ]}
      />
    </>
  );
}
