/**
 * The trade preview against the real Tracer V2.1 contracts when the keeper is not simply on time: a commit in
 * the front-running window (an upkeep, and its keeper reward, come before the commit's interval), a commit
 * while the keeper's upkeep is due, and commits while the keeper is two and three intervals late (one upkeep
 * then executes the backlog and the commit together). For each, the preview is computed the way the trade
 * form computes it, from the pool read just before the commit (`previewCommit` with `previewKeeperInputs`),
 * and the tokens the chain then credits the user must equal it to the wei. The one input nobody knows before
 * the upkeep runs is the gas the keeper measures for itself (docs/protocol.md §2.4); as in the engine
 * differential test it is taken from a call trace of the upkeep, and the form's estimate is checked to land
 * within the difference it warns of.
 *
 * Also checked here: the smallest mint the form names for a commit that would yield nothing does yield a
 * token unit on chain, and one unit less yields none.
 */
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { erc20Abi, testChainlinkOracleAbi, testTokenAbi } from '../../contracts-abi/generated/index.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { readPendingSettlement } from '../../src/chain/pools/userSettlement.ts';
import {
  type CommitPreview,
  type CommitPreviewInput,
  previewCommit,
} from '../../src/engine/commitPreview.ts';
import { CommitType, commitParamsToHex, encodeCommitParams } from '../../src/engine/commits.ts';
import { smallestYieldingAmount } from '../../src/engine/smallestCommit.ts';
import type { PoolState } from '../../src/engine/types.ts';
import { previewKeeperInputs, UPKEEP_GAS_RANGE } from '../../src/features/trade/tradePreviewing.ts';
import {
  committerEvents,
  type Harness,
  keeperCalls,
  poolCommitterAbi,
  poolKeeperAbi,
  readPool,
  readUsers,
  send,
  startHarness,
} from './differential/harness.ts';

const OHM = 10n ** 9n;

let h: Harness;
/** 3-ETH/USD+OHM: UI 60 s, FRI 10 s, 2%/yr management fee, mint and burn fees, keeper gas price 2 gwei. */
const pool = () => h.pools[0]!;
const committer = () => ({ address: pool().committer, abi: poolCommitterAbi }) as const;

async function upkeep(at: bigint) {
  const receipt = await send(
    h,
    h.deployment.roles.keeper,
    {
      address: h.deployment.contracts.keeper,
      abi: poolKeeperAbi,
      functionName: 'performUpkeepSinglePool',
      args: [pool().address],
    },
    { at, gas: 12_000_000n },
  );
  const [call] = await keeperCalls(h, receipt.transactionHash);
  if (!call) throw new Error('the keeper paid nobody');
  return call.gasSpent;
}

/** The pool with every queued interval (a late keeper's commits land several ids ahead). */
async function readState() {
  const first = await readPool(h, pool(), 0n);
  return readPool(h, pool(), first.snapshot.state.updateIntervalId + 6n);
}

async function fund(user: Address, amount: bigint) {
  const token = { address: pool().collateral.address, abi: testTokenAbi } as const;
  await send(h, user, { ...token, functionName: 'mint', args: [user, amount] });
  await send(h, user, { ...token, functionName: 'approve', args: [pool().address, amount] });
}

async function commit(user: Address, commitType: CommitType, amount: bigint, at?: bigint) {
  const receipt = await send(
    h,
    user,
    {
      ...committer(),
      functionName: 'commit',
      args: [commitParamsToHex(encodeCommitParams(amount, commitType, false, false))],
    },
    at === undefined ? {} : { at },
  );
  return committerEvents(receipt)[0]!.args.appropriateUpdateIntervalId;
}

/** Upkeeps on time (at each due second) until interval `id` has executed. */
async function upkeepThrough(id: bigint) {
  for (;;) {
    const { state } = (await readPool(h, pool(), 0n)).snapshot;
    if (state.updateIntervalId > id) return;
    const due = state.lastPriceTimestamp + BigInt(state.updateInterval);
    await upkeep(due > h.clock.latest ? due : h.clock.latest + 1n);
  }
}

/** A fresh upkeep, so that the cases below count their times from it. */
async function freshUpkeep(): Promise<PoolState> {
  const { state } = (await readPool(h, pool(), 0n)).snapshot;
  const due = state.lastPriceTimestamp + BigInt(state.updateInterval);
  await upkeep(due > h.clock.latest ? due : h.clock.latest + 1n);
  return (await readState()).snapshot.state;
}

interface Case {
  user: Address;
  commitType: CommitType;
  amount: bigint;
  /** Seconds after the last upkeep at which the commit is made. */
  commitAfter: bigint;
  /** Seconds after the last upkeep of each upkeep that follows the commit, until the commit has executed. */
  upkeepsAfter: bigint[];
}

interface Outcome {
  /** The form's preview, at its estimate of the keeper's gas. */
  preview: CommitPreview;
  /** How far the form says its figure may move over the gas range it names. */
  spread: bigint;
  /** The preview with the gas each upkeep before the commit's really spent. */
  exact: CommitPreview;
  /** What the user was credited: `getAggregateBalance` after the upkeeps. */
  credited: bigint;
  intervalId: bigint;
  last: bigint;
}

