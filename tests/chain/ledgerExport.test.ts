/**
 * The ledger's CSV (docs/ledger.md) against a real chain: a mint commit, its execution and claim, L-token
 * transfers out and in, and a second mint that paid AutoClaim and was claimed by another account are read
 * back through the app's own log scan and readUserHistory, its ledger computed (ledgerOf), exported, parsed with a strict RFC 4180 reader,
 * and every amount, fee, tokens received, reward, transaction hash, block and log index is found equal to what
 * the chain's receipts and logs say, to the wei.
 */
import { erc20Abi, parseEventLogs, type TransactionReceipt } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { autoClaimAbi, leveragedPoolAbi, poolCommitterAbi } from '../../contracts-abi/generated/index.ts';
import { devnetConfig } from '../../devnet/config.ts';
import { type DevnetClients, write } from '../../devnet/lib/clients.ts';
import { upkeepDuePools } from '../../devnet/lib/keeper.ts';
import type { RunningNode } from '../../devnet/lib/node.ts';
import type { ChainDeployment } from '../../src/chain/config/config.ts';
import { memoryCache } from '../../src/chain/history/historyCache.ts';
import { historyKey } from '../../src/chain/history/historySource.ts';
import { ledgerOf } from '../../src/chain/history/ledger.ts';
import { createLogScanSource } from '../../src/chain/history/logScanSource.ts';
import { readUserHistory } from '../../src/chain/history/userHistory.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { claimReward } from '../../src/chain/react/autoClaim.ts';
import { approveRequest, commitRequest } from '../../src/chain/tx/poolWrites.ts';
import { CommitType, commitParamsToHex, encodeCommitParams } from '../../src/engine/commits.ts';
import { utcTime } from '../../src/features/portfolio/csvText.ts';
import { type LedgerColumn, ledgerCsvOf } from '../../src/features/portfolio/ledgerCsv.ts';
import { csvObjects } from '../fixtures/csv.ts';
import { startSeededChain } from './seededChain.ts';

const config = devnetConfig();
let node: RunningNode;
let direct: DevnetClients;
let deployment: Deployment;
let chain: ChainDeployment;
let pools: PoolInfo[];

beforeAll(async () => {
  ({ node, clients: direct, deployment, chain, pools } = await startSeededChain([], config));
});
afterAll(async () => {
  await node?.stop();
});

