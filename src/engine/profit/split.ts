/**
 * A holder's profit in one pool, split into where it came from (docs/ledger.md, "Profit explained"): the market
 * move and the rebalancing rate of each upkeep the position lived through, the management fee (the protocol's
 * part and the secondary address's), the keeper's reward, the mint and burn fees it paid, and the rest (fees
 * other traders paid into the side, and rounding).
 *
 * Exact by construction. The position is valued at the price the committer stored for each interval, and
 * every change of that value is booked to exactly one part: at an upkeep, the parts that the pool's balances
 * before and after each step give (the holder's share of the fee, of the transfer, of the keeper's reward)
 * and the rest of the move; at an entry or exit, the fee and the rounding of the conversion. So the parts sum
 * to `proceeds + value − cost` to the wei, whatever the figures; `tests/engine/profitSplit.test.ts` checks it on
 * random histories.
 */
import type { Side } from '../types.ts';
import { bookUpkeep, execute, Holding, SIDE_OF, transfer, valueAt } from './holding.ts';
import type { PoolSplit, SplitInput } from './types.ts';

export * from './types.ts';

type Key = readonly [bigint, number, bigint, bigint, number];

function compareKeys(a: Key, b: Key): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/**
 * The split of one pool's long and short positions. Executed commits are booked just after the upkeep that
 * executed their interval, at the price stored for it; transfers where they happened; commits still queued
 * are left out (a queued mint's collateral is reported as `pendingMint`).
 */
export function splitProfit(input: SplitInput): PoolSplit {
  const holdings: Record<Side, Holding> = { long: new Holding(), short: new Holding() };
  const steps = [...input.steps].sort((a, b) =>
    compareKeys([a.blockNumber, a.logIndex, 0n, 0n, 0], [b.blockNumber, b.logIndex, 0n, 0n, 0]),
  );
  const points: { key: Key; run: () => void }[] = [];
  let deferred: (() => void)[] = [];
  steps.forEach((step, i) => {
    points.push({
      key: [step.blockNumber, step.logIndex, 0n, 0n, 0],
      run: () => {
        for (const side of ['long', 'short'] as const)
          bookUpkeep(holdings[side], side, step, steps[i - 1], input.secondaryFeePercent);
        for (const run of deferred) run();
        deferred = [];
      },
    });
  });
  const last = steps.at(-1);
  for (const event of input.events) {
    if (event.kind === 'transfer') {
      const run = () => transfer(holdings[event.side], event.direction, event.amount);
      points.push({
        key: [event.blockNumber, event.logIndex, 0n, 0n, 0],
        run: () => (holdings[event.side].price === undefined ? deferred.push(run) : run()),
      });
      continue;
    }
    if (event.kind !== 'commit') continue;
    const prices = input.priceHistory.get(event.intervalId);
    const { from, into } = SIDE_OF[event.commitType];
    if (event.intervalId >= input.updateIntervalId || !prices) {
      if (!from && into) holdings[into].split.pendingMint += event.amount;
      continue;
    }
    // After the upkeep that executed the interval; before the first upkeep past it if none is known to.
    const by = steps.find(
      (s) =>
        s.firstInterval !== undefined &&
        s.firstInterval <= event.intervalId &&
        event.intervalId <= (s.lastInterval ?? s.firstInterval),
    );
    const next = steps.find((s) => s.firstInterval !== undefined && s.firstInterval > event.intervalId);
    const at = by ?? next ?? last;
    const sub = by ? 1n + event.intervalId - (by.firstInterval ?? 0n) : next ? -1n : 1n;
    const block = at?.blockNumber ?? event.blockNumber;
    points.push({
      key: [block, at?.logIndex ?? 0, sub, event.blockNumber, event.logIndex],
      run: () =>
        execute(
          holdings,
          event,
          prices,
          input.burnFeeHistory.get(event.intervalId) ?? 0n,
          input.mintingFeeWad,
          block,
        ),
    });
  }
  points.sort((a, b) => compareKeys(a.key, b.key));
  for (const point of points) point.run();
  const result = {} as PoolSplit;
  for (const side of ['long', 'short'] as const) {
    const h = holdings[side];
    const split = h.split;
    split.value = h.price === undefined ? 0n : valueAt(h.price, split.tokens);
    if (h.interval !== undefined) split.valuedAtInterval = h.interval;
    split.total = split.proceeds + split.value - split.cost;
    result[side] = split;
  }
  return result;
}
