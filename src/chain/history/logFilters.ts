/**
 * The eth_getLogs filters of the log-scan source (logScanSource.ts): a pool's (keeper, committer and pool logs
 * in one filter), a user's (two: what the user sent, committed or claimed, with their AutoClaim requests and
 * payments; and what they received), and a short tail's (every user's, picked out after reading).
 */
import { type Address, type Hex, pad } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import { TOPICS } from './logs.ts';

export interface LogFilter {
  address: Address[];
  topics: (Hex | Hex[] | null)[];
}

export function logFilters(deployment: ChainDeployment) {
  const poolFilters = (pool: PoolInfo) => [
    {
      address: [deployment.keeper ?? pool.keeper, pool.committer, pool.address],
      topics: [[TOPICS.upkeep, TOPICS.executed, TOPICS.balances]] as (Hex | Hex[] | null)[],
    },
  ];
  // AutoClaim's logs where the chain has AutoClaim; without its address, those rows are simply absent.
  const autoClaim = deployment.autoClaim ? [deployment.autoClaim] : [];
  const userTopics = [
    TOPICS.commit,
    TOPICS.transfer,
    TOPICS.claim,
    ...(autoClaim.length ? [TOPICS.claimRequest, TOPICS.claimExecuted] : []),
  ];
  const userFilters = (pools: readonly PoolInfo[], user: Address) => {
    const committers = pools.map((p) => p.committer);
    const tokens = pools.flatMap((p) => [p.longToken, p.shortToken]);
    const userTopic = pad(user);
    return [
      // Commits and claims by the user, AutoClaim's records of them, and tokens the user sent: all name the
      // user first.
      { address: [...committers, ...tokens, ...autoClaim], topics: [userTopics, userTopic] },
      { address: tokens, topics: [TOPICS.transfer, null, userTopic] },
    ] as LogFilter[];
  };

  const tailFilter = (pools: readonly PoolInfo[]) => [
    {
      address: [
        ...pools.map((p) => p.committer),
        ...pools.flatMap((p) => [p.longToken, p.shortToken]),
        ...autoClaim,
      ],
      topics: [userTopics] as (Hex | Hex[] | null)[],
    },
  ];
  return { poolFilters, userFilters, tailFilter };
}
