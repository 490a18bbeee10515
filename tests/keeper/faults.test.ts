/**
 * The keeper on endpoints that fail the way public ones do (docs/keeper.md, "Robustness"), against the devnet's
 * provider-like proxy (devnet/lib/rpcProxy.ts): a first URL that is a closed port, an endpoint taken down in the
 * middle of a run and brought back, 429s, capped `eth_getLogs` ranges, every endpoint down at once, and a nonce
 * made stale behind the keeper's back. In each case the outcome checked is on the chain: pools upkept, tokens
 * claimed.
 */
import { parseEther } from 'viem';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../devnet/lib/node.ts';
import { type RpcProxy, startRpcProxy } from '../../devnet/lib/rpcProxy.ts';
import { runLoop } from '../../keeper/lib/keeper.ts';
import { CommitType } from '../../src/engine/commits.ts';
import {
  cliLikeKeeper,
  commitMint,
  lastPriceTimestamps,
  passIntervals,
  startSeededChain,
  type TestChain,
  type TestKeeper,
  tokenBalance,
  until,
  user,
} from './helpers.ts';

let chain: TestChain;
const proxies: RpcProxy[] = [];
const loops: AbortController[] = [];

beforeAll(async () => {
  chain = await startSeededChain();
});
afterEach(async () => {
  for (const loop of loops.splice(0)) loop.abort();
  for (const proxy of proxies.splice(0)) await proxy.close();
});
afterAll(() => chain?.node.stop());

/** A quiet proxy (no latency, no 429s) unless `faults` say otherwise. */
async function proxy(faults: Parameters<typeof startRpcProxy>[0] = { upstream: '' }): Promise<RpcProxy> {
  const started = await startRpcProxy({
    latencyMs: [0, 0],
    rateLimitShare: 0,
    ...faults,
    upstream: chain.node.rpcUrl,
  });
  proxies.push(started);
  return started;
}

function loop(keeper: TestKeeper) {
  const controller = new AbortController();
  loops.push(controller);
  void runLoop(keeper.keeper, { intervalMs: 100, signal: controller.signal });
}

/** Moves past an interval and waits until the keeper has upkept every pool. */
async function expectUpkeep(what: string) {
  const before = await lastPriceTimestamps(chain);
  await passIntervals(chain);
  await until(
    async () => (await lastPriceTimestamps(chain)).every((t, i) => t > before[i]!),
    30_000,
    `the upkeep ${what}`,
  );
}

