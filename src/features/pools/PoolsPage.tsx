import { ComingSoon } from '../../ui/ComingSoon.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function PoolsPage() {
  return (
    <>
      <PageHeader
        title="Pools"
        subtitle="Every Olympus pool: its long and short sides, skew, rebalancing rate and time to the next rebalance."
      />
      <ComingSoon
        items={[
          'One row per pool: market, leverage, OHM or gOHM collateral, oracle price and its change since the last rebalance',
          'Long and short balances, skew and rebalancing rate, effective gain and loss leverage of each side',
          'L and S token prices now and after the next rebalance, a countdown to it, and your holdings',
          'Sorting, filters and search; a page per pool with its history and parameters',
        ]}
      />
    </>
  );
}
