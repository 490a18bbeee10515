/**
 * A transaction's fate told truthfully behind a failing endpoint, on the journeys' stage (whose chain is reached
 * through a fault-free provider-like proxy, so faults can be scripted here): the devnet's burner wallet, which
 * signs in the page and sends through the app's endpoint as a wallet's own provider would.
 * - The endpoint goes down: a mint is refused before signing with "not sent", and the toast goes away by
 *   itself once the endpoint is back.
 * - The endpoint claims another chain after a recovery: the page names it and nothing is read through it.
 * - The send's answer is lost and the receipts are rate-limited: the mint stays "sent, not yet confirmed"
 *   across a reload, the form refuses to send the same commit again, and it ends with exactly one commit,
 *   listed once, with gas headroom over what it used.
 * Screenshots go to tests/e2e/screenshots/send-*.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { parseUnits } from 'viem';
import { expect } from 'vitest';
import { poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import { openConnectModal, SCREENSHOTS, type Stage, toastOf } from './harness.ts';

const TIMEOUT = 30_000;

export async function sendFaultsJourney(stage: Stage, page: Page) {
  const proxy = stage.proxy;
  if (!proxy) throw new Error('the send journey needs the stage’s proxy');
  const pool = stage.deployment.pools.find((p) => p.name === '1-ETH/USD+OHM')!;
  // A burner no other journey uses.
  const burner = stage.deployment.devAccounts[2]!;
  const toast = (text: RegExp | string) => toastOf(page, text);
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `send-${name}.png`), fullPage: true });
  const amount = page.getByLabel(/^Amount/);
  const commitsOf = () =>
    stage.clients.public.getContractEvents({
      address: pool.committer,
      abi: poolCommitterAbi,
      eventName: 'CreateCommit',
      args: { user: burner.address },
      fromBlock: 0n,
    });

  await page.goto(`${stage.baseUrl}#/trade?pool=${pool.address}&side=long&action=mint`);
  const modal = await openConnectModal(page);
  await modal.getByText(`${burner.label} (devnet)`).click();
  await amount.waitFor({ timeout: TIMEOUT });
  await amount.fill('4.444444444');
  await page.getByText('Approve an unlimited amount').click();
  await page.getByRole('button', { name: 'Approve OHM' }).click();
  await toast('Approve unlimited OHM: confirmed').waitFor({ timeout: TIMEOUT });
  const mint = page.getByRole('button', { name: 'Mint long' });
  await mint.waitFor({ timeout: TIMEOUT });

  // 1. The endpoint goes down before the figures turn stale: the mint is refused before the wallet is asked.
  const blockBefore = await stage.clients.public.getBlockNumber();
  await proxy.down();
  await mint.click();
  const notSent = toast(/Mint long 4\.444444444 OHM: not sent/);
  await notSent.waitFor({ timeout: TIMEOUT });
  await toast(/(could not be reached|did not answer in time)\. Your wallet was not asked/).waitFor({
    timeout: TIMEOUT,
  });
  await shot('01-not-sent');
  await proxy.up();
  await notSent.waitFor({ state: 'detached', timeout: TIMEOUT });
  expect(await stage.clients.public.getBlockNumber()).toBe(blockBefore);

  // 2. After an outage the endpoint answers for Arbitrum One: the page names it, and reads nothing through it.
  proxy.claimChain(42161);
  await proxy.down();
  await page.locator('[data-freshness="stale"]').first().waitFor({ timeout: TIMEOUT });
  await proxy.up();
  await page
    .getByText(new RegExp(`127\\.0\\.0\\.1:${proxy.port} serves chain 42161, not`))
    .first()
    .waitFor({ timeout: TIMEOUT });
  await shot('02-wrong-chain');
  proxy.claimChain(undefined);
  await mint.waitFor({ timeout: TIMEOUT });
  await expect.poll(() => mint.isEnabled(), { timeout: TIMEOUT }).toBe(true);

  // 3. The send's answer is lost on the way back, and the receipt is refused for a while.
  proxy.scriptFault({ method: 'eth_sendRawTransaction', fault: 'drop-answer', times: 1 });
  proxy.scriptFault({ method: 'eth_getTransactionReceipt', fault: 'rate-limit', times: 18 });
  await mint.click();
  await toast(/Sent, not yet confirmed: the RPC endpoint 127\.0\.0\.1:\d+ is rate-limiting requests/).waitFor(
    {
      timeout: TIMEOUT,
    },
  );
  expect(await page.getByText(/failed/i).count()).toBe(0);
  await shot('03-unconfirmed');
  // The commit is on chain already; the page cannot know yet. The holder reloads.
  await expect.poll(async () => (await commitsOf()).length, { timeout: TIMEOUT }).toBe(1);
  await page.reload();
  const inFlight = page.getByText('Sent, not yet confirmed').first();
  await inFlight.waitFor({ timeout: TIMEOUT });
  await amount.fill('4.444444444');
  const held = page.getByRole('button', { name: 'Waiting for your commit to be mined…' });
  await held.waitFor({ timeout: TIMEOUT });
  expect(await held.isDisabled()).toBe(true);
  await shot('04-reloaded-in-flight');

  // Once the receipt can be read, the fate is told and the in-flight notes go.
  await toast('Mint long 4.444444444 OHM: confirmed').waitFor({ timeout: 60_000 });
  await page.getByText('Sent, not yet confirmed').first().waitFor({ state: 'detached', timeout: TIMEOUT });
  const commits = await commitsOf();
  expect(commits).toHaveLength(1);
  // Listed once, as the chain has it.
  const listed = page.getByText(/^Mint long: /);
  await expect.poll(() => listed.count(), { timeout: TIMEOUT }).toBe(1);
  await shot('05-one-commit');

  // Sent with headroom over the node's estimate: at least a fifth more gas than it used.
  const hash = commits[0]!.transactionHash;
  const [tx, receipt] = await Promise.all([
    stage.clients.public.getTransaction({ hash }),
    stage.clients.public.getTransactionReceipt({ hash }),
  ]);
  expect(tx.gas * 100n).toBeGreaterThanOrEqual(receipt.gasUsed * 120n);
  expect(commits[0]!.args.amount).toBeLessThanOrEqual(parseUnits('4.444444444', 9));
}
