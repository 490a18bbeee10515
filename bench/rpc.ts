/**
 * `npm run bench:rpc`: what the app asks of a public Arbitrum-like endpoint, under the Arbitrum profile (the
 * chain at block 400,000,000 with a long history, a block every 250 ms, the provider-like proxy, the keeper
 * and the price simulator running as under `npm start`). Counts are of JSON-RPC calls the page sends to the
 * endpoint (a batch counts each call; the test wallet's own traffic, which a real wallet sends to its own
 * provider, is left out). One figure a line, budgets after; figures only, nothing fails.
 *
 * `--app <dir>` builds and measures another checkout of the app against the same stage (e.g. the previous
 * version, for a before/after comparison).
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { runKeeper } from '../devnet/lib/keeper.ts';
import { runPriceSimulator } from '../devnet/lib/prices.ts';
import { ARBITRUM_PROFILE } from '../devnet/lib/profile.ts';
import { startAppStage } from '../devnet/lib/stage.ts';
import { connect, countCalls, newContext } from './browserKit.ts';

const MINUTE = 60_000;
const appArg = process.argv.indexOf('--app');
const appRoot = appArg > 0 ? resolve(process.argv[appArg + 1] ?? '.') : undefined;

const lines: string[] = [];
const figure = (name: string, value: number | string, unit: string) => {
  const line = `${name}: ${value} ${unit}`;
  lines.push(line);
  console.log(line);
};

async function appears(page: Page, selector: string, timeout: number): Promise<boolean> {
  try {
    await page.locator(selector).first().waitFor({ state: 'attached', timeout });
    return true;
  } catch {
    return false;
  }
}

/** Seconds until the page's text matches `pattern`, or undefined after `limitMs`. */
async function secondsUntil(page: Page, pattern: RegExp, limitMs: number): Promise<number | undefined> {
  const start = Date.now();
  while (Date.now() - start < limitMs) {
    const text = (await page.locator('main').textContent()) ?? '';
    if (pattern.test(text)) return (Date.now() - start) / 1000;
    await page.waitForTimeout(250);
  }
  return undefined;
}

const NOT_CURRENT = /Reconnecting|Cannot reach|Could not read/;

