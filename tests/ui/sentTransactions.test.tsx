/**
 * The transactions in flight, as remembered across reloads and tabs (src/chain/tx/sentTransactions.ts), in jsdom's
 * localStorage: per account and chain, amounts kept exact, anything unreadable ignored, another tab's writes
 * seen at once.
 */
import { getAddress } from 'viem';
import { afterEach, describe, expect, it } from 'vitest';
import {
  forgetSent,
  reloadSent,
  rememberSent,
  resetSentForTests,
  type SentTransaction,
  sentBy,
} from '../../src/chain/tx/sentTransactions.ts';

const KEY = 'olympus-pools:sent-transactions:v1';
const ALICE = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;
const BOB = '0x14dC79964da2C08b23698B3D3cc7Ca32193d9955' as const;
const POOL = '0x0000000000000000000000000000000000000002' as const;

const sent = (over: Partial<SentTransaction>): SentTransaction => ({
  hash: `0x${'11'.repeat(32)}`,
  chainId: 31337,
  account: ALICE,
  label: 'Mint long 123,456.789 OHM',
  sentAt: 1_700_000_000_000,
  intent: { kind: 'commit', pool: POOL, commitType: 2, amount: 123_456_789_000_000n, fromEscrow: false },
  refresh: [['chain', 31337, 'snapshot', getAddress(ALICE)]],
  ...over,
});

afterEach(resetSentForTests);

describe('transactions in flight', () => {
  it('survive a reload, exact to the unit, for their own account and chain only', () => {
    rememberSent(sent({}));
    rememberSent(sent({ hash: `0x${'22'.repeat(32)}`, account: BOB }));
    rememberSent(sent({ hash: `0x${'33'.repeat(32)}`, chainId: 42161 }));
    // A reload: the module's memory is gone, storage is not.
    reloadSent();
    const mine = sentBy(ALICE, 31337);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toEqual(sent({}));
    expect(sentBy(BOB, 31337).map((t) => t.account)).toEqual([BOB]);
    expect(sentBy(ALICE, 42161)).toHaveLength(1);
    expect(sentBy(undefined, 31337)).toEqual([]);
  });

  it('go once their fate is known, and a hash is remembered once however often it is sent', () => {
    rememberSent(sent({}));
    rememberSent(sent({ label: 'Mint long 123,456.789 OHM (again)' }));
    expect(sentBy(ALICE, 31337).map((t) => t.label)).toEqual(['Mint long 123,456.789 OHM (again)']);
    forgetSent(`0x${'11'.repeat(32)}`);
    reloadSent();
    expect(sentBy(ALICE, 31337)).toEqual([]);
  });

  it('ignore what storage holds that is not a sent transaction, keeping the rest', () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([
        { hash: 'not a hash', chainId: 31337, account: ALICE },
        42,
        { ...sent({}), intent: { kind: 'commit', pool: POOL, commitType: 2, amount: '12' } },
      ]),
    );
    reloadSent();
    const [only, ...rest] = sentBy(ALICE, 31337);
    expect(rest).toEqual([]);
    expect(only?.intent).toEqual({
      kind: 'commit',
      pool: POOL,
      commitType: 2,
      amount: 12n,
      fromEscrow: false,
    });
    localStorage.setItem(KEY, '{not json');
    reloadSent();
    expect(sentBy(ALICE, 31337)).toEqual([]);
  });

  it('sent in another tab, are seen here at once', () => {
    localStorage.setItem(KEY, JSON.stringify([{ ...sent({}), intent: { kind: 'claim', pool: POOL } }]));
    window.dispatchEvent(new StorageEvent('storage', { key: KEY }));
    expect(sentBy(ALICE, 31337).map((t) => t.intent)).toEqual([{ kind: 'claim', pool: POOL }]);
  });
});
