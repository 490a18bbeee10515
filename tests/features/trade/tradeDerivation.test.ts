/** What the trade form shows for each state of wallet, pool, figures and amount, without React. */
import { formatUnits, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PoolSnapshot } from '../../../src/chain/pools/poolReader.ts';
import { deriveTrade, EMPTY_INPUTS, type TradeContext } from '../../../src/features/trade/tradeDerivation.ts';
import { NOW, OHM_POOL, ohmPool, poolSnapshot, withUser } from '../../fixtures/pools.ts';
import { tradeContext } from '../../fixtures/trade.ts';

const pool = withUser(OHM_POOL, parseUnits('1', 9));

function derive(patch: Partial<TradeContext> & { amount?: string; pool?: PoolSnapshot } = {}) {
  const { amount = '', ...rest } = patch;
  return deriveTrade(tradeContext(pool, { inputs: { ...EMPTY_INPUTS, amount }, ...rest }));
}

describe('deriveTrade', () => {
  it('offers one step at a time: connect, then switch network, then the trade', () => {
    expect(derive({ wallet: { connected: false, onPoolChain: false } }).buttonLabel).toBe('Connect wallet');
    expect(derive({ wallet: { connected: true, onPoolChain: false } }).buttonLabel).toBe(
      'Switch to Olympus devnet',
    );
    expect(derive({ amount: '0.5' }).buttonLabel).toBe('Mint long');
  });

  it('asks for an approval only above the allowance, and names the collateral', () => {
    const above = derive({ amount: '5' });
    expect(above.step).toEqual({ kind: 'approve', amount: parseUnits('5', 9) });
    expect(above.buttonLabel).toBe('Approve OHM');
    expect(derive({ amount: '1' }).step.kind).toBe('commit');
  });

  it('keeps the empty field quiet until the user tries to submit', () => {
    expect(derive().fieldError).toBeUndefined();
    expect(derive({ submitted: true }).fieldError).toBe('Enter an amount.');
    expect(derive({ amount: '0' }).fieldError).toBe('The amount must be above zero.');
  });

  it('previews a valid amount with the engine, and labels a flip by the side it leaves', () => {
    const mint = derive({ amount: '1' });
    expect(mint.preview?.intervalId).toBe(pool.state.updateIntervalId);
    expect(mint.preview?.executesAt).toBeGreaterThan(BigInt(NOW));
    expect(mint.previewError).toBeUndefined();
    const flip = derive({ amount: '1', choice: { side: 'long', action: 'flip' } });
    expect(flip.unit).toBe('L tokens');
    expect(flip.buttonLabel).toBe('Flip long → short');
  });

  it('sends nothing on stale figures or into a paused pool', () => {
    const stale = derive({ amount: '1', staleSeconds: 42 });
    expect(stale.buttonLabel).toBe('Waiting for fresh figures…');
    expect(stale.disabled).toBe(true);
    expect(stale.step).toMatchObject({ kind: 'stale', message: expect.stringMatching(/42 s ago/) });
    const paused = derive({ amount: '1', pool: { ...pool, paused: true } });
    expect([paused.buttonLabel, paused.disabled]).toEqual(['Pool paused', true]);
  });

  it('refuses a commit that would join an interval below one the user already has listed', () => {
    const listedAbove = {
      longFeeCredit: 0n,
      shortFeeCredit: 0n,
      remainingIntervalIds: [pool.state.updateIntervalId + 5n],
    } as unknown as NonNullable<TradeContext['settlement']>;
    const result = derive({ amount: '1', settlement: listedAbove });
    expect(result.preview).toBeUndefined();
    expect(result.previewError).toMatch(/would never credit them to you|never credit them/);
    expect(result.step.kind).toBe('invalid');
  });
});

