/**
 * The keeper on a paused pool (docs/keeper.md, "What it does"; docs/protocol.md §9). PoolKeeper still calls a
 * paused pool due, but its upkeep reverts until governance unpauses it, so a keeper that asked on every tick
 * would estimate (and log) a failing upkeep once a second. It leaves the pool out, says so once, upkeeps the
 * others, and asks about the paused pool again only after its re-check interval.
 */
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { leveragedPoolAbi } from '../../contracts-abi/generated/index.ts';
import { write } from '../../devnet/lib/clients.ts';
import type { KeeperEvent } from '../../keeper/lib/log.ts';
import { pausedPools } from '../../keeper/lib/paused.ts';
import { cliLikeKeeper, passIntervals, startSeededChain, type TestChain } from './helpers.ts';

let chain: TestChain;

beforeAll(async () => {
  chain = await startSeededChain();
});
afterAll(() => chain?.node.stop());

/** Pauses `pool` as its invariant check would on a failed check: only that contract may call `pause()`. */
async function pause(pool: Address): Promise<void> {
  const { clients } = chain;
  const check = await clients.public.readContract({
    address: pool,
    abi: leveragedPoolAbi,
    functionName: 'invariantCheck',
  });
  await clients.test.impersonateAccount({ address: check });
  await clients.test.setBalance({ address: check, value: 10n ** 18n });
  await write(clients, check, { address: pool, abi: leveragedPoolAbi, functionName: 'pause', args: [] });
  await clients.test.stopImpersonatingAccount({ address: check });
}

const about = (events: readonly KeeperEvent[], pool: Address) =>
  events.filter((e) => e.pools?.some((p) => p.pool.toLowerCase() === pool.toLowerCase()));

describe('a paused pool', () => {
  it('is left out of the upkeep pass, said once, and asked about again only at the slow re-check', async () => {
    const { deployment } = chain;
    const paused = deployment.pools[0]!.address;
    const others = deployment.pools.slice(1).map((p) => p.address);
    const recheckMs = 3000;
    const { keeper, events } = await cliLikeKeeper(chain, [chain.node.rpcUrl], {
      always: true,
      pausedRecheckMs: recheckMs,
    });
    await pause(paused);
    await passIntervals(chain);

    const first = await keeper.tick();
    expect(first.errors).toBe(0);
    expect(first.upkeep?.upkept).toEqual(others);
    expect(first.upkeep?.paused?.map((p) => p.address)).toEqual([paused]);
    const said = about(events, paused);
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ action: 'skip', about: 'upkeep' });
    expect(said[0]?.reason).toMatch(/paused/);

    // Every tick of the next seconds: the paused pool is not asked about, estimated or logged again.
    const seen = events.length;
    for (let i = 0; i < 3; i++) {
      await passIntervals(chain);
      const tick = await keeper.tick();
      expect(tick.errors).toBe(0);
      expect(tick.upkeep?.upkept).toEqual(others);
      expect(tick.upkeep?.due.map((p) => p.address)).not.toContain(paused);
    }
    expect(about(events.slice(seen), paused)).toEqual([]);

    // Unpaused: still held back until its re-check comes, then upkept like the others.
    await write(chain.clients, deployment.roles.governance, {
      address: paused,
      abi: leveragedPoolAbi,
      functionName: 'unpause',
      args: [],
    });
    const held = await keeper.tick();
    expect(held.upkeep?.upkept ?? []).not.toContain(paused);
    await new Promise((r) => setTimeout(r, recheckMs));
    const back = await keeper.tick();
    expect(back.upkeep?.upkept).toContain(paused);
    expect(back.upkeep?.paused).toEqual([]);
  });
});

describe('the paused-pool memory', () => {
  it('holds a paused pool back until its re-check, says "newly paused" once, and forgets it once unpaused', () => {
    let now = 1_000;
    const memory = pausedPools({ recheckMs: 60_000, now: () => now });
    const a = { address: '0x00000000000000000000000000000000000000a1' as Address };
    const b = { address: '0x00000000000000000000000000000000000000B2' as Address };
    expect(memory.toAsk([a, b])).toEqual([a, b]);
    expect(memory.record(a.address, true)).toBe(true);
    expect(memory.record(b.address, false)).toBe(false);
    now += 59_999;
    expect(memory.toAsk([a, b])).toEqual([b]);
    expect(memory.isPaused(a.address)).toBe(true);
    now += 1;
    expect(memory.toAsk([a, b])).toEqual([a, b]);
    // Still paused at the re-check: held for another interval, and not said again.
    expect(memory.record(a.address, true)).toBe(false);
    expect(memory.toAsk([a])).toEqual([]);
    now += 60_000;
    expect(memory.record(a.address, false)).toBe(false);
    expect(memory.isPaused(a.address)).toBe(false);
    expect(memory.toAsk([a])).toEqual([a]);
  });
});
