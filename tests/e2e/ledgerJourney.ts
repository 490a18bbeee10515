/**
 * The holder's ledger, on the journeys' stage with its indexer (as `npm start` runs), after the journeys before
 * it have minted, burned, flipped and paid AutoClaim for this holder; here another account sends them S tokens.
 * Each point is checked against the chain:
 * - each event is listed with its fees: the CSV export's rows give every `CreateCommit` of the holder's, its
 *   amount and a mint's fee to the wei, and a mint's tokens equal what its claim moved;
 * - the export: a header row, RFC 4180, parsed back by the tests' own reader;
 * - the profit split: the parts add up to the profit exactly, a position's mint fees are its mints' fees on
 *   chain, and the tokens received are shown as such, at the amount the chain moved;
 * - what the fees gave the treasury: the secondary share of the management fee, and the fees' sum.
 * Screenshots go to tests/e2e/screenshots/ledger-*.png.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { type Address, erc20Abi, parseEventLogs, parseUnits } from 'viem';
import { expect } from 'vitest';
import { poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import { write } from '../../devnet/lib/clients.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { CommitType } from '../../src/engine/commits.ts';
import { mintFeeAtCommit } from '../../src/engine/fees.ts';
import { PART_NAMES } from '../../src/engine/profit/split.ts';
import { quadFromHex, toUInt } from '../../src/engine/quad.ts';
import { csvObjects } from '../fixtures/csv.ts';
import { SCREENSHOTS, type Stage, tokenBalance } from './harness.ts';

const TIMEOUT = 60_000;

/** The exact amount a TokenAmount carries on hover ("1.234 gOHM"), as units. */
async function exactOf(amount: Locator, decimals: number): Promise<bigint> {
  const title = await amount.locator('[title]').first().getAttribute('title', { timeout: TIMEOUT });
  if (!title) throw new Error('an amount without its exact value on hover');
  return parseUnits(title.split(' ')[0]!, decimals);
}

/** A split's parts and profit as the card shows them. */
async function shownParts(block: Locator, decimals: number) {
  const parts: Record<string, bigint> = {};
  for (const name of PART_NAMES)
    parts[name] = await exactOf(block.locator(`[data-part="${name}"] dd`), decimals);
  const total = await exactOf(block.locator('[data-part="total"] dd'), decimals);
  return { parts, total };
}

