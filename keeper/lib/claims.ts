/**
 * Paid claims (docs/keeper.md, "Paid claims"). A user who commits with `payForClaim` prepays a reward in ETH to
 * AutoClaim, and anyone may claim for them once their commit has executed, earning that reward. The keeper
 * learns of requests from AutoClaim's `PaidClaimRequestUpdate` events, read in pages small enough for public
 * providers' `eth_getLogs` caps (the app's pager, src/chain/history/logPager.ts) and continued from where the
 * last scan stopped; it asks `checkUserClaim` which are ready and `claimRequests` which are still open, and
 * claims the ready ones of Olympus pools in one transaction when their rewards pay for the gas.
 */
import { type Address, getAbiItem, type Hash, parseEventLogs } from 'viem';
import { autoClaimAbi } from '../../contracts-abi/generated/index.ts';
import { scanLogs } from '../../src/chain/history/logPager.ts';
import { type KeeperContext, readAll } from './context.ts';
import type { KeptPool } from './discovery.ts';
import type { ClaimLogEntry } from './log.ts';
import { covers, shareOf, spendFields } from './profit.ts';
import { type ContractCall, contractCall, estimate, sendAndWait } from './send.ts';

/** Without a starting block, how far back the first scan looks: about a day and a half of Arbitrum blocks. */
export const DEFAULT_CLAIM_LOOKBACK_BLOCKS = 500_000n;
/** The widest `eth_getLogs` page: 10,000 blocks is what most public providers accept. */
const MAX_LOG_SPAN = 10_000n;
/** Tries of a failing page beyond the transport's own, before the claim pass gives up until the next tick. */
const PAGE_RETRIES = 2;
/** Claims per transaction at most, so that a backlog never makes one transaction too big for a block. */
const MAX_CLAIMS_PER_TX = 25;

const REQUEST_EVENT = getAbiItem({ abi: autoClaimAbi, name: 'PaidClaimRequestUpdate' });

export interface ClaimsOutcome {
  /** Open requests whose commits have executed. */
  ready: ClaimLogEntry[];
  /** Ready, but left out because their reward did not cover their gas. */
  skipped: ClaimLogEntry[];
  /** Claimed (`PaidRequestExecution`). */
  executed: ClaimLogEntry[];
  tx?: Hash;
  gasUsed?: bigint;
}

export interface PaidClaims {
  /** Reads new requests, checks the open ones and claims the ready ones of `pools`. Throws on failure. */
  run(pools: readonly KeptPool[]): Promise<ClaimsOutcome>;
  /** The first block the next scan reads. */
  readonly cursor: bigint | undefined;
  /** Requests known and not yet seen claimed or withdrawn. */
  readonly open: number;
}

const keyOf = (user: Address, committer: Address) => `${user.toLowerCase()}:${committer.toLowerCase()}`;

/** Addresses packed 20 bytes each, as AutoClaim's multi-claim functions read them (L2Encoder's layout). */
export function packAddresses(addresses: readonly Address[]): `0x${string}` {
  return `0x${addresses.map((a) => a.slice(2).toLowerCase()).join('')}`;
}

export function claimCall(autoClaim: Address, claims: readonly ClaimLogEntry[]): ContractCall {
  const [first] = claims;
  if (!first) throw new RangeError('no claims to make');
  if (claims.length === 1)
    return contractCall({
      address: autoClaim,
      abi: autoClaimAbi,
      functionName: 'paidClaim',
      args: [first.user, first.committer],
    });
  if (claims.every((c) => c.committer.toLowerCase() === first.committer.toLowerCase()))
    return contractCall({
      address: autoClaim,
      abi: autoClaimAbi,
      functionName: 'multiPaidClaimSinglePoolCommitter',
      args: [packAddresses(claims.map((c) => c.user)), first.committer],
    });
  return contractCall({
    address: autoClaim,
    abi: autoClaimAbi,
    functionName: 'multiPaidClaimMultiplePoolCommitters',
    args: [packAddresses(claims.map((c) => c.user)), packAddresses(claims.map((c) => c.committer))],
  });
}