describe('deriveTrade: a commit that would yield nothing is refused, naming the least that yields a unit', () => {
  /** A pool whose long token is worth 1.5 OHM and short token 0.6 OHM, and a user holding both tokens. */
  const skewed = (() => {
    const base = withUser(
      poolSnapshot({
        name: '3-ETH/USD+OHM',
        address: '0x0000000000000000000000000000000000000002',
        collateral: 'OHM',
        leverage: 3,
        long: '1500',
        short: '600',
      }),
      parseUnits('100', 9),
    );
    return { ...base, user: { ...base.user!, shortWallet: parseUnits('10', 9) } };
  })();
  /** The amount the refusal names: the last amount in the sentence. */
  const named = (message: string | undefined) => {
    const found = message?.match(/is ([\d.]+) (?:OHM|L tokens|S tokens)\.$/);
    if (!found) throw new Error(`no amount named in: ${message}`);
    return found[1]!;
  };
  const oneUnitLess = (text: string) => formatUnits(parseUnits(text, 9) - 1n, 9);

  it.each([
    { action: 'mint', side: 'long', out: 'L tokens', unit: 'OHM', yields: 'tokensOut' },
    { action: 'burn', side: 'short', out: 'OHM', unit: 'S tokens', yields: 'settlementOut' },
    { action: 'flip', side: 'short', out: 'L tokens', unit: 'S tokens', yields: 'tokensOut' },
  ] as const)(
    'a $action of one unit on the $side side: refused, and the amount named does yield',
    ({ action, side, out, unit, yields }) => {
      const choice = { side, action };
      const tiny = derive({ pool: skewed, amount: '0.000000001', choice });
      expect(tiny.preview).toBeUndefined();
      expect(tiny.step.kind).toBe('invalid');
      expect(tiny.previewError).toMatch(
        new RegExp(
          `^This ${action} would (give|pay) you 0 ${out}: the smallest ${action} that (gives|pays) at least one unit \\(0\\.000000001 ${out}\\) is [\\d.]+ ${unit}\\.$`,
        ),
      );
      const smallest = named(tiny.previewError);
      const enough = derive({ pool: skewed, amount: smallest, choice });
      expect(enough.previewError).toBeUndefined();
      expect(enough.preview?.[yields]).toBeGreaterThanOrEqual(1n);
      const less = oneUnitLess(smallest);
      if (less !== '0')
        expect(derive({ pool: skewed, amount: less, choice }).previewError).toMatch(/would (give|pay) you 0/);
    },
  );
});

describe('deriveTrade: the preview says when and why it may differ from the chain (§3.10)', () => {
  const at = (lastPriceTimestamp: number, feed = true) => {
    const snapshot = withUser(ohmPool({ lastPriceTimestamp }), parseUnits('100', 9));
    return feed ? snapshot : { ...snapshot, health: { ...snapshot.health, settlementEthPrice: undefined } };
  };

  it('before the front-running window, on a keeper on time: nothing to add', () => {
    const result = derive({ pool: at(NOW - 30), amount: '100' });
    expect(result.preview?.keeper.upkeepsBefore).toBe(0);
    expect(result.previewNotes).toEqual([]);
  });

  it('inside the window: the reward of the upkeep before is included at an estimated gas, and by how much it may move', () => {
    const result = derive({ pool: at(NOW - 55), amount: '100' });
    expect(result.preview?.keeper).toMatchObject({ schedule: 'on-time', upkeepsBefore: 1 });
    expect(result.preview?.keeper.rewardsBefore).toBeGreaterThan(0n);
    expect(result.previewNotes).toEqual([
      expect.stringMatching(
        /^The keeper's reward for the upkeep before this commit's is included at an estimated 250,000 gas and a keeper that comes as soon as it is due; its real gas is known only when it runs, so you may get up to 0\.\d+ L tokens more or less\.$/,
      ),
    ]);
  });

  it('inside the window with a silent settlement/ETH feed: the reward is left out, and it says so', () => {
    const result = derive({ pool: at(NOW - 55, false), amount: '100' });
    expect(result.preview?.keeper.rewardIgnored).toBe(true);
    expect(result.previewNotes).toEqual([
      expect.stringMatching(/left out, as the settlement\/ETH feed does not answer/),
    ]);
  });

  it('a keeper two intervals late: the figures assume no upkeep before the commit’s interval is due, and it says so', () => {
    const result = derive({ pool: at(NOW - 125), amount: '100' });
    expect(result.preview?.keeper.schedule).toBe('late');
    expect(result.preview?.executesAt).toBe(BigInt(NOW - 125 + 180));
    expect(result.previewNotes).toEqual([
      "The keeper is late: these figures assume the next upkeep comes once this commit's interval is due (in 55s); an upkeep before then would execute only the overdue intervals, with a management fee and a keeper reward of their own, and change the figures slightly.",
    ]);
  });
});
