/**
 * User journeys in a real Chromium against a fresh devnet running the real contracts: the built app, a test
 * wallet, and the keeper driven from here so each rebalance happens when the journey needs it.
 * Each journey saves a screenshot in tests/e2e/screenshots/.
 */
import { formatUnits, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, leveragedPoolAbi, testChainlinkOracleAbi } from '../../contracts-abi/generated/index.ts';
import { write } from '../../devnet/lib/clients.ts';
import { devAccount, FEED_DECIMALS, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { deployLookalikePool } from '../../devnet/lib/lookalike.ts';
import { LOCAL_BEHIND_PROXY } from '../../devnet/lib/profile.ts';
import { formatTokenAmount } from '../../src/ui/format.ts';
import { devModeJourney } from './devMode.ts';
import {
  chromiumAvailable,
  openBrowser,
  openConnectModal,
  SCREENSHOTS,
  type Stage,
  startStage,
  toastOf,
  tokenBalance,
} from './harness.ts';
import { indexerJourney } from './indexerJourney.ts';
import { ledgerJourney } from './ledgerJourney.ts';
import { openPhone, phoneJourney } from './phone.ts';
import { selfUpkeepJourney } from './selfUpkeep.ts';
import { sendFaultsJourney } from './sendFaults.ts';
import { treasuryJourney } from './treasury.ts';

const USER = devAccount(ROLE_INDEX.firstUser + 1).address;
const TIMEOUT = 20_000;

// The journeys need Debian's Chromium. CI installs it (.ci/run); elsewhere, say plainly that they are skipped.
const runnable = chromiumAvailable();
if (!runnable && process.env.CI)
  throw new Error('Chromium is missing at /usr/bin/chromium: the e2e journeys cannot run');
if (!runnable)
  console.warn('e2e journeys skipped: no Chromium at /usr/bin/chromium (apt-get install chromium)');

describe.runIf(runnable)('journeys in Chromium', () => {
  let stage: Stage;
  const btcPool = () => stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  const balanceOf = (token: `0x${string}`) => tokenBalance(stage, token, USER);
  const page = () => stage.page;
  /** What the user has let the BTC pool take of their gOHM. */
  const btcAllowance = () =>
    stage.clients.public.readContract({
      address: btcPool().settlementToken,
      abi: erc20Abi,
      functionName: 'allowance',
      args: [USER, btcPool().address],
    });
  const go = async (hash: string) => {
    await page().goto(`${stage.baseUrl}${hash}`);
    await page().locator('main h1').waitFor({ timeout: TIMEOUT });
  };
  const toast = (text: RegExp | string) => toastOf(page(), text);
  // Toasts of earlier transactions can carry the same words: dismiss them before the next one.
  const clearToasts = async () => {
    const dismiss = page()
      .getByRole('region', { name: 'Notifications' })
      .getByRole('button', { name: 'Dismiss' });
    // One at a time: each click removes a toast and the rest move up.
    while ((await dismiss.count()) > 0) {
      const before = await dismiss.count();
      await dismiss.first().click();
      await expect.poll(() => dismiss.count(), { timeout: TIMEOUT }).toBeLessThan(before);
    }
  };

  beforeAll(async () => {
    stage = await startStage({
      walletChainId: '0x7a69',
      account: USER,
      profile: LOCAL_BEHIND_PROXY,
      indexer: true,
    });
  }, 120_000);
  afterAll(async () => {
    await stage?.close();
  });

  it('connects, meets the wrong network, and switches to the devnet', async () => {
    await go('#/pools');
    await (await openConnectModal(page())).getByText('E2E Test Wallet').first().click();
    await page().getByRole('button', { name: /0x/ }).first().waitFor({ timeout: TIMEOUT });
    await stage.screenshot('01-connected');
    // The user moves their wallet to Ethereum mainnet, where the app has nothing to offer.
    await page().evaluate(() => {
      (window as unknown as { __e2eWallet: { switchChain(hex: string): void } }).__e2eWallet.switchChain(
        '0x1',
      );
    });
    const guard = page().getByRole('alert').filter({ hasText: 'unsupported network' });
    await guard.waitFor({ timeout: TIMEOUT });
    await stage.screenshot('02-wrong-network');
    await page().getByRole('button', { name: 'Switch to Olympus devnet' }).click();
    await guard.waitFor({ state: 'detached', timeout: TIMEOUT });
  });

  it('shows each pool’s long and short balances as the chain has them after a +10% move', async () => {
    const pool = btcPool();
    const feed = stage.deployment.feeds.find((f) => f.pair === 'BTC/USD')!.feed;
    await write(stage.clients, stage.deployment.roles.priceFeeder, {
      address: feed,
      abi: testChainlinkOracleAbi,
      functionName: 'setPrice',
      args: [parseUnits('105875', FEED_DECIMALS)],
    });
    expect(await stage.rebalance()).toBe(4);
    const [long, short] = await Promise.all([
      stage.clients.public.readContract({
        address: pool.address,
        abi: leveragedPoolAbi,
        functionName: 'longBalance',
      }),
      stage.clients.public.readContract({
        address: pool.address,
        abi: leveragedPoolAbi,
        functionName: 'shortBalance',
      }),
    ]);
    await go('#/pools');
    const row = page()
      .getByRole('row')
      .filter({ has: page().getByRole('link', { name: pool.name }) });
    // Three decimals as the table shows gOHM, long on the L line and short on the S line.
    // As the table shows amounts: six significant digits (unit-tested in tests/ui/format.test.tsx).
    const shown = (v: bigint) => formatTokenAmount(v, 18);
    // The table refreshes on the next block it sees; wait for the rebalanced figures to arrive.
    await expect.poll(() => row.textContent(), { timeout: TIMEOUT }).toContain(`L${shown(long)} gOHM`);
    const text = await row.textContent();
    expect(text).toContain(`S${shown(short)} gOHM`);
    expect(text).toContain('$105,875');
    // The move was just rebalanced: nothing has moved since.
    expect(text).toContain('0% since rebalance');
    await stage.screenshot('03-pools-after-move');
  });

  it('refuses an invalid amount at the field and sends nothing', async () => {
    await go(`#/trade?pool=${btcPool().address}&side=long&action=mint`);
    const amount = page().getByLabel(/^Amount/);
    await amount.fill('abc');
    await page().getByRole('alert').filter({ hasText: 'Enter a number' }).waitFor({ timeout: TIMEOUT });
    await amount.fill('1.0000000000000000001');
    await page().getByRole('alert').filter({ hasText: 'gOHM has 18 decimals' }).waitFor({ timeout: TIMEOUT });
    await amount.fill('100000');
    await page()
      .getByRole('alert')
      .filter({ hasText: 'more than your wallet holds' })
      .waitFor({ timeout: TIMEOUT });
    await stage.screenshot('04-invalid-amount');
    expect(await btcAllowance()).toBe(0n);
  });

  it('tells the user plainly when they reject the signature, and nothing changes', async () => {
    const amount = page().getByLabel(/^Amount/);
    await amount.fill('1.5');
    await page().evaluate(() => {
      (window as unknown as { __e2eWallet: { rejectNext: boolean } }).__e2eWallet.rejectNext = true;
    });
    await page().getByRole('button', { name: 'Approve gOHM' }).click();
    await page()
      .getByText('You rejected the request in your wallet. Nothing was sent.')
      .first()
      .waitFor({ timeout: TIMEOUT });
    await stage.screenshot('05-rejected');
    expect(await btcAllowance()).toBe(0n);
  });

  it('mints long with gOHM, claims after the rebalance, sees it in the portfolio, burns and claims back', async () => {
    const pool = btcPool();
    const gohmBefore = await balanceOf(pool.settlementToken);
    await clearToasts();
    await page().getByRole('button', { name: 'Approve gOHM' }).click();
    await toast('Approve 1.5 gOHM: confirmed').waitFor({ timeout: TIMEOUT });
    await clearToasts();
    await page().getByRole('button', { name: 'Mint long' }).click();
    await toast(/Mint long 1\.5 gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    await page()
      .getByText(/executes in/)
      .first()
      .waitFor({ timeout: TIMEOUT });
    expect(gohmBefore - (await balanceOf(pool.settlementToken))).toBe(parseUnits('1.5', 18));
    await stage.screenshot('06-mint-pending');

    await stage.rebalance();
    const claim = page().getByRole('button', { name: 'Claim', exact: true });
    await claim.waitFor({ timeout: TIMEOUT });
    await clearToasts();
    await claim.click();
    await toast(/Claim 3-BTC\/USD\+gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    const longTokens = await balanceOf(pool.longToken);
    expect(longTokens).toBeGreaterThan(0n);

    await go('#/portfolio');
    const row = page()
      .getByRole('table', { name: 'Your positions per pool' })
      .getByRole('row')
      .filter({ hasText: pool.name });
    await row.waitFor({ timeout: TIMEOUT });
    await page().getByText('Mint long').first().waitFor({ timeout: TIMEOUT });
    expect(await row.textContent()).toContain(formatTokenAmount(longTokens, 18));
    await stage.screenshot('07-portfolio');

    await go(`#/trade?pool=${pool.address}&side=long&action=burn`);
    await page()
      .getByLabel(/^Amount/)
      .fill(formatUnits(longTokens / 2n, 18));
    await clearToasts();
    await page().getByRole('button', { name: 'Burn long' }).click();
    await toast(/Burn long .* L tokens: confirmed/).waitFor({ timeout: TIMEOUT });
    await stage.rebalance();
    const gohmBeforeClaim = await balanceOf(pool.settlementToken);
    await clearToasts();
    await page().getByRole('button', { name: 'Claim', exact: true }).click();
    await toast(/Claim 3-BTC\/USD\+gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    await expect
      .poll(() => balanceOf(pool.settlementToken), { timeout: TIMEOUT })
      .toBeGreaterThan(gohmBeforeClaim);
    await stage.screenshot('08-burned-and-claimed');
  });

  it('flips the remaining long tokens to short', async () => {
    const pool = btcPool();
    const longTokens = await balanceOf(pool.longToken);
    await go(`#/trade?pool=${pool.address}&side=long&action=flip`);
    await page().getByRole('button', { name: 'Max' }).click();
    await stage.screenshot('09-flip-form');
    await page().getByText('Expected S tokens').waitFor({ timeout: TIMEOUT });
    await clearToasts();
    await page().getByRole('button', { name: 'Flip long → short' }).click();
    await toast(/Flip long → short .*: confirmed/).waitFor({ timeout: TIMEOUT });
    expect(await balanceOf(pool.longToken)).toBe(0n);
    await stage.rebalance();
    await clearToasts();
    await page().getByRole('button', { name: 'Claim', exact: true }).click();
    await toast(/Claim 3-BTC\/USD\+gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => balanceOf(pool.shortToken), { timeout: TIMEOUT }).toBeGreaterThan(0n);
    expect(longTokens).toBeGreaterThan(0n);
    await stage.screenshot('10-flipped');
  });

  it('starts a new trade afresh when the side or action changes: no amount, pay-from or message carried over', async () => {
    await go(`#/trade?pool=${btcPool().address}&side=long&action=mint`);
    await page().getByLabel('Escrow').check({ force: true });
    await page()
      .getByLabel(/Claim for me after execution/)
      .check();
    await page()
      .getByLabel(/^Amount/)
      .fill('1,5');
    await page().getByText('Use a point for decimals: 1.5.').waitFor({ timeout: TIMEOUT });
    await page().getByLabel('Short').check({ force: true });
    await expect
      .poll(() =>
        page()
          .getByLabel(/^Amount/)
          .inputValue(),
      )
      .toBe('');
    expect(await page().getByRole('radio', { name: 'Wallet' }).isChecked()).toBe(true);
    expect(
      await page()
        .getByLabel(/Claim for me after execution/)
        .isChecked(),
    ).toBe(false);
    expect(await page().getByText('Use a point for decimals: 1.5.').count()).toBe(0);
    expect(page().url()).toContain('side=short');
  });

  it('pays a keeper to claim: the minted tokens reach the wallet after the rebalance without a click', async () => {
    const pool = btcPool();
    await go(`#/trade?pool=${pool.address}&side=long&action=mint`);
    await page()
      .getByLabel(/^Amount/)
      .fill('0.5');
    await clearToasts();
    await page().getByRole('button', { name: 'Approve gOHM' }).click();
    await toast('Approve 0.5 gOHM: confirmed').waitFor({ timeout: TIMEOUT });
    await page()
      .getByLabel(/Claim for me after execution/)
      .check();
    await page()
      .getByText(/Costs .* ETH, sent with the commit/)
      .waitFor({ timeout: TIMEOUT });
    await clearToasts();
    await page().getByRole('button', { name: 'Mint long' }).click();
    await toast(/Mint long 0\.5 gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    await page()
      .getByText(/Claim paid for: a keeper claims it/)
      .waitFor({ timeout: TIMEOUT });
    await stage.screenshot('paid-claim-pending');
    const longBefore = await balanceOf(pool.longToken);
    // The devnet's keeper upkeeps the pool and then executes the paid claim; the user does nothing.
    await stage.rebalance();
    await expect.poll(() => balanceOf(pool.longToken), { timeout: TIMEOUT }).toBeGreaterThan(longBefore);
    await expect
      .poll(
        () =>
          page()
            .getByText(/Claim paid for/)
            .count(),
        { timeout: TIMEOUT },
      )
      .toBe(0);
  });

  it('hides a look-alike pool, and opened by address warns and refuses to trade it until acknowledged', async () => {
    const { pool } = await deployLookalikePool(
      stage.clients,
      stage.deployment,
      stage.config,
      devAccount(ROLE_INDEX.firstUser + 3).address,
    );
    await go('#/pools');
    await page()
      .getByText(/One pool on this factory settles in OHM or gOHM but is not an Olympus pool/)
      .waitFor({
        timeout: TIMEOUT,
      });
    expect(await page().locator('main').textContent()).not.toContain(pool);

    // Its own page says so above its figures.
    await go(`#/pool?address=${pool}`);
    await page()
      .getByRole('alert', { name: 'Not an Olympus pool' })
      .getByText(/not the Olympus treasury/)
      .waitFor({ timeout: TIMEOUT });

    await go(`#/trade?pool=${pool}`);
    const warning = page().getByRole('alert', { name: '3-BTC/USD+gOHM is not an Olympus pool' });
    await warning.waitFor({ timeout: TIMEOUT });
    expect(await warning.textContent()).toMatch(/not the Olympus treasury[\s\S]*not a known price feed/);
    // No amount to fill and nothing to send until the warning is accepted.
    expect(
      await page()
        .getByLabel(/^Amount/)
        .count(),
    ).toBe(0);
    await stage.screenshot('lookalike-warning');
    await page().getByRole('button', { name: 'I understand the risk: let me trade this pool' }).click();
    await page()
      .getByLabel(/^Amount/)
      .waitFor({ timeout: TIMEOUT });
  });

  it('runs a late pool’s upkeep from its page: the toast confirms and the health says on time', async () => {
    await selfUpkeepJourney(stage, { user: USER, go, clearToasts });
  });

  it('works on a phone: nothing scrolls sideways, 44 px targets, a burner connected by tap mints and claims', async () => {
    const phone = await openPhone(stage);
    try {
      await phoneJourney(stage, phone.page);
      expect(phone.csp).toEqual([]);
    } finally {
      await phone.context.close();
    }
  }, 180_000);

  it('launches a 2x ETH/USD+gOHM pool from the treasury page, lists it, then mints, upkeeps from its page and claims in it', async () => {
    await treasuryJourney(stage);
  }, 150_000);

  it('tells a mint’s fate truthfully through an outage, a wrong-chain endpoint, a lost send answer, 429s and a reload', async () => {
    const desktop = await openBrowser(stage, 'send-profile', { viewport: { width: 1280, height: 1000 } });
    try {
      await sendFaultsJourney(stage, desktop.page);
      expect(desktop.csp).toEqual([]);
    } catch (error) {
      // What the page showed when it went wrong, beside the journey's own screenshots.
      await desktop.page
        .screenshot({ path: `${SCREENSHOTS}/send-failed.png`, fullPage: true })
        .catch(() => {});
      throw error;
    } finally {
      await desktop.context.close();
    }
  }, 180_000);

  it('runs the main pages under the dev server, React’s development build, without a console error', async () => {
    await devModeJourney(stage, USER);
  }, 180_000);

  // Last: it stops the indexer.
  it('keeps the holder’s ledger: each event with its fees, the export, the profit split and the treasury’s share, against the chain', async () => {
    await ledgerJourney(stage, page(), USER);
  });

  it('shows the pool page and the portfolio from the indexer, then from the chain once the indexer stops', async () => {
    await indexerJourney(stage, page());
  }, 240_000);

  it('ran every journey above under the built app’s Content-Security-Policy without a violation', () => {
    expect(stage.cspViolations).toEqual([]);
  });
});
