/**
 * The logs the history keeps: the raw `eth_getLogs` answer trimmed to what decoding and ordering need (this is
 * what is stored between visits), and the event topics the scans filter on. What they mean is decoded in one
 * place, recordDecoder.ts, shared with the indexer.
 */
import { type Address, encodeEventTopics, erc20Abi, type Hex } from 'viem';
import {
  autoClaimAbi,
  leveragedPoolAbi,
  poolCommitterAbi,
  poolFactoryAbi,
  poolKeeperAbi,
} from '../../../contracts-abi/generated/index.ts';

/** A log as kept: what decoding and ordering need, nothing else. */
export interface StoredLog {
  address: Address;
  topics: [Hex, ...Hex[]];
  data: Hex;
  blockNumber: bigint;
  logIndex: number;
  transactionHash: Hex;
  timestamp?: number;
}

export interface RawLog {
  address: Address;
  topics: Hex[];
  data: Hex;
  blockNumber: Hex | null;
  logIndex: Hex | null;
  transactionHash: Hex | null;
  blockTimestamp?: Hex;
}

const topic = (abi: Parameters<typeof encodeEventTopics>[0]['abi'], eventName: string): Hex => {
  const [selector] = encodeEventTopics({ abi, eventName } as Parameters<typeof encodeEventTopics>[0]);
  if (!selector) throw new Error(`no topic for ${eventName}`);
  return selector;
};

/** The first topic of each event history reads (recordDecoder.ts decodes them). */
export const TOPICS = {
  deployPool: topic(poolFactoryAbi, 'DeployPool'),
  poolInitialized: topic(leveragedPoolAbi, 'PoolInitialized'),
  upkeep: topic(poolKeeperAbi, 'UpkeepSuccessful'),
  keeperPaid: topic(poolKeeperAbi, 'KeeperPaid'),
  executed: topic(poolCommitterAbi, 'ExecutedCommitsForInterval'),
  rebalance: topic(leveragedPoolAbi, 'PoolRebalance'),
  balances: topic(leveragedPoolAbi, 'PoolBalancesChanged'),
  primaryFees: topic(leveragedPoolAbi, 'PrimaryFeesPaid'),
  secondaryFees: topic(leveragedPoolAbi, 'SecondaryFeesPaid'),
  commit: topic(poolCommitterAbi, 'CreateCommit'),
  claim: topic(poolCommitterAbi, 'Claim'),
  transfer: topic(erc20Abi, 'Transfer'),
  claimRequest: topic(autoClaimAbi, 'PaidClaimRequestUpdate'),
  claimExecuted: topic(autoClaimAbi, 'PaidRequestExecution'),
};

export function stored(raw: RawLog): StoredLog | undefined {
  const [signature, ...rest] = raw.topics;
  if (!signature || raw.blockNumber === null || raw.logIndex === null || raw.transactionHash === null)
    return undefined;
  return {
    address: raw.address,
    topics: [signature, ...rest],
    data: raw.data,
    blockNumber: BigInt(raw.blockNumber),
    logIndex: Number(raw.logIndex),
    transactionHash: raw.transactionHash,
    ...(raw.blockTimestamp ? { timestamp: Number(BigInt(raw.blockTimestamp)) } : {}),
  };
}
