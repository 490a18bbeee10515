/**
 * The alerts in jsdom: the browser is asked for permission only on the control's click, a snapshot
 * transition in the query cache becomes a dismissible notice, and the choice survives a reload. Each test
 * loads the alerts' modules afresh (their state is the visit's), so a reload is `vi.resetModules` over the
 * same IndexedDB (fake-indexeddb).
 */
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IDBFactory } from 'fake-indexeddb';
import { getAddress, parseUnits } from 'viem';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PoolSnapshot } from '../../../src/chain/pools/poolSnapshot.ts';
import { chainKeys } from '../../../src/chain/react/queryKeys.ts';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { poolsSnapshot, samplePools } from '../../fixtures/pools.ts';

const USER = '0x976EA74026E726554dB657fA54763abd0C3a0aa9' as const;

class FakeNotification {
  static permission: NotificationPermission = 'default';
  /** What the user answers the browser's prompt. */
  static answer: NotificationPermission = 'granted';
  static requestPermission = vi.fn(async () => {
    FakeNotification.permission = FakeNotification.answer;
    return FakeNotification.answer;
  });
  static shown: FakeNotification[] = [];
  onclick: (() => void) | null = null;
  constructor(
    readonly title: string,
    readonly options: NotificationOptions,
  ) {
    FakeNotification.shown.push(this);
  }
  close() {}
}

beforeEach(() => {
  vi.resetModules();
  globalThis.indexedDB = new IDBFactory();
  FakeNotification.permission = 'default';
  FakeNotification.answer = 'granted';
  FakeNotification.requestPermission.mockClear();
  FakeNotification.shown = [];
  vi.stubGlobal('Notification', FakeNotification);
});

