import { ComingSoon } from '../../ui/ComingSoon.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function TradePage() {
  return (
    <>
      <PageHeader title="Trade" subtitle="Mint, burn or flip long and short tokens with OHM or gOHM." />
      <ComingSoon
        items={[
          'Mint, burn and flip, paid from your wallet or from escrow, with every input checked before anything is sent',
          'An exact-amount approval by default; unlimited only if you choose it',
          'A preview before you sign: tokens expected, mint and burn fees, execution time, and the skew after your trade',
          'Your pending commits with a countdown, and claiming from escrow',
        ]}
      />
    </>
  );
}
