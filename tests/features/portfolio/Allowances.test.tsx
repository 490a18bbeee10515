/**
 * The Portfolio's allowances card in jsdom: only pools with a non-zero allowance are listed, an unlimited one
 * reads "Unlimited", Revoke hands `approve(pool, 0)` to the one write path with the snapshot to read again,
 * nothing is sent on stale figures, and an account with no allowance is told so. The transactor is replaced by
 * a recorder: what it does with a request is tested with it (and on a real chain in tests/chain).
 */
import { fireEvent, render, screen, within } from '@testing-library/react';
import { maxUint256, parseUnits } from 'viem';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { FreshnessState } from '../../../src/chain/pools/freshness.ts';
import type { PoolSnapshot } from '../../../src/chain/pools/poolReader.ts';
import { refreshAfter } from '../../../src/chain/react/queryKeys.ts';
import { Allowances, allowanceText } from '../../../src/features/portfolio/Allowances.tsx';
import { ohmPool, poolSnapshot, withUser } from '../../fixtures/pools.ts';
import { TEST_USER } from '../../ui/renderWithWallet.tsx';

const sent = vi.hoisted(() => ({ calls: [] as unknown[][] }));

vi.mock('../../../src/chain/react/useTransactor.ts', () => ({
  useTransactor: () => ({
    state: { status: 'idle' },
    busy: false,
    send: async (...args: unknown[]) => {
      sent.calls.push(args);
      return undefined;
    },
    sendCall: async () => undefined,
    reset: () => {},
  }),
}));

const LIVE: FreshnessState = { kind: 'live', ageSeconds: 1, blockNumber: 100n };
const STALE: FreshnessState = {
  kind: 'stale',
  ageSeconds: 300,
  blockNumber: 100n,
  endpoint: '127.0.0.1',
  reason: undefined,
};

const none = withUser(
  ohmPool({ name: '1-BTC/USD+OHM', address: '0x0000000000000000000000000000000000000011' }),
  0n,
);
const some = withUser(ohmPool(), parseUnits('5', 9));
const unlimited = withUser(
  poolSnapshot({
    name: '3-BTC/USD+gOHM',
    address: '0x0000000000000000000000000000000000000013',
    collateral: 'gOHM',
    leverage: 3,
    long: '10',
    short: '10',
  }),
  maxUint256,
);

const show = (pools: PoolSnapshot[] | undefined, freshness: FreshnessState = LIVE) =>
  render(<Allowances pools={pools} address={TEST_USER} freshness={freshness} />);

const rowOf = (name: string) => {
  const row = screen.getByRole('rowheader', { name }).closest('tr');
  if (!row) throw new Error(`no row for ${name}`);
  return row;
};

describe('Allowances', () => {
  beforeEach(() => {
    sent.calls = [];
  });

  it('lists only the pools that may spend collateral, exact, and Unlimited from 2^255 up', () => {
    show([none, some, unlimited]);
    expect(screen.queryByRole('rowheader', { name: '1-BTC/USD+OHM' })).toBeNull();
    expect(within(rowOf('3-ETH/USD+OHM')).getByText('5 OHM')).toBeInTheDocument();
    expect(within(rowOf('3-BTC/USD+gOHM')).getByText('Unlimited gOHM')).toBeInTheDocument();
    // From 2^255 up it is unlimited; one unit less is shown to the unit.
    expect(allowanceText(2n ** 255n, 9, 'OHM')).toBe('Unlimited OHM');
    expect(allowanceText(2n ** 255n - 1n, 9, 'OHM')).toMatch(/^[\d,]+\.\d{9} OHM$/);
  });

  it('revokes with approve(pool, 0) through the transactor, then reads the snapshot again', () => {
    show([some, unlimited]);
    fireEvent.click(within(rowOf('3-ETH/USD+OHM')).getByRole('button', { name: /Revoke/ }));
    expect(sent.calls).toHaveLength(1);
    const [label, request, refresh, intent] = sent.calls[0]!;
    expect(label).toBe("Revoke 3-ETH/USD+OHM's OHM allowance");
    expect(request).toMatchObject({
      address: some.info.collateral.address,
      functionName: 'approve',
      args: [some.info.address, 0n],
      chainId: 31337,
    });
    expect(refresh).toEqual(refreshAfter.approve(31337, TEST_USER));
    expect(intent).toEqual({ kind: 'approve', pool: some.info.address, token: some.info.collateral.address });
  });

  it('sends nothing on stale figures, and says why', () => {
    show([some], STALE);
    const revoke = within(rowOf('3-ETH/USD+OHM')).getByRole('button', { name: /Revoke/ });
    expect(revoke).toBeDisabled();
    fireEvent.click(revoke);
    expect(sent.calls).toHaveLength(0);
    expect(screen.getByRole('alert')).toHaveTextContent('Revoking waits for fresh figures');
  });

  it('says so when no pool can spend the collateral', () => {
    show([none]);
    expect(screen.getByText('No pool can spend your collateral.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Revoke/ })).toBeNull();
  });

  it('waits for the account’s figures before saying anything', () => {
    show(undefined);
    expect(screen.getByRole('status', { name: 'Reading your allowances' })).toBeInTheDocument();
    // A snapshot read before the wallet connected has no user part yet: still not known.
    show([ohmPool()]);
    expect(screen.getAllByRole('status', { name: 'Reading your allowances' })).toHaveLength(2);
    expect(screen.queryByText('No pool can spend your collateral.')).toBeNull();
  });
});
