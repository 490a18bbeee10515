/**
 * One age, said one way (src/ui/age.ts): the freshness badge, its notice, the trade form's refusal on stale
 * figures, the "Run upkeep" refusal and a transaction's "sent … ago" say the same number of seconds the same
 * way, so the badge can never read "2 min ago" beside a form that reads "90 s ago".
 */
import { render, screen } from '@testing-library/react';
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { upkeepOffer } from '../../src/features/pools/upkeepHealth.ts';
import { InFlightNotice } from '../../src/features/trade/InFlight.tsx';
import { deriveTrade, EMPTY_INPUTS } from '../../src/features/trade/tradeDerivation.ts';
import { formatAge } from '../../src/ui/age.ts';
import { FreshnessBadge, FreshnessNotice } from '../../src/ui/Freshness.tsx';
import { NOW, OHM_POOL, ohmPool, withUser } from '../fixtures/pools.ts';

const SECONDS = [0, 42, 90, 119, 120, 150, 3725, 7200, 90_000, 200_000];

/** The age a stale badge, its notice, the trade form, the upkeep refusal and a sent transaction give. */
function agesSaid(seconds: number): string[] {
  const stale = {
    kind: 'stale' as const,
    ageSeconds: seconds,
    blockNumber: 100n,
    endpoint: 'rpc.example.org',
    reason: undefined,
  };
  const badge = render(<FreshnessBadge state={stale} />);
  const badgeText = badge.container.textContent ?? '';
  badge.unmount();
  const notice = render(<FreshnessNotice state={stale} what="pool figures" />);
  const noticeText = notice.container.textContent ?? '';
  notice.unmount();
  const form = deriveTrade({
    pool: withUser(OHM_POOL, parseUnits('100', 9)),
    choice: { side: 'long', action: 'mint' },
    inputs: { ...EMPTY_INPUTS, amount: '1' },
    chainNow: NOW,
    blockTimestamp: BigInt(NOW),
    chainName: 'Olympus devnet',
    locale: 'en-US',
    staleSeconds: seconds,
    wallet: { connected: true, onPoolChain: true },
    settlement: undefined,
    submitted: false,
  }).step;
  const formText = form.kind === 'stale' ? form.message : '';
  const offer = upkeepOffer(ohmPool({ lastPriceTimestamp: NOW - 90 }), NOW, {
    maxFeedAgeSeconds: 120,
    staleFiguresSeconds: seconds,
  });
  const offerText = offer.kind === 'refused' ? offer.reason : '';
  const sent = render(
    <InFlightNotice
      inFlight={[
        {
          hash: `0x${'ab'.repeat(32)}`,
          chainId: 31337,
          account: '0x00000000000000000000000000000000000000a1',
          label: 'Mint long 1 OHM',
          sentAt: 1_000_000,
          intent: {
            kind: 'approve',
            pool: '0x00000000000000000000000000000000000000a2',
            token: '0x00000000000000000000000000000000000000a3',
          },
          refresh: [],
        },
      ]}
      explorer={undefined}
      onSendAnother={undefined}
      now={1_000_000 + seconds * 1000}
    />,
  );
  const sentText = screen.getByText(/sent/).textContent ?? '';
  sent.unmount();
  return [
    /figures from (.+?) ago/.exec(badgeText)?.[1],
    /(\d+ (?:s|min|h|days)) ago/.exec(noticeText)?.[1],
    /figures from (.+?) ago/.exec(formText)?.[1],
    /These figures are (.+?) old/.exec(offerText)?.[1],
    /sent (.+?) ago/.exec(sentText)?.[1],
  ].map((age) => age ?? '(none)');
}

describe('an age', () => {
  it('is said the same way in the badge, the notice, the trade form, the upkeep refusal and a sent transaction', () => {
    for (const seconds of SECONDS) {
      const said = agesSaid(seconds);
      expect(said, `${seconds} s`).toEqual(said.map(() => formatAge(seconds)));
    }
  });

  it('reads in seconds up to two minutes, then whole minutes, hours and days, never rounded up', () => {
    expect(SECONDS.map(formatAge)).toEqual([
      '0 s',
      '42 s',
      '90 s',
      '119 s',
      '2 min',
      '2 min',
      '62 min',
      '2 h',
      '25 h',
      '2 days',
    ]);
  });
});
