/**
 * What the browser benchmarks share: a fresh Chromium profile per measurement (the test wallet in it, when
 * asked), the page's JSON-RPC calls counted by method, and a wallet connection as a holder makes it.
 */
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROLE_INDEX } from '../devnet/config.ts';
import { devAccount } from '../devnet/lib/accounts.ts';
import { type AppStage, CHROMIUM, CHROMIUM_FLAGS } from '../devnet/lib/stage.ts';
import { TEST_WALLET_QUERY, testWalletScript } from '../tests/e2e/testWallet.ts';

/** Dev account 1: the holder with a long history on the Arbitrum profile. */
export const HOLDER = devAccount(ROLE_INDEX.firstUser).address;

/** Counts the page's JSON-RPC calls to the endpoint, by method. */
export function countCalls(page: Page, rpcUrl: string) {
  const byMethod = new Map<string, number>();
  page.on('request', (request) => {
    if (!request.url().startsWith(rpcUrl) || request.method() !== 'POST') return;
    if (request.url().includes(TEST_WALLET_QUERY)) return;
    const body = JSON.parse(request.postData() ?? '{}') as { method?: string } | Array<{ method?: string }>;
    for (const call of Array.isArray(body) ? body : [body]) {
      const method = call.method ?? '?';
      byMethod.set(method, (byMethod.get(method) ?? 0) + 1);
    }
  });
  return {
    reset: () => byMethod.clear(),
    total: () => [...byMethod.values()].reduce((a, b) => a + b, 0),
    of: (...methods: string[]) => methods.reduce((sum, m) => sum + (byMethod.get(m) ?? 0), 0),
    detail: () => [...byMethod].map(([m, n]) => `${m}=${n}`).join(','),
  };
}

export async function newContext(stage: AppStage, name: string, wallet: boolean): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(join(stage.workDir, name), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1440, height: 1000 },
    args: CHROMIUM_FLAGS,
  });
  if (wallet)
    await context.addInitScript(
      testWalletScript({ rpcUrl: stage.rpcUrl, address: HOLDER, chainId: '0x7a69' }),
    );
  return context;
}

export async function connect(page: Page) {
  await page.getByRole('button', { name: 'Connect Wallet', exact: true }).click();
  await page.getByText('E2E Test Wallet').first().click();
  await page.getByRole('button', { name: /0x/ }).first().waitFor({ timeout: 30_000 });
}
