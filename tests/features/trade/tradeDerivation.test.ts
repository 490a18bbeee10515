/** What the trade form shows for each state of wallet, pool, figures and amount, without React. */
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import type { PoolSnapshot } from '../../../src/chain/poolReader.ts';
import { deriveTrade, EMPTY_INPUTS, type TradeContext } from '../../../src/features/trade/tradeDerivation.ts';
import { NOW, OHM_POOL, withUser } from '../../fixtures/pools.ts';

const pool = withUser(OHM_POOL, parseUnits('1', 9));

function derive(patch: Partial<TradeContext> & { amount?: string; pool?: PoolSnapshot } = {}) {
  const { amount = '', ...rest } = patch;
  return deriveTrade({
    pool,
    choice: { side: 'long', action: 'mint' },
    inputs: { ...EMPTY_INPUTS, amount },
    chainNow: NOW,
    chainName: 'Olympus devnet',
    locale: 'en-US',
    staleSeconds: undefined,
    wallet: { connected: true, onPoolChain: true },
    settlement: undefined,
    submitted: false,
    ...rest,
  });
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