export function paidClaims(
  ctx: KeeperContext,
  { autoClaim, fromBlock }: { autoClaim: Address; fromBlock?: bigint | undefined },
): PaidClaims {
  let cursor = fromBlock;
  const open = new Map<string, { user: Address; committer: Address }>();

  async function scan() {
    const head = await ctx.client.getBlockNumber({ cacheTime: 0 });
    if (cursor === undefined)
      cursor = head > DEFAULT_CLAIM_LOOKBACK_BLOCKS ? head - DEFAULT_CLAIM_LOOKBACK_BLOCKS : 0n;
    if (cursor > head) return;
    await scanLogs(
      (range) => ctx.client.getLogs({ address: autoClaim, event: REQUEST_EVENT, ...range }),
      { fromBlock: cursor, toBlock: head },
      {
        initialSpan: MAX_LOG_SPAN,
        maxSpan: MAX_LOG_SPAN,
        // The transport has retried each request already; a dead endpoint should not hold the tick for a minute.
        maxRetries: PAGE_RETRIES,
        // Each page is remembered as soon as it is read, so a scan cut short resumes where it stopped.
        onPage: (logs, range) => {
          for (const { args } of logs)
            if (args.user && args.poolCommitter)
              open.set(keyOf(args.user, args.poolCommitter), {
                user: args.user,
                committer: args.poolCommitter,
              });
          cursor = range.toBlock + 1n;
        },
      },
    );
  }

  /** The open requests of `pools` that can be claimed now, with their rewards; forgets closed ones. */
  async function readyClaims(pools: readonly KeptPool[]): Promise<ClaimLogEntry[]> {
    const committers = new Set(pools.map((p) => p.committer.toLowerCase()));
    const keys = [...open.values()].filter((k) => committers.has(k.committer.toLowerCase()));
    const [readiness, requests] = await Promise.all([
      readAll(
        ctx,
        keys.map((k) => ({
          address: autoClaim,
          abi: autoClaimAbi,
          functionName: 'checkUserClaim' as const,
          args: [k.user, k.committer] as const,
        })),
        ctx.blockTag,
      ),
      readAll(
        ctx,
        keys.map((k) => ({
          address: autoClaim,
          abi: autoClaimAbi,
          functionName: 'claimRequests' as const,
          args: [k.user, k.committer] as const,
        })),
        ctx.blockTag,
      ),
    ]);
    const ready: ClaimLogEntry[] = [];
    keys.forEach((k, i) => {
      const [, reward] = requests[i]!;
      // No reward left: claimed (by the keeper, another keeper or the user) or withdrawn.
      if (reward === 0n) open.delete(keyOf(k.user, k.committer));
      else if (readiness[i]) ready.push({ ...k, reward });
    });
    return ready.sort((a, b) => (a.reward > b.reward ? -1 : a.reward < b.reward ? 1 : 0));
  }

  return {
    get cursor() {
      return cursor;
    },
    get open() {
      return open.size;
    },
    async run(pools) {
      await scan();
      const outcome: ClaimsOutcome = { ready: await readyClaims(pools), skipped: [], executed: [] };
      let chosen = outcome.ready.slice(0, MAX_CLAIMS_PER_TX);
      if (chosen.length === 0) return outcome;
      const gasPrice = await ctx.client.getGasPrice();
      let gas = await estimate(ctx, claimCall(autoClaim, chosen));
      const shares = chosen.map((_, i) => shareOf(gas, chosen.length, i));
      const covering = chosen.filter((c, i) => covers(c.reward, shares[i]!, gasPrice));
      if (!ctx.always && covering.length < chosen.length) {
        outcome.skipped = chosen.filter((c) => !covering.includes(c));
        ctx.log({
          action: 'skip',
          about: 'claim',
          claims: outcome.skipped,
          gasEstimate: gas,
          gasPrice,
          costWei: chosen.reduce((a, c, i) => (covering.includes(c) ? a : a + shares[i]! * gasPrice), 0n),
          rewardWei: outcome.skipped.reduce((a, c) => a + c.reward, 0n),
          reason: 'the prepaid reward does not cover the gas',
        });
        if (covering.length === 0) return outcome;
        chosen = covering;
        gas = await estimate(ctx, claimCall(autoClaim, chosen));
      }
      const rewardWei = chosen.reduce((a, c) => a + c.reward, 0n);
      const receipt = await sendAndWait(ctx, claimCall(autoClaim, chosen), gas);
      outcome.tx = receipt.transactionHash;
      outcome.gasUsed = receipt.gasUsed;
      const own = receipt.logs.filter((log) => log.address.toLowerCase() === autoClaim.toLowerCase());
      for (const event of parseEventLogs({
        abi: autoClaimAbi,
        logs: own,
        eventName: 'PaidRequestExecution',
      })) {
        const { user, poolCommitter, reward } = event.args;
        outcome.executed.push({ user, committer: poolCommitter, reward });
        open.delete(keyOf(user, poolCommitter));
      }
      ctx.log({
        action: 'claim',
        claims: outcome.executed,
        ...spendFields(receipt, gas, gasPrice, rewardWei),
      });
      return outcome;
    },
  };
}
