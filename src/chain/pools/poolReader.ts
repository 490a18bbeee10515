/**
 * The live state of every pool on a chain in one `eth_call`: balances, supplies, pending commits of the
 * coming intervals, fees, prices, pause flag, and the connected user's wallet and escrow. This is the public
 * entry; the calls and their order are laid out in poolReadLayout.ts, the results become the snapshot types
 * (poolSnapshot.ts) in poolReadDecode.ts.
 */
import type { Address, PublicClient } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import { ReadBatch } from './batch.ts';
import { decodePoolsRead } from './poolReadDecode.ts';
import { intervalHints, layoutPoolsRead } from './poolReadLayout.ts';
import type { PoolInfo } from './poolRegistry.ts';
import type { PoolsSnapshot } from './poolSnapshot.ts';

export { commitWindow } from './poolReadLayout.ts';
export {
  claimWouldFail,
  type EscrowBalance,
  hasEscrow,
  type PoolSnapshot,
  type PoolsSnapshot,
  type UserCommit,
  type UserPosition,
} from './poolSnapshot.ts';

export interface ReadOptions {
  user?: Address;
  /** Last known `updateIntervalId` per committer; missing ones cost one extra call, once. */
  intervalHints?: ReadonlyMap<Address, bigint>;
  /** Interval ids to read beyond the usual window, for pools whose keeper is late. */
  extraIntervals?: number;
  blockNumber?: bigint;
}

export async function readPools(
  client: PublicClient,
  deployment: ChainDeployment,
  pools: readonly PoolInfo[],
  { user, intervalHints: known, extraIntervals = 0, blockNumber }: ReadOptions = {},
): Promise<PoolsSnapshot> {
  const hints = await intervalHints(client, deployment, pools, known);
  const batch = new ReadBatch();
  const layout = layoutPoolsRead(batch, deployment, pools, { user, hints, extraIntervals });
  await batch.run(client, { multicall3: deployment.multicall3, ...(blockNumber ? { blockNumber } : {}) });
  return decodePoolsRead(deployment, pools, layout, Date.now());
}