export async function ledgerJourney(stage: Stage, page: Page, user: Address) {
  const indexer = stage.indexer;
  if (!indexer) throw new Error('the ledger journey needs the stage’s indexer');
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  const shot = (name: string) =>
    page.screenshot({ path: join(SCREENSHOTS, `ledger-${name}.png`), fullPage: true });

  // Tokens from another account: the liquidity provider sends the holder a tenth of its S tokens.
  const other = devAccount(ROLE_INDEX.liquidityProvider).address;
  const received = (await tokenBalance(stage, pool.shortToken, other)) / 10n;
  expect(received).toBeGreaterThan(0n);
  await write(stage.clients, other, {
    address: pool.shortToken,
    abi: erc20Abi,
    functionName: 'transfer',
    args: [user, received],
  });
  // An upkeep while they are held, then the indexer at the head.
  await stage.rebalance();
  await indexer.waitForBlock(await stage.clients.public.getBlockNumber(), 120_000);

  const head = await stage.clients.public.getBlockNumber({ cacheTime: 0 });
  await page.goto(`${stage.baseUrl}#/portfolio`);
  const totals = page.getByTestId('profit-total-gOHM');
  await totals.waitFor({ timeout: TIMEOUT });
  // Figures read once the split has every upkeep up to the transfer's and the rebalance's blocks.
  await expect
    .poll(
      async () =>
        BigInt(
          /indexed to block (\d+)/.exec((await page.getByTestId('profit-card').textContent()) ?? '')?.[1] ??
            0,
        ),
      {
        timeout: TIMEOUT,
      },
    )
    .toBeGreaterThanOrEqual(head);
  await shot('profit');

  // Why they gained or lost: the parts add up to the profit, to the wei.
  const all = await shownParts(totals, 18);
  expect(Object.values(all.parts).reduce((a, b) => a + b, 0n)).toBe(all.total);

  // The long position's mint fees are its executed mints' fees as the chain charged them at commit.
  const commits = parseEventLogs({
    abi: poolCommitterAbi,
    eventName: 'CreateCommit',
    logs: await stage.clients.public.getLogs({ address: pool.committer, fromBlock: 0n }),
  }).filter((l) => l.args.user.toLowerCase() === user.toLowerCase());
  const mints = commits.filter((l) => Number(l.args.commitType) === CommitType.LongMint);
  expect(mints.length).toBeGreaterThanOrEqual(2);
  const mintFees = mints.reduce(
    (sum, l) => sum + mintFeeAtCommit(l.args.amount, toUInt(quadFromHex(l.args.mintingFee))).fee,
    0n,
  );
  const long = page.getByTestId('profit-position').filter({ hasText: `${pool.name} · Long` });
  await long.locator('summary').click();
  const longParts = await shownParts(long, 18);
  expect(longParts.parts.mintFee).toBe(-mintFees);
  expect(Object.values(longParts.parts).reduce((a, b) => a + b, 0n)).toBe(longParts.total);

  // The tokens received: shown as having no cost the chain can tell, at the amount the chain moved.
  const short = page.getByTestId('profit-position').filter({ hasText: `${pool.name} · Short` });
  await short.locator('summary').click();
  const note = short.getByText(/came from another account/);
  expect(await exactOf(note, 18)).toBe(received);
  await shot('positions');

  // What the fees gave the treasury: the secondary share of the management fee, in the fees' sum.
  const fees = totals.getByTestId('fees-paid');
  const paid = await exactOf(fees, 18);
  const toTreasury = await exactOf(totals.getByTestId('to-treasury'), 18);
  expect(toTreasury).toBe(-all.parts.managementSecondary!);
  expect(toTreasury).toBeGreaterThan(0n);
  expect(paid).toBe(
    -(
      all.parts.mintFee! +
      all.parts.burnFee! +
      all.parts.managementPrimary! +
      all.parts.managementSecondary! +
      all.parts.keeper!
    ),
  );

  // Each event on screen with its fees: a mint's row shows the fee the chain charged, exact on hover.
  const historyRows = page.locator('table:has(caption:text("Your commits and transfers")) tbody tr');
  for (const log of mints) {
    const row = historyRows.filter({ has: page.locator(`[title="${log.transactionHash}"]`) });
    const fee = mintFeeAtCommit(log.args.amount, toUInt(quadFromHex(log.args.mintingFee))).fee;
    expect(await exactOf(row.locator('td').nth(5), 18)).toBe(fee);
  }

  // The export: every commit of the holder's in the pool, its amount and a mint's fee to the wei.
  await page.getByTestId('history-source').waitFor({ timeout: TIMEOUT });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.getByRole('button', { name: /^Export/ }).click(),
  ]);
  const csv = await readFile((await download.path())!, 'utf8');
  const { rows } = csvObjects(csv);
  for (const log of commits) {
    const row = rows.find(
      (r) => r.transaction_hash === log.transactionHash && r.log_index === String(log.logIndex),
    );
    expect(row, `the export's row of ${log.transactionHash}`).toBeDefined();
    expect(row!.amount_raw).toBe(log.args.amount.toString());
    if (Number(log.args.commitType) === CommitType.LongMint)
      expect(row!.fee_raw).toBe(
        mintFeeAtCommit(log.args.amount, toUInt(quadFromHex(log.args.mintingFee))).fee.toString(),
      );
  }
  // The first mint's tokens, as the export has them, are what its claim moved out of escrow.
  const firstMint = mints[0]!;
  const claimLogs = await stage.clients.public.getLogs({
    address: pool.longToken,
    event: erc20Abi.find((e) => e.type === 'event' && e.name === 'Transfer')!,
    args: { from: pool.address, to: user },
    fromBlock: firstMint.blockNumber,
  });
  const firstRow = rows.find((r) => r.transaction_hash === firstMint.transactionHash)!;
  expect(firstRow.received_raw).toBe(claimLogs[0]!.args.value!.toString());
  const transferRow = rows.find((r) => r.type === 'transfer_in' && r.side === 'short');
  expect(transferRow?.amount_raw).toBe(received.toString());
  await shot('export');
}

/** For the indexer journey: with the indexer down, the split says it is not computed. */
export async function expectSplitNotComputed(page: Page) {
  await page
    .getByTestId('profit-card')
    .getByText(/only the history indexer keeps/)
    .waitFor({ timeout: TIMEOUT });
}
