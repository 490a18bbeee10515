/**
 * Journeys under the Arbitrum profile: a chain at block 400,000,000 with history spread over more than
 * 100,000 blocks, a block every 250 ms, and only a public-provider-like proxy to reach it (capped
 * eth_getLogs, 429s, latency, no state older than 128 blocks). Then the proxy goes down and comes back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, leveragedPoolAbi, poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import { KEEPER_INTERVAL_MS } from '../../devnet/config.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { runKeeper } from '../../devnet/lib/keeper.ts';
import { ARBITRUM_PROFILE } from '../../devnet/lib/profile.ts';
import {
  chromiumAvailable,
  openConnectModal,
  type Stage,
  startStage,
  toastOf,
  tokenBalance,
} from './harness.ts';

const TIMEOUT = 30_000;
// Dev account 1, who traded through the long history the profile builds.
const HOLDER = devAccount(ROLE_INDEX.firstUser).address;
const POLL_MS = ARBITRUM_PROFILE.pollIntervalMs;

const runnable = chromiumAvailable();
if (!runnable && process.env.CI)
  throw new Error('Chromium is missing at /usr/bin/chromium: the e2e journeys cannot run');

describe.runIf(runnable)('journeys on an Arbitrum-like chain behind a public-provider-like RPC', () => {
  let stage: Stage;
  const btcPool = () => stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  const page = () => stage.page;
  const go = async (hash: string) => {
    await page().goto(`${stage.baseUrl}${hash}`);
    await page().locator('main h1').waitFor({ timeout: TIMEOUT });
  };
  const badge = () => page().locator('[data-freshness]').first();
  const toast = (text: RegExp | string) => toastOf(page(), text);
  const longTokensOf = (token: `0x${string}`) => tokenBalance(stage, token, HOLDER);
  const lastUpkeep = (pool: `0x${string}`) =>
    stage.clients.public.readContract({
      address: pool,
      abi: leveragedPoolAbi,
      functionName: 'lastPriceTimestamp',
    });
  /** Moves the chain's clock forward to `seconds` (no move when it is there already) and mines a block there. */
  const clockTo = async (seconds: number) => {
    const { timestamp } = await stage.clients.public.getBlock();
    const ahead = seconds - Number(timestamp);
    if (ahead <= 0) return;
    await stage.clients.test.increaseTime({ seconds: ahead });
    await stage.clients.test.mine({ blocks: 1 });
  };

  beforeAll(async () => {
    stage = await startStage({ walletChainId: '0x7a69', account: HOLDER, profile: ARBITRUM_PROFILE });
  }, 240_000);
  afterAll(async () => {
    await stage?.close();
  });

  it('starts at block 400,000,000 with history over more than 100,000 blocks', async () => {
    const commits = await stage.clients.public.getContractEvents({
      address: btcPool().committer,
      abi: poolCommitterAbi,
      eventName: 'CreateCommit',
      fromBlock: BigInt(stage.deployment.startBlock),
      toBlock: BigInt(stage.deployment.startBlock) + 9_999n,
    });
    expect(BigInt(stage.deployment.startBlock)).toBeGreaterThanOrEqual(400_000_000n);
    expect(stage.deployment.historyFromBlock).toBe('13387522');
    expect(commits.length).toBeGreaterThan(0);
    const head = await stage.clients.public.getBlockNumber();
    expect(head - BigInt(stage.deployment.startBlock)).toBeGreaterThan(100_000n);
  });

  it('shows every pool live, and never a false keeper state or a transient wrong state across two rebalances', async () => {
    const pool = btcPool();
    await stage.rebalance();
    await go('#/pools');
    await page().locator('tbody tr td .font-mono').first().waitFor({ timeout: TIMEOUT });
    await expect.poll(() => badge().textContent(), { timeout: TIMEOUT }).toMatch(/^Live, block 40\d{7}$/);
    // Record every wrong word the page shows, at any moment: on each change to the page, and every 50 ms in
    // case a change slips between two. Nothing may say the keeper is late (it keeps time throughout) or the
    // figures are stale (the endpoint answers throughout).
    await page().evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __flashes: string[] }).__flashes = seen;
      const bad =
        /Waiting for keeper|waiting for keeper|intervals? late|Late \d|Reconnecting|figures stale|Reading the chain|Cannot reach/;
      const look = () => {
        const match = bad.exec(document.body.textContent ?? '');
        if (match) seen.push(match[0]);
        if (document.querySelector('[data-health="late"]')) seen.push('a health badge saying late');
      };
      new MutationObserver(look).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
      setInterval(look, 50);
    });
    // The devnet's keeper as `npm start` runs it, upkeeping each pool as it falls due. Twice the chain's clock
    // is brought to a few seconds before the pools fall due (saving the wait through the interval); the page's
    // countdown then runs past the due time before any read can show the keeper's upkeep, which is the moment
    // a page that trusted its own extrapolated clock would call the keeper late.
    const stopKeeper = runKeeper(stage.clients, stage.deployment, {
      intervalMs: KEEPER_INTERVAL_MS,
      log: () => {},
    });
    try {
      for (let rebalance = 0; rebalance < 2; rebalance++) {
        const before = await lastUpkeep(pool.address);
        await clockTo(Number(before) + stage.config.updateIntervalSeconds - 8);
        await expect
          .poll(() => lastUpkeep(pool.address), { timeout: 60_000, interval: 250 })
          .toBeGreaterThan(before);
        // A poll and a half: the page reads the upkeep, and counts down to the next rebalance again.
        await page().waitForTimeout(1.5 * POLL_MS);
      }
    } finally {
      stopKeeper();
    }
    const flashes = await page().evaluate(() => (window as unknown as { __flashes: string[] }).__flashes);
    expect([...new Set(flashes)]).toEqual([]);
    await stage.screenshot('arbitrum-01-pools');
  }, 150_000);

  it('shows a pool page with its rebalance history read through capped log ranges', async () => {
    const pool = btcPool();
    const refusalsBefore = stage.proxy!.stats.rangeRefusals;
    await go(`#/pool?address=${pool.address}`);
    const table = page().locator('figure table');
    await table.waitFor({ state: 'attached', timeout: 60_000 });
    // Four eras of two or three rebalances each, plus the seed's and the catch-ups: many rebalances.
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(8);
    expect(await page().locator('figure figcaption').textContent()).toMatch(/since block 4000000\d\d\b/);
    // The scan met the provider's range cap and paged around it.
    expect(stage.proxy!.stats.rangeRefusals).toBeGreaterThan(refusalsBefore);
    await stage.screenshot('arbitrum-02-pool-history');
  });

  it('mints with the wallet, follows the commit through a rebalance, and claims', async () => {
    const pool = btcPool();
    await go(`#/trade?pool=${pool.address}&side=long&action=mint`);
    await (await openConnectModal(page())).getByText('E2E Test Wallet').first().click();
    await page().getByRole('button', { name: /0x/ }).first().waitFor({ timeout: TIMEOUT });
    await page()
      .getByLabel(/^Amount/)
      .fill('0.5');
    await page().getByRole('button', { name: 'Approve gOHM' }).click();
    await toast('Approve 0.5 gOHM: confirmed').waitFor({ timeout: TIMEOUT });
    await page().getByRole('button', { name: 'Mint long' }).click();
    await toast(/Mint long 0\.5 gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    await page()
      .getByText(/executes in/)
      .first()
      .waitFor({ timeout: TIMEOUT });
    await stage.screenshot('arbitrum-03-mint-pending');
    await stage.rebalance();
    const claim = page().getByRole('button', { name: 'Claim', exact: true });
    await claim.waitFor({ timeout: TIMEOUT });
    const before = await longTokensOf(pool.longToken);
    await claim.click();
    await toast(/Claim 3-BTC\/USD\+gOHM: confirmed/).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => longTokensOf(pool.longToken), { timeout: TIMEOUT }).toBeGreaterThan(before);
  });

  it('shows the portfolio with cost and profit from a history spread over more than 100,000 blocks', async () => {
    await go('#/portfolio');
    const positions = page().getByRole('table', { name: 'Your positions per pool' });
    const row = positions.getByRole('row').filter({ hasText: btcPool().name });
    await row.waitFor({ timeout: TIMEOUT });
    // The profit cell holds a figure once the whole history is read (a skeleton until then).
    await expect.poll(() => row.textContent(), { timeout: 60_000 }).toMatch(/[+-]?\d[\d,]*\.?\d* gOHM.*%/);
    const events = page().getByRole('table', { name: 'Your commits and transfers, newest first' });
    const blocks = (await events
      .locator('tbody td[title^="block "]')
      .evaluateAll((cells) =>
        cells.map((c) => Number(c.getAttribute('title')?.replace('block ', ''))),
      )) as number[];
    expect(blocks.length).toBeGreaterThanOrEqual(6);
    expect(Math.max(...blocks) - Math.min(...blocks)).toBeGreaterThan(100_000);
    await stage.screenshot('arbitrum-04-portfolio');
  });

  it('says the figures are stale within two polls when the RPC goes down, refuses to send, and recovers by itself', async () => {
    const pool = btcPool();
    await go(`#/trade?pool=${pool.address}&side=long&action=mint`);
    await page()
      .getByLabel(/^Amount/)
      .fill('0.1');
    await page().getByRole('button', { name: 'Approve gOHM' }).waitFor({ timeout: TIMEOUT });
    await expect.poll(() => badge().textContent(), { timeout: TIMEOUT }).toMatch(/^Live/);
    const proxy = stage.proxy!;
    const allowance = () =>
      stage.clients.public.readContract({
        address: pool.settlementToken,
        abi: erc20Abi,
        functionName: 'allowance',
        args: [HOLDER, pool.address],
      });
    const allowanceBefore = await allowance();

    await proxy.down();
    const downAt = Date.now();
    await expect
      .poll(() => badge().textContent(), { timeout: 3 * POLL_MS, interval: 200 })
      .toMatch(/^Reconnecting… figures from \d+ s ago$/);
    expect(Date.now() - downAt).toBeLessThanOrEqual(2 * POLL_MS + 2000);
    const refuse = page().getByRole('button', { name: 'Waiting for fresh figures…' });
    await refuse.waitFor({ timeout: TIMEOUT });
    expect(await refuse.isDisabled()).toBe(true);
    await page()
      .getByText(/Not sent: the preview rests on figures from \d+ s ago/)
      .waitFor({ timeout: TIMEOUT });
    await page()
      .getByText(/Reconnecting to 127\.0\.0\.1:\d+…/)
      .waitFor({ timeout: TIMEOUT });
    await stage.screenshot('arbitrum-05-rpc-down');

    await proxy.up();
    const upAt = Date.now();
    await expect.poll(() => badge().textContent(), { timeout: 2 * POLL_MS, interval: 200 }).toMatch(/^Live/);
    expect(Date.now() - upAt).toBeLessThanOrEqual(POLL_MS + 2000);
    await page().getByRole('button', { name: 'Approve gOHM' }).waitFor({ timeout: TIMEOUT });
    expect(
      await page()
        .getByText(/Reconnecting/)
        .count(),
    ).toBe(0);
    expect(await allowance()).toBe(allowanceBefore);
    await stage.screenshot('arbitrum-06-rpc-back');
  });
});