const stage = await startAppStage({ profile: ARBITRUM_PROFILE, ...(appRoot ? { appRoot } : {}) });
const stopKeeper = runKeeper(stage.clients, stage.deployment, { log: () => {} });
const stopPrices = runPriceSimulator(stage.clients, stage.deployment, stage.config);
try {
  const pool = stage.deployment.pools.find((p) => p.name === '3-BTC/USD+gOHM')!;
  const browse = await newContext(stage, 'bench-rpc-browse', false);
  const page = browse.pages()[0] ?? (await browse.newPage());
  const calls = countCalls(page, stage.rpcUrl);

  const idle = async (name: string, hash: string, ready: string) => {
    await page.goto(`${stage.baseUrl}${hash}`);
    // A page that never gets ready (an older version against this endpoint) is measured as it stands.
    if (!(await appears(page, ready, 90_000))) console.log(`  (${name}: never showed ${ready})`);
    await page.waitForTimeout(3000);
    calls.reset();
    await page.waitForTimeout(MINUTE);
    figure(`rpc.idle.${name}.perMinute`, calls.total(), 'requests');
    console.log(`  (${calls.detail()})`);
  };
  await idle('pools', '#/pools', 'tbody tr td .font-mono');
  await idle('pool', `#/pool?address=${pool.address}`, 'figure table');

  // A hidden tab: the page is told it is hidden, as on a tab switch, and its timers keep running.
  await page.goto(`${stage.baseUrl}#/pools`);
  await page.locator('tbody tr td .font-mono').first().waitFor({ timeout: 120_000 });
  // A string, not a function: tsx's helpers do not exist inside the page.
  await page.evaluate(`
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    document.dispatchEvent(new Event('visibilitychange'));
  `);
  await page.waitForTimeout(2000);
  calls.reset();
  await page.waitForTimeout(MINUTE);
  figure('rpc.hidden.perMinute', calls.total(), 'requests');
  await browse.close();

  // The portfolio, with an empty cache, then again on a reload (the cache kept in IndexedDB).
  const holder = await newContext(stage, 'bench-rpc-holder', true);
  const wallet = holder.pages()[0] ?? (await holder.newPage());
  const walletCalls = countCalls(wallet, stage.rpcUrl);
  await wallet.goto(`${stage.baseUrl}#/portfolio`);
  await wallet.locator('main h1').waitFor({ timeout: 60_000 });
  await connect(wallet);
  // The history table (or, on a version that cannot read the history here, nothing for two minutes).
  const historyRead = () => appears(wallet, 'table:has(caption:text("Your commits and transfers"))', 120_000);
  walletCalls.reset();
  const firstStart = Date.now();
  const firstRead = await historyRead();
  figure(
    'history.portfolio.first.requests',
    walletCalls.of('eth_getLogs', 'eth_getBlockByNumber'),
    'requests',
  );
  figure(
    'history.portfolio.first.seconds',
    firstRead ? ((Date.now() - firstStart) / 1000).toFixed(1) : '>120 (never loaded)',
    's',
  );
  walletCalls.reset();
  await wallet.reload();
  await historyRead();
  await wallet.waitForTimeout(2000);
  figure(
    'history.portfolio.repeat.requests',
    walletCalls.of('eth_getLogs', 'eth_getBlockByNumber'),
    'requests',
  );
  await wallet.waitForTimeout(3000);
  walletCalls.reset();
  await wallet.waitForTimeout(MINUTE);
  figure('rpc.idle.portfolio.perMinute', walletCalls.total(), 'requests');
  console.log(`  (${walletCalls.detail()})`);

  // The endpoint goes away: how soon the page says its figures are not current, and how soon it recovers.
  await wallet.goto(`${stage.baseUrl}#/pools`);
  await wallet.locator('tbody tr td .font-mono').first().waitFor({ timeout: 60_000 });
  await wallet.waitForTimeout(2000);
  await stage.proxy!.down();
  const detect = await secondsUntil(wallet, NOT_CURRENT, 2 * MINUTE);
  figure('stale.detect.seconds', detect === undefined ? '>120' : detect.toFixed(1), 's');
  await stage.proxy!.up();
  const recover = await secondsUntil(
    wallet,
    /^(?![\s\S]*(Reconnecting|Cannot reach|Could not read))/,
    2 * MINUTE,
  );
  figure('stale.recover.seconds', recover === undefined ? '>120' : recover.toFixed(1), 's');
  await holder.close();
} finally {
  stopKeeper();
  stopPrices();
  await stage.close();
}

const budget = (name: string, ok: boolean, detail: string) =>
  console.log(`budget.${name}: ${ok ? 'met' : 'missed'} (${detail})`);
const value = (name: string) =>
  Number(lines.find((l) => l.startsWith(`${name}:`))?.split(' ')[1] ?? Number.NaN);
const poll = ARBITRUM_PROFILE.pollIntervalMs / 1000;
console.log('');
for (const page of ['pools', 'pool', 'portfolio'])
  budget(
    `rpc.idle.${page}`,
    value(`rpc.idle.${page}.perMinute`) <= 16,
    `${value(`rpc.idle.${page}.perMinute`)} ≤ 16 a minute`,
  );
budget('rpc.hidden', value('rpc.hidden.perMinute') === 0, `${value('rpc.hidden.perMinute')} = 0`);
budget(
  'history.portfolio.repeat',
  value('history.portfolio.repeat.requests') <= 4,
  `${value('history.portfolio.repeat.requests')} ≤ 4`,
);
budget(
  'stale.detect',
  value('stale.detect.seconds') <= 2 * poll,
  `${value('stale.detect.seconds')} s ≤ ${2 * poll} s`,
);
budget(
  'stale.recover',
  value('stale.recover.seconds') <= poll,
  `${value('stale.recover.seconds')} s ≤ ${poll} s`,
);