afterEach(async () => {
  // This visit's alerts end with the case: unmounted first, so that nothing on screen draws the reset.
  cleanup();
  const { resetAlertsForTests } = await import('../../../src/features/alerts/alertsStore.ts');
  const { resetAlertPreferenceForTests } = await import('../../../src/features/alerts/alertPreference.ts');
  resetAlertsForTests();
  await resetAlertPreferenceForTests();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

/** The shell's two alert parts in the app's providers, from freshly loaded modules (a new visit). */
async function openApp() {
  const { QueryClient, QueryClientProvider } = await import('@tanstack/react-query');
  const { HashRouter } = await import('react-router');
  const { DeploymentProvider } = await import('../../../src/chain/react/DeploymentContext.tsx');
  const { AlertNotices } = await import('../../../src/features/alerts/AlertNotices.tsx');
  const { AlertsToggle } = await import('../../../src/features/alerts/AlertsToggle.tsx');
  const { preferenceLoaded } = await import('../../../src/features/alerts/alertPreference.ts');
  await preferenceLoaded();
  const queryClient = new QueryClient();
  // The alerts read only the devnet's poll interval; the read clients are never needed.
  const app = { current: undefined, ready: new Promise<never>(() => {}) };
  const view = render(
    <QueryClientProvider client={queryClient}>
      <DeploymentProvider value={{ app, devnet: DEVNET_FIXTURE }}>
        <HashRouter>
          <AlertsToggle />
          <AlertNotices />
        </HashRouter>
      </DeploymentProvider>
    </QueryClientProvider>,
  );
  /** A poll of the pools page coming back, at `block`. */
  const poll = (pools: PoolSnapshot[], block: bigint) =>
    act(() => {
      queryClient.setQueryData(
        chainKeys.poolsSnapshot(
          31337,
          USER,
          pools.map((p) => p.info.address),
        ),
        {
          ...poolsSnapshot(pools),
          blockNumber: block,
        },
      );
    });
  return { ...view, poll };
}

const { btc } = samplePools();
const gohm = (amount: string) => parseUnits(amount, 18);

/** The 3x BTC pool as the user sees it: a pending long mint, then (executed) 12.5 long tokens in escrow. */
function holding(executed: boolean): PoolSnapshot {
  const zero = { longMintSettlement: 0n, longBurnPoolTokens: 0n, shortMintSettlement: 0n };
  const rest = { shortBurnPoolTokens: 0n, shortBurnLongMintPoolTokens: 0n, longBurnShortMintPoolTokens: 0n };
  return {
    ...btc,
    state: { ...btc.state, updateIntervalId: executed ? 6n : 5n },
    user: {
      longWallet: 0n,
      shortWallet: 0n,
      settlementWallet: 0n,
      allowance: 0n,
      escrow: { longTokens: executed ? gohm('12.5') : 0n, shortTokens: 0n, settlementTokens: 0n },
      commits: executed
        ? []
        : [{ intervalId: 5n, totals: { ...zero, ...rest, longMintSettlement: gohm('10') } }],
    },
  };
}

const CLAIMABLE = 'Your 3-BTC/USD+gOHM long mint executed: 12.5 long tokens are ready to claim.';

describe('alerts', () => {
  it('asks the browser for permission only when the control is clicked', async () => {
    const user = userEvent.setup();
    await openApp();
    const control = screen.getByRole('button', { name: 'Alerts: off' });
    expect(FakeNotification.requestPermission).not.toHaveBeenCalled();
    await user.click(control);
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
    expect(await screen.findByRole('button', { name: 'Alerts: on' })).toBeInTheDocument();
    // Off again asks nothing.
    await user.click(screen.getByRole('button', { name: 'Alerts: on' }));
    expect(await screen.findByRole('button', { name: 'Alerts: off' })).toBeInTheDocument();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);
  });

  it('says in one sentence when notifications are refused or unsupported', async () => {
    const user = userEvent.setup();
    FakeNotification.answer = 'denied';
    await openApp();
    await user.click(screen.getByRole('button', { name: 'Alerts: off' }));
    const status = screen.getByRole('status', { name: 'Alerts' });
    expect(
      await within(status).findByText(
        "Notifications are blocked for this site in your browser's settings, so alerts appear on this page only.",
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Alerts: off' })).toBeInTheDocument();

    vi.stubGlobal('Notification', undefined);
    await user.click(screen.getByRole('button', { name: 'Alerts: off' }));
    expect(
      await within(status).findByText(
        'This browser cannot show notifications, so alerts appear on this page only.',
      ),
    ).toBeInTheDocument();
  });

  it('shows a notice when a snapshot shows a commit executed, once, and lets the keyboard dismiss it', async () => {
    const user = userEvent.setup();
    const { poll } = await openApp();
    poll([holding(false)], 100n);
    expect(screen.getByRole('status', { name: 'Alerts' })).toBeEmptyDOMElement();
    poll([holding(true)], 101n);
    poll([holding(true)], 102n);
    const status = screen.getByRole('status', { name: 'Alerts' });
    expect(within(status).getAllByText(CLAIMABLE)).toHaveLength(1);
    expect(within(status).getByRole('link', { name: 'Go to claim' })).toHaveAttribute(
      'href',
      `#/trade?pool=${btc.info.address}`,
    );
    // Keyboard: the control, the notice's link, then its dismiss button.
    await user.tab();
    await user.tab();
    await user.tab();
    expect(document.activeElement).toHaveTextContent('Dismiss');
    await user.keyboard('{Enter}');
    expect(within(status).queryByText(CLAIMABLE)).not.toBeInTheDocument();
    // The user is looking at the page: no OS notification (alerts are off anyway).
    expect(FakeNotification.shown).toHaveLength(0);
  });

  it('remembers "on" across a reload without asking again, and notifies only while the page is not focused', async () => {
    const user = userEvent.setup();
    const first = await openApp();
    await user.click(screen.getByRole('button', { name: 'Alerts: off' }));
    expect(await screen.findByRole('button', { name: 'Alerts: on' })).toBeInTheDocument();
    first.unmount();

    // A reload: fresh modules over the same IndexedDB; the browser remembers its permission.
    vi.resetModules();
    const { poll } = await openApp();
    expect(screen.getByRole('button', { name: 'Alerts: on' })).toBeInTheDocument();
    expect(FakeNotification.requestPermission).toHaveBeenCalledTimes(1);

    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    poll([holding(false)], 100n);
    poll([holding(true)], 101n);
    expect(FakeNotification.shown.map((n) => [n.title, n.options.body, n.options.tag])).toEqual([
      ['Ready to claim in 3-BTC/USD+gOHM', CLAIMABLE, `claimable:31337:${getAddress(btc.info.address)}`],
    ]);
  });
});
