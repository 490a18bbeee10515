/**
 * How the local chain behaves (`DEVNET_PROFILE`). `local` is the quiet lab: a block per transaction, the node
 * answered directly. `arbitrum` is the world holders live in: the chain starts at block 150,000,000, has a long
 * and sparse history of trades and rebalances spread over more than 100,000 blocks, mines a block every
 * 250 ms, and is reached only through a proxy that behaves like a public provider (docs/devnet.md).
 */
import type { RpcProxyFaults } from './rpcProxy.ts';

export type DevnetProfileName = 'local' | 'arbitrum';

export interface DevnetProfile {
  name: DevnetProfileName;
  /** How often the app refreshes what it shows from this chain (written into the deployment file). */
  pollIntervalMs: number;
  /** Number of the genesis block. */
  firstBlock?: bigint;
  /** Interval mining, in seconds; absent: a block per transaction. */
  blockTimeSeconds?: number;
  /** Eras of activity, `blocksPerEra` blocks apart, before the app is served. */
  history?: { eras: number; blocksPerEra: number };
  /** A public-provider-like proxy in front of the node, and its faults. */
  proxy?: Partial<RpcProxyFaults>;
}

export const LOCAL_PROFILE: DevnetProfile = { name: 'local', pollIntervalMs: 1000 };

export const ARBITRUM_PROFILE: DevnetProfile = {
  name: 'arbitrum',
  // Arbitrum One's blocks come every 250 ms, but nothing a pool shows changes that fast: a 5 s cadence is
  // 12 reads a minute per page, within what a free public endpoint tolerates.
  pollIntervalMs: 5000,
  firstBlock: 150_000_000n,
  blockTimeSeconds: 0.25,
  // Five eras of trades, 30,000 blocks apart: a user's history spans 120,000 blocks.
  history: { eras: 5, blocksPerEra: 30_000 },
  proxy: {},
};

export function devnetProfile(raw: string | undefined = process.env.DEVNET_PROFILE): DevnetProfile {
  if (raw === undefined || raw === '' || raw === 'local') return LOCAL_PROFILE;
  if (raw === 'arbitrum') return ARBITRUM_PROFILE;
  throw new Error(`DEVNET_PROFILE must be "local" or "arbitrum", got "${raw}"`);
}
