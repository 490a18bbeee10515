import { ComingSoon } from '../../ui/ComingSoon.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function PortfolioPage() {
  return (
    <>
      <PageHeader
        title="Portfolio"
        subtitle="Your positions in every Olympus pool, in your wallet and in escrow."
      />
      <ComingSoon
        items={[
          'Long and short tokens and collateral per pool, in wallet and in escrow, valued in OHM or gOHM and in USD',
          'Cost basis and profit or loss from your own on-chain history',
          'Claim one pool or all of them',
        ]}
      />
    </>
  );
}