describe('the ledger export against the chain', () => {
  it('gives back every amount, fee and transaction hash the chain has, to the wei', async () => {
    const pool = pools[0]!;
    const [user, other] = deployment.devAccounts.map((a) => a.address);
    // An amount with every digit in use, so that a rounding anywhere would show.
    const minted = 1_234_567_890_123_456_789n;
    await write(direct, user!, {
      address: pool.collateral.address,
      abi: erc20Abi,
      functionName: 'approve',
      args: [pool.address, minted],
    });
    const mint = await write(direct, user!, {
      address: pool.committer,
      abi: poolCommitterAbi,
      functionName: 'commit',
      args: [commitParamsToHex(encodeCommitParams(minted, CommitType.LongMint, false, false))],
    });
    const rebalance = async () => {
      await direct.test.increaseTime({ seconds: config.updateIntervalSeconds + 1 });
      await direct.test.mine({ blocks: 1 });
      await upkeepDuePools(direct, deployment);
    };
    await rebalance();
    const claim = await write(direct, user!, {
      address: pool.committer,
      abi: poolCommitterAbi,
      functionName: 'claim',
      args: [user!],
    });
    const sent = await write(direct, user!, {
      address: pool.longToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [other!, 987_654_321_987n],
    });
    const received = await write(direct, other!, {
      address: pool.longToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [user!, 400_000_000_001n],
    });
    // A mint that pays AutoClaim to claim for it, claimed by the other account once executed.
    const reward = claimReward(await direct.public.getGasPrice());
    await write(direct, user!, approveRequest(pool, minted));
    const paidMint = await write(
      direct,
      user!,
      commitRequest(pool, CommitType.LongMint, minted, false, reward),
    );
    await rebalance();
    const paidClaim = await write(direct, other!, {
      address: chain.autoClaim!,
      abi: autoClaimAbi,
      functionName: 'paidClaim',
      args: [user!, pool.committer],
    });

    const toBlock = await direct.public.getBlockNumber({ cacheTime: 0 });
    const source = createLogScanSource({
      client: direct.public,
      readClient: direct.public,
      deployment: chain,
      cache: memoryCache(),
    });
    const history = await readUserHistory(source, direct.public, chain, pools, user!, { toBlock });
    // As the Portfolio's export writes it from a ledger computed in the browser: every row, oldest first.
    const { entries } = ledgerOf(history);
    const lines = entries.map(({ pool, row }) => ({
      pool: history.find((h) => historyKey(h.pool.address) === pool)!.pool,
      event: row.event,
      execution: row,
    }));
    const { rows } = csvObjects<LedgerColumn>(ledgerCsvOf(lines));

    // What the chain says, from the receipts' own logs.
    const commitLog = (receipt: TransactionReceipt) =>
      parseEventLogs({ abi: poolCommitterAbi, eventName: 'CreateCommit', logs: receipt.logs })[0]!;
    const claimLog = (receipt: TransactionReceipt) =>
      parseEventLogs({ abi: poolCommitterAbi, eventName: 'Claim', logs: receipt.logs })[0]!;
    const transferLog = (receipt: TransactionReceipt) =>
      parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs: receipt.logs }).find(
        (l) => l.address.toLowerCase() === pool.longToken.toLowerCase(),
      )!;
    const requestLog = parseEventLogs({
      abi: autoClaimAbi,
      eventName: 'PaidClaimRequestUpdate',
      logs: paidMint.logs,
    })[0]!;
    const executionLog = parseEventLogs({
      abi: autoClaimAbi,
      eventName: 'PaidRequestExecution',
      logs: paidClaim.logs,
    })[0]!;
    const first = commitLog(mint);
    const second = commitLog(paidMint);
    const out = transferLog(sent);
    const into = transferLog(received);
    const L = 'L tokens';
    const C = pool.collateral.symbol;
    interface Expected {
      log: { blockNumber: bigint; logIndex: number; transactionHash: string };
      type: string;
      side: string;
      amount?: bigint;
      unit: string;
    }
    const expected: Expected[] = [
      { log: first, type: 'mint', side: 'long', amount: first.args.amount, unit: C },
      { log: claimLog(claim), type: 'claim', side: '', unit: '' },
      { log: out, type: 'transfer_out', side: 'long', amount: out.args.value, unit: L },
      { log: into, type: 'transfer_in', side: 'long', amount: into.args.value, unit: L },
      { log: second, type: 'mint', side: 'long', amount: second.args.amount, unit: C },
      {
        log: requestLog,
        type: 'autoclaim_request',
        side: '',
        amount: requestLog.args.newReward,
        unit: 'ETH',
      },
      { log: claimLog(paidClaim), type: 'claim', side: '', unit: '' },
      { log: executionLog, type: 'autoclaim_paid', side: '', amount: executionLog.args.reward, unit: 'ETH' },
    ].sort((a, b) =>
      a.log.blockNumber === b.log.blockNumber
        ? a.log.logIndex - b.log.logIndex
        : a.log.blockNumber < b.log.blockNumber
          ? -1
          : 1,
    );
    expect(first.args.amount).toBe(minted);
    expect(requestLog.args.newReward).toBe(reward);
    expect(executionLog.args.reward).toBe(reward);
    // The reward rode with the commit as ETH: the row's amount is what left the wallet for it.
    expect((await direct.public.getTransaction({ hash: paidMint.transactionHash })).value).toBe(reward);
    expect(rows.map((r) => r.type)).toEqual(expected.map((e) => e.type));
    for (const [i, e] of expected.entries()) {
      const row = rows[i]!;
      expect(row.transaction_hash).toBe(e.log.transactionHash);
      expect(row.block_number).toBe(e.log.blockNumber.toString());
      expect(row.log_index).toBe(String(e.log.logIndex));
      expect(row.chain_id).toBe(String(deployment.chainId));
      expect(row.pool).toBe(pool.address);
      expect(row.side).toBe(e.side);
      expect(row.unit).toBe(e.unit);
      if (e.amount === undefined) {
        expect(row).toMatchObject({ amount_raw: '', amount: '', fee_raw: '0' });
      } else {
        expect(BigInt(row.amount_raw)).toBe(e.amount);
        expect(parseDecimal(row.amount, Number(row.amount_decimals))).toBe(e.amount);
        expect(row.amount_decimals).toBe(e.unit === 'ETH' ? '18' : String(pool.collateral.decimals));
      }
      if (row.time_utc !== '') {
        const block = await direct.public.getBlock({ blockNumber: e.log.blockNumber });
        expect(row.time_utc).toBe(utcTime(Number(block.timestamp)));
      }
    }

    // Each mint's execution: its interval, and the L tokens it gave, which its claim moved from the pool to
    // the wallet.
    const claimed = (receipt: TransactionReceipt) =>
      parseEventLogs({ abi: erc20Abi, eventName: 'Transfer', logs: receipt.logs }).find(
        (l) =>
          l.address.toLowerCase() === pool.longToken.toLowerCase() &&
          l.args.from.toLowerCase() === pool.address.toLowerCase() &&
          l.args.to.toLowerCase() === user!.toLowerCase(),
      )!.args.value;
    const mints = rows.filter((r) => r.type === 'mint');
    for (const [row, commit, claimReceipt] of [
      [mints[0]!, first, claim],
      [mints[1]!, second, paidClaim],
    ] as const) {
      expect(row.interval_id).toBe(commit.args.appropriateUpdateIntervalId.toString());
      expect(row.received_unit).toBe(L);
      expect(BigInt(row.received_raw)).toBe(claimed(claimReceipt));
      expect(parseDecimal(row.received, Number(row.received_decimals))).toBe(claimed(claimReceipt));
    }

    // The mint's fee is what the pool added to the long side in the commit's own block (docs/protocol.md
    // §2.2: the fee goes to the side at once, the rest is queued).
    const longBalance = (blockNumber: bigint) =>
      direct.public.readContract({
        address: pool.address,
        abi: leveragedPoolAbi,
        functionName: 'longBalance',
        blockNumber,
      });
    const fee = (await longBalance(mint.blockNumber)) - (await longBalance(mint.blockNumber - 1n));
    expect(fee).toBeGreaterThan(0n);
    expect(BigInt(rows[0]!.fee_raw)).toBe(fee);
    expect(parseDecimal(rows[0]!.fee, Number(rows[0]!.fee_decimals))).toBe(fee);
  });
});

/** A decimal string back to an integer of the smallest unit, by its digits: exact, and refusing anything else. */
function parseDecimal(text: string, decimals: number): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`not a plain decimal: ${text}`);
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) throw new Error(`more digits than ${decimals} decimals: ${text}`);
  return BigInt(match[1]! + fraction.padEnd(decimals, '0'));
}