describe('faults', () => {
  it('upkeeps through the second URL when the first is a closed port', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { keeper } = await cliLikeKeeper(chain, [closed, chain.node.rpcUrl], { always: true });
    await passIntervals(chain);
    const outcome = await keeper.tick();
    expect(outcome.errors).toBe(0);
    expect(outcome.upkeep?.upkept).toHaveLength(4);
  });

  it('keeps upkeeping while its first endpoint goes down mid-run, and goes back to it when it returns', async () => {
    const first = await proxy();
    const keeper = await cliLikeKeeper(chain, [first.url, chain.node.rpcUrl], { always: true });
    loop(keeper);
    await expectUpkeep('through the first endpoint');
    expect(first.stats.byMethod.eth_sendRawTransaction).toBeGreaterThan(0);

    await first.down();
    await expectUpkeep('while the first endpoint is down');
    await first.up();
    first.resetStats();
    await expectUpkeep('after the first endpoint came back');
    expect(first.stats.byMethod.eth_sendRawTransaction).toBeGreaterThan(0);
    expect(keeper.events.filter((e) => e.action === 'error')).toEqual([]);
  });

  it('rides out 429s on its only endpoint, reads and sends alike', async () => {
    const limited = await proxy({ upstream: '', rateLimitShare: 0.15, retryAfterSeconds: 1, seed: 7 });
    const keeper = await cliLikeKeeper(chain, [limited.url], { always: true });
    loop(keeper);
    await expectUpkeep('behind 429s');
    await expectUpkeep('behind 429s, again');
    expect(limited.stats.rateLimited).toBeGreaterThan(0);
  });

  it('finds paid claims through an endpoint that caps eth_getLogs at 20 blocks', async () => {
    const capped = await proxy({ upstream: '', maxLogRange: 20 });
    const keeper = await cliLikeKeeper(chain, [capped.url], { always: true });
    const alice = user(0);
    const pool = chain.deployment.pools[3]!;
    // Spread the history so that the scan from the deployment block needs many pages.
    await chain.clients.test.mine({ blocks: 200 });
    await commitMint(chain, alice, 3, CommitType.LongMint, '10', parseEther('0.001'));
    await chain.clients.test.mine({ blocks: 100 });
    await passIntervals(chain);
    const outcome = await keeper.keeper.tick();
    expect(outcome.errors).toBe(0);
    expect(outcome.claims?.executed).toHaveLength(1);
    expect(await tokenBalance(chain, pool.longToken, alice)).toBeGreaterThan(0n);
    expect(capped.stats.rangeRefusals).toBeGreaterThan(0);
  });

  it('logs errors while every endpoint is down, and upkeeps once one is back', async () => {
    const only = await proxy();
    const keeper = await cliLikeKeeper(chain, [only.url], { always: true });
    loop(keeper);
    await expectUpkeep('before the outage');
    await only.down();
    const before = await lastPriceTimestamps(chain);
    await passIntervals(chain);
    // A pass under way when the endpoint went (a receipt, a log scan) fails only after its own retries.
    await until(async () => keeper.events.some((e) => e.action === 'error'), 60_000, 'an error line');
    expect(await lastPriceTimestamps(chain)).toEqual(before);
    await only.up();
    await until(
      async () => (await lastPriceTimestamps(chain)).every((t, i) => t > before[i]!),
      60_000,
      'the upkeep after the outage',
    );
  }, 150_000);

  it('gives a receipt up when its only endpoint goes while it waits, and upkeeps once it is back', async () => {
    // Half a second of latency: the receipt is still being asked for when the endpoint goes.
    const slow = await proxy({ upstream: '', latencyMs: [500, 500] });
    const keeper = await cliLikeKeeper(chain, [slow.url], { always: true, receiptTimeoutMs: 3000 });
    loop(keeper);
    const before = await lastPriceTimestamps(chain);
    await passIntervals(chain);
    await until(
      async () => (await lastPriceTimestamps(chain)).every((t, i) => t > before[i]!),
      30_000,
      'mined',
    );
    await slow.down();
    await until(
      async () => keeper.events.some((e) => e.action === 'error' && e.tx),
      30_000,
      'the receipt error',
    );
    const error = keeper.events.find((e) => e.action === 'error' && e.tx)!;
    expect(error.reason).toMatch(/^no receipt for/);
    // It was mined all the same: the keeper only lost sight of it.
    expect((await chain.clients.public.getTransactionReceipt({ hash: error.tx! })).status).toBe('success');
    await slow.up();
    await expectUpkeep('after the endpoint came back');
  });

  it('reads its nonce again after a send fails on a nonce someone else used', async () => {
    const keeper = await cliLikeKeeper(chain, [chain.node.rpcUrl], { always: true });
    await passIntervals(chain);
    expect((await keeper.keeper.tick()).upkeep?.upkept).toHaveLength(4);
    // The same account sends elsewhere (another keeper instance, a wallet): the keeper's count is now stale.
    const { roles } = chain.deployment;
    await chain.clients.wallet.sendTransaction({
      account: roles.keeper,
      chain: chain.clients.chain,
      to: roles.keeper,
      value: 0n,
    });
    await passIntervals(chain);
    const before = await lastPriceTimestamps(chain);
    const failed = await keeper.keeper.tick();
    expect(failed.errors).toBe(1);
    expect(keeper.events.at(-1)).toMatchObject({ action: 'error', about: 'upkeep' });
    expect(keeper.ctx.nonces.current).toBeUndefined();
    expect(await lastPriceTimestamps(chain)).toEqual(before);
    const next = await keeper.keeper.tick();
    expect(next.upkeep?.upkept).toHaveLength(4);
  });
});
