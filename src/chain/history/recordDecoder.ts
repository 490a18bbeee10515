/**
 * The one decoding of history: from a log (as `eth_getLogs` returns it, or as the indexer receives it) to a
 * typed record (historyRecords.ts). The browser's log scan and the indexer both decode here.
 */
import { decodeEventLog, erc20Abi } from 'viem';
import * as abis from '../../../contracts-abi/generated/index.ts';
import type { CommitType } from '../../engine/commits.ts';
import { quadFromHex, toUInt } from '../../engine/quad.ts';
import type { HistoryRecord, RecordPlace } from './historyRecords.ts';
import { type StoredLog, TOPICS } from './logs.ts';

const placeOf = (log: StoredLog): RecordPlace => ({
  address: log.address,
  blockNumber: log.blockNumber,
  logIndex: log.logIndex,
  transactionHash: log.transactionHash,
  ...(log.timestamp === undefined ? {} : { timestamp: log.timestamp }),
});

const payload = (log: StoredLog) => ({ data: log.data, topics: log.topics });

/** A log as a record; undefined for a log history does not use, or one that does not decode. */
export function decodeHistoryLog(log: StoredLog): HistoryRecord | undefined {
  const place = placeOf(log);
  try {
    switch (log.topics[0]) {
      case TOPICS.deployPool: {
        const a = decodeEventLog({ abi: abis.poolFactoryAbi, eventName: 'DeployPool', ...payload(log) }).args;
        return { ...place, kind: 'deployPool', pool: a.pool, committer: a.poolCommitter, ticker: a.ticker };
      }
      case TOPICS.poolInitialized: {
        const a = decodeEventLog({
          abi: abis.leveragedPoolAbi,
          eventName: 'PoolInitialized',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'poolInitialized',
          longToken: a.longToken,
          shortToken: a.shortToken,
          settlementToken: a.settlementToken,
        };
      }
      case TOPICS.upkeep: {
        const a = decodeEventLog({
          abi: abis.poolKeeperAbi,
          eventName: 'UpkeepSuccessful',
          ...payload(log),
        }).args;
        return { ...place, kind: 'upkeep', pool: a.pool, startPrice: a.startPrice, endPrice: a.endPrice };
      }
      case TOPICS.keeperPaid: {
        const a = decodeEventLog({ abi: abis.poolKeeperAbi, eventName: 'KeeperPaid', ...payload(log) }).args;
        return { ...place, kind: 'keeperPaid', pool: a._pool, keeper: a.keeper, reward: a.reward };
      }
      case TOPICS.executed: {
        const a = decodeEventLog({
          abi: abis.poolCommitterAbi,
          eventName: 'ExecutedCommitsForInterval',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'executed',
          intervalId: a.updateIntervalId,
          burningFeeWad: toUInt(quadFromHex(a.burningFee)),
        };
      }
      case TOPICS.rebalance: {
        const a = decodeEventLog({
          abi: abis.leveragedPoolAbi,
          eventName: 'PoolRebalance',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'rebalance',
          longChange: a.longBalanceChange,
          shortChange: a.shortBalanceChange,
          longFee: a.longFeeAmount,
          shortFee: a.shortFeeAmount,
        };
      }
      case TOPICS.balances: {
        const a = decodeEventLog({
          abi: abis.leveragedPoolAbi,
          eventName: 'PoolBalancesChanged',
          ...payload(log),
        }).args;
        return { ...place, kind: 'balances', longBalance: a.long, shortBalance: a.short };
      }
      case TOPICS.primaryFees: {
        const a = decodeEventLog({
          abi: abis.leveragedPoolAbi,
          eventName: 'PrimaryFeesPaid',
          ...payload(log),
        }).args;
        return { ...place, kind: 'fees', tier: 'primary', recipient: a.feeAddress, amount: a.amount };
      }
      case TOPICS.secondaryFees: {
        const a = decodeEventLog({
          abi: abis.leveragedPoolAbi,
          eventName: 'SecondaryFeesPaid',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'fees',
          tier: 'secondary',
          recipient: a.secondaryFeeAddress,
          amount: a.amount,
        };
      }
      case TOPICS.commit: {
        const a = decodeEventLog({
          abi: abis.poolCommitterAbi,
          eventName: 'CreateCommit',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'commit',
          user: a.user,
          commitType: a.commitType as CommitType,
          amount: a.amount,
          intervalId: a.appropriateUpdateIntervalId,
          fromEscrow: a.fromAggregateBalance,
          payForClaim: a.payForClaim,
          mintingFeeWad: toUInt(quadFromHex(a.mintingFee)),
        };
      }
      case TOPICS.claim: {
        const a = decodeEventLog({ abi: abis.poolCommitterAbi, eventName: 'Claim', ...payload(log) }).args;
        return { ...place, kind: 'claim', user: a.user };
      }
      case TOPICS.transfer: {
        const a = decodeEventLog({ abi: erc20Abi, eventName: 'Transfer', ...payload(log) }).args;
        return { ...place, kind: 'transfer', from: a.from, to: a.to, value: a.value };
      }
      case TOPICS.claimRequest: {
        const a = decodeEventLog({
          abi: abis.autoClaimAbi,
          eventName: 'PaidClaimRequestUpdate',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'claimRequest',
          user: a.user,
          committer: a.poolCommitter,
          intervalId: a.updateIntervalId,
          reward: a.newReward,
        };
      }
      case TOPICS.claimExecuted: {
        const a = decodeEventLog({
          abi: abis.autoClaimAbi,
          eventName: 'PaidRequestExecution',
          ...payload(log),
        }).args;
        return {
          ...place,
          kind: 'claimExecuted',
          user: a.user,
          committer: a.poolCommitter,
          reward: a.reward,
        };
      }
      default:
        return undefined;
    }
  } catch {
    // A log with a known topic but another layout (an ERC-721 Transfer has a fourth topic): not ours.
    return undefined;
  }
}