async function runCase(c: Case): Promise<Outcome> {
  const start = await freshUpkeep();
  const last = start.lastPriceTimestamp;
  const at = last + c.commitAfter;
  // What the trade form has just before the commit: the pool read, its user's pending settlement, the clock.
  const read = await readState();
  const settlement = await readPendingSettlement(h.clients.public, h.chain, pool(), c.user);
  const keeper = previewKeeperInputs(read.snapshot);
  if (!keeper) throw new Error('no keeper inputs in the snapshot');
  const input: CommitPreviewInput = {
    commitType: c.commitType,
    amount: c.amount,
    now: at,
    price: read.snapshot.oraclePrice,
    pendingFeeCredit: { long: settlement.longFeeCredit, short: settlement.shortFeeCredit },
    keeper,
  };
  const preview = previewCommit(read.snapshot.state, input);
  const intervalId = await commit(c.user, c.commitType, c.amount, at);
  expect(intervalId).toBe(preview.intervalId);
  const gas: bigint[] = [];
  for (const after of c.upkeepsAfter) gas.push(await upkeep(last + after));
  const executed = (await readPool(h, pool(), 0n)).snapshot.state.updateIntervalId;
  expect(executed, 'the commit has executed').toBeGreaterThan(intervalId);
  expect(gas.length - 1).toBe(preview.keeper.upkeepsBefore);
  // The cases here have at most one upkeep before the commit's; where there is none, the gas is not used.
  const spent = gas[0]!;
  const exact = previewCommit(read.snapshot.state, { ...input, keeper: { ...keeper, gasSpent: spent } });
  let spread = 0n;
  for (const gasSpent of UPKEEP_GAS_RANGE) {
    const other = previewCommit(read.snapshot.state, { ...input, keeper: { ...keeper, gasSpent } });
    const delta = other.tokensOut - preview.tokensOut;
    if (delta > spread) spread = delta;
    if (-delta > spread) spread = -delta;
  }
  const [u] = await readUsers(h, pool(), [c.user]);
  const credited =
    c.commitType === CommitType.LongBurn || c.commitType === CommitType.ShortBurn
      ? u!.preview.settlementTokens
      : c.commitType === CommitType.LongMint || c.commitType === CommitType.ShortBurnLongMint
        ? u!.preview.longTokens
        : u!.preview.shortTokens;
  console.log(
    `commit at +${c.commitAfter}s into ${intervalId} (${preview.keeper.schedule}, ${preview.keeper.upkeepsBefore} upkeeps before, rewards ${preview.keeper.rewardsBefore}), gas ${gas.join('/')}: preview ${preview.tokensOut + preview.settlementOut}, exact ${exact.tokensOut + exact.settlementOut}, chain ${credited}`,
  );
  await send(h, c.user, { ...committer(), functionName: 'claim', args: [c.user] });
  return { preview, spread, exact, credited, intervalId, last };
}

const users = {
  lp: devAccount(ROLE_INDEX.liquidityProvider).address,
  a: devAccount(ROLE_INDEX.firstUser).address,
  b: devAccount(ROLE_INDEX.firstUser + 1).address,
  c: devAccount(ROLE_INDEX.firstUser + 2).address,
};

beforeAll(async () => {
  h = await startHarness();
  for (const user of Object.values(users)) await fund(user, 100_000n * OHM);
  // Liquidity on both sides, unequal, so that a side's token is not worth exactly 1.
  await commit(users.lp, CommitType.LongMint, 1_000n * OHM);
  await upkeepThrough(await commit(users.lp, CommitType.ShortMint, 700n * OHM));
  await send(h, users.lp, { ...committer(), functionName: 'claim', args: [users.lp] });
}, 60_000);
afterAll(async () => {
  await h?.node.stop();
});

/** At the form's gas estimate the figure is off by no more than the difference the form warns of. */
function expectWithinWarnedSpread(out: { preview: { tokensOut: bigint }; credited: bigint; spread: bigint }) {
  const off = out.preview.tokensOut - out.credited;
  expect(off < 0n ? -off : off).toBeLessThanOrEqual(out.spread);
}

