/**
 * The upkeep pass (docs/keeper.md, "What it does"): which of the Olympus pools are due
 * (`PoolKeeper.isUpkeepRequiredSinglePool`, all in one batched read), one `performUpkeepMultiplePools` for
 * several or `performUpkeepSinglePool` for one, and only the pools whose predicted reward (profit.ts, the
 * engine's reward of docs/protocol.md §2.4) pays for their share of the gas, unless `--always`. Nothing
 * executes on V2.1 pools until someone does this after each update interval (§1.6).
 */
import { type Address, type Hash, parseEventLogs } from 'viem';
import { leveragedPoolAbi, poolKeeperAbi } from '../../contracts-abi/generated/index.ts';
import { type KeeperContext, readAll } from './context.ts';
import type { KeptPool } from './discovery.ts';
import type { PoolLogEntry } from './log.ts';
import { type PausedPools, pausedPools } from './paused.ts';
import { covers, spendFields } from './profit.ts';
import { estimate, sendAndWait } from './send.ts';
import { estimateSendable, type Priced, price, upkeepCall } from './upkeepPricing.ts';

export interface UpkeepOutcome {
  /** Pools due at the keeper's block. */
  due: KeptPool[];
  /** Left out because they are paused: seen so now, or earlier and not yet due a re-check (paused.ts). */
  paused: KeptPool[];
  /** Left out because their reward did not cover their gas. */
  skipped: KeptPool[];
  tx?: Hash;
  gasUsed?: bigint;
  /** Pools whose upkeep succeeded (`UpkeepSuccessful`). */
  upkept: Address[];
  /** Pools whose own upkeep reverted with a reason (`PoolUpkeepError`); the keeper is paid anyway (§1.6). */
  failed: { pool: Address; reason: string }[];
  /** What each pool paid the keeper (`KeeperPaid`), settlement token units. */
  paid: Map<Address, bigint>;
}

const entryOf = ({ pool, prediction }: Priced): PoolLogEntry => ({
  pool: pool.address,
  name: pool.name,
  reward: prediction.reward,
  rewardWei: prediction.rewardWei,
});

const sum = (values: bigint[]) => values.reduce((a, b) => a + b, 0n);

/**
 * One upkeep pass over `pools`: checks, prices, decides, sends, logs. Throws when a read or the send fails.
 * `paused` remembers the pools seen paused from pass to pass, so that they are asked about only now and then.
 */
export async function upkeepDuePools(
  ctx: KeeperContext,
  poolKeeper: Address,
  pools: readonly KeptPool[],
  paused: PausedPools = pausedPools(),
): Promise<UpkeepOutcome> {
  const outcome: UpkeepOutcome = {
    due: [],
    paused: [],
    skipped: [],
    upkept: [],
    failed: [],
    paid: new Map(),
  };
  const asked = paused.toAsk(pools);
  // Whether each is due and whether it is paused, in one batched read: both answers are booleans.
  const answers = await readAll(
    ctx,
    [
      ...asked.map((p) => ({
        address: poolKeeper,
        abi: poolKeeperAbi,
        functionName: 'isUpkeepRequiredSinglePool' as const,
        args: [p.address] as const,
      })),
      ...asked.map((p) => ({ address: p.address, abi: leveragedPoolAbi, functionName: 'paused' as const })),
    ],
    ctx.blockTag,
  );
  const newlyPaused = asked.filter((p, i) => paused.record(p.address, answers[asked.length + i] === true));
  if (newlyPaused.length > 0)
    ctx.log({
      action: 'skip',
      about: 'upkeep',
      pools: newlyPaused.map((p) => ({ pool: p.address, name: p.name })),
      reason: `paused: its upkeep reverts until governance unpauses it; asked again every ${paused.recheckMs / 1000} s`,
    });
  outcome.paused = pools.filter((p) => paused.isPaused(p.address));
  outcome.due = asked.filter((p, i) => answers[i] === true && !paused.isPaused(p.address));
  if (outcome.due.length === 0) return outcome;

  const gasPrice = await ctx.client.getGasPrice();
  let { pools: chosen, gas } = await estimateSendable(ctx, poolKeeper, outcome.due);
  let priced = await price(ctx, poolKeeper, chosen, gas);
  const covering = priced.filter((p) => covers(p.prediction.rewardWei, p.gasShare, gasPrice));
  if (!ctx.always && covering.length < priced.length) {
    const short = priced.filter((p) => !covering.includes(p));
    outcome.skipped = short.map((p) => p.pool);
    ctx.log({
      action: 'skip',
      about: 'upkeep',
      pools: short.map(entryOf),
      gasEstimate: gas,
      gasPrice,
      costWei: sum(short.map((p) => p.gasShare)) * gasPrice,
      rewardWei: sum(short.map((p) => p.prediction.rewardWei)),
      reason: 'the reward does not cover the gas',
    });
    if (covering.length === 0) return outcome;
    // Fewer pools, less gas: estimate and price the smaller transaction again.
    chosen = covering.map((p) => p.pool);
    gas = await estimate(ctx, upkeepCall(poolKeeper, chosen));
    priced = await price(ctx, poolKeeper, chosen, gas);
  }

  const rewardWei = sum(priced.map((p) => p.prediction.rewardWei));
  const receipt = await sendAndWait(ctx, upkeepCall(poolKeeper, chosen), gas);
  outcome.tx = receipt.transactionHash;
  outcome.gasUsed = receipt.gasUsed;
  const entries = new Map(priced.map((p) => [p.pool.address.toLowerCase(), entryOf(p)]));
  const own = receipt.logs.filter((log) => log.address.toLowerCase() === poolKeeper.toLowerCase());
  for (const event of parseEventLogs({ abi: poolKeeperAbi, logs: own })) {
    if (event.eventName === 'UpkeepSuccessful') {
      outcome.upkept.push(event.args.pool);
      const entry = entries.get(event.args.pool.toLowerCase());
      if (entry)
        Object.assign(entry, {
          upkept: true,
          startPrice: event.args.startPrice,
          endPrice: event.args.endPrice,
        });
    } else if (event.eventName === 'PoolUpkeepError') {
      outcome.failed.push({ pool: event.args.pool, reason: event.args.reason });
      const entry = entries.get(event.args.pool.toLowerCase());
      if (entry) Object.assign(entry, { upkept: false, failure: event.args.reason });
    } else if (event.eventName === 'KeeperPaymentError') {
      // The pool could not pay what the reward came to (§2.4): the upkeep happened, unpaid.
      outcome.paid.set(event.args._pool, 0n);
      const entry = entries.get(event.args._pool.toLowerCase());
      if (entry) entry.paid = 0n;
    } else if (event.eventName === 'KeeperPaid') {
      outcome.paid.set(event.args._pool, event.args.reward);
      const entry = entries.get(event.args._pool.toLowerCase());
      if (entry) entry.paid = event.args.reward;
    }
  }
  ctx.log({
    action: 'upkeep',
    pools: [...entries.values()],
    ...spendFields(receipt, gas, gasPrice, rewardWei),
  });
  return outcome;
}