describe('the trade preview against the V2.1 contracts, keeper late or front-run', () => {
  it('inside the front-running window: the upkeep before pays its keeper, and the preview counts it', async () => {
    const out = await runCase({
      user: users.a,
      commitType: CommitType.LongMint,
      amount: 10n * OHM,
      commitAfter: 55n,
      upkeepsAfter: [60n, 120n],
    });
    expect(out.preview.keeper.schedule).toBe('on-time');
    expect(out.preview.keeper.rewardsBefore).toBeGreaterThan(0n);
    expect(out.exact.tokensOut).toBe(out.credited);
    expectWithinWarnedSpread(out);
  });

  it('the upkeep due and the keeper a second away: it upkeeps first, paid, then the commit executes', async () => {
    const out = await runCase({
      user: users.b,
      commitType: CommitType.ShortMint,
      amount: 7n * OHM,
      commitAfter: 61n,
      upkeepsAfter: [62n, 122n],
    });
    expect(out.preview.keeper.schedule).toBe('due');
    expect(out.exact.tokensOut).toBe(out.credited);
    expectWithinWarnedSpread(out);
  });

  it.each([
    { late: 2, commitAfter: 125, upkeepAt: 183 },
    { late: 3, commitAfter: 185, upkeepAt: 247 },
    { late: 2, commitAfter: 175, upkeepAt: 240 },
  ])(
    'keeper $late intervals late, commit at +$commitAfter s: one upkeep, one management fee',
    async ({ commitAfter, upkeepAt }) => {
      const out = await runCase({
        user: users.c,
        commitType: CommitType.LongMint,
        amount: 10n * OHM,
        commitAfter: BigInt(commitAfter),
        upkeepsAfter: [BigInt(upkeepAt)],
      });
      expect(out.preview.keeper.schedule).toBe('late');
      expect(out.preview.keeper.upkeepsBefore).toBe(0);
      expect(out.preview.executesAt).toBeLessThanOrEqual(out.last + BigInt(upkeepAt));
      // No upkeep before the commit's: nothing the preview estimated, so the preview itself is exact.
      expect(out.preview.tokensOut).toBe(out.credited);
    },
  );
});

describe('a commit too small to yield a unit, on the V2.1 contracts', () => {
  /**
   * For each commit type, one user commits the smallest amount the engine names and another one unit less,
   * into the same interval (queued commits do not move the prices it executes at); after the upkeep the first
   * is credited exactly one unit and the second nothing.
   */
  async function smallestPairs(
    pairs: readonly { type: CommitType; yes: Address; no: Address; out: 'long' | 'short' | 'settlement' }[],
  ) {
    const start = await freshUpkeep();
    const read = await readState();
    const keeper = previewKeeperInputs(read.snapshot);
    const base = {
      now: start.lastPriceTimestamp + 20n,
      price: read.snapshot.oraclePrice,
      ...(keeper ? { keeper } : {}),
    };
    const lines: string[] = [];
    const named: bigint[] = [];
    for (const pair of pairs) {
      const smallest = smallestYieldingAmount(read.snapshot.state, { ...base, commitType: pair.type });
      if (smallest === undefined) throw new Error(`no amount of type ${pair.type} yields a unit`);
      // One unit would yield nothing: the side's token is worth more than, or less than, one unit of OHM.
      expect(smallest).toBeGreaterThan(1n);
      named.push(smallest);
      await commit(pair.yes, pair.type, smallest, h.clock.latest + 1n);
      await commit(pair.no, pair.type, smallest - 1n, h.clock.latest + 1n);
    }
    await upkeepThrough(read.snapshot.state.updateIntervalId);
    for (const [i, pair] of pairs.entries()) {
      const [yes, no] = await readUsers(h, pool(), [pair.yes, pair.no]);
      const key =
        pair.out === 'settlement' ? 'settlementTokens' : pair.out === 'long' ? 'longTokens' : 'shortTokens';
      // What each had in escrow before is claimed below; a fresh read shows only this interval's credit.
      lines.push(
        `type ${pair.type}: ${named[i]} yields ${yes!.preview[key]}, ${named[i]! - 1n} yields ${no!.preview[key]}`,
      );
      expect(yes!.preview[key]).toBe(1n);
      expect(no!.preview[key]).toBe(0n);
    }
    console.log(`smallest yielding amounts on chain: ${lines.join('; ')}`);
    for (const user of new Set(pairs.flatMap((p) => [p.yes, p.no])))
      await send(h, user, { ...committer(), functionName: 'claim', args: [user] });
  }

  it('mints: the named amount of OHM buys one token unit, one unit less buys none', async () => {
    await smallestPairs([
      { type: CommitType.LongMint, yes: users.a, no: users.b, out: 'long' },
      { type: CommitType.ShortMint, yes: users.c, no: users.lp, out: 'short' },
    ]);
  });

  it('burns and flips out of a side worth less than 1 OHM a token: the named amount yields one unit', async () => {
    // ETH/USD falls 10%: the long token drops below one unit of OHM, so burning one L unit pays nothing.
    const feed = h.deployment.feeds.find((f) => f.pair === 'ETH/USD')!.feed;
    const { oraclePrice } = (await readPool(h, pool(), 0n)).snapshot;
    await send(h, h.deployment.roles.priceFeeder, {
      address: feed,
      abi: testChainlinkOracleAbi,
      functionName: 'setPrice',
      args: [(oraclePrice * 9n) / 10n / 10n ** 10n],
    });
    await freshUpkeep();
    await send(h, users.lp, {
      address: pool().longToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [users.b, 1_000n],
    });
    await smallestPairs([
      { type: CommitType.LongBurn, yes: users.a, no: users.c, out: 'settlement' },
      { type: CommitType.LongBurnShortMint, yes: users.lp, no: users.b, out: 'short' },
    ]);
  });
});
