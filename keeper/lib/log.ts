/**
 * The keeper's log: one JSON object per line on stdout for every action it takes (docs/keeper.md, "The log").
 * A line is what a process manager's journal, `jq` or a log shipper reads, so every field is plain JSON:
 * amounts (`bigint` end to end in the keeper) are written as decimal strings, never as floats, so that no
 * reward or gas figure is rounded on its way out.
 */
import type { Address, Hash } from 'viem';

export type KeeperAction = 'start' | 'upkeep' | 'skip' | 'claim' | 'error' | 'stop';

/** One pool in an upkeep or skip line. */
export interface PoolLogEntry {
  pool: Address;
  name: string;
  /** Predicted reward, settlement token units (docs/protocol.md §2.4). */
  reward?: bigint;
  /** The same reward in wei, at the settlement/ETH oracle's price. */
  rewardWei?: bigint;
  /** What the keeper was actually paid (`KeeperPaid`), settlement token units. */
  paid?: bigint;
  upkept?: boolean;
  /** `PoolUpkeepError`'s reason, when the pool's own upkeep reverted. */
  failure?: string;
  startPrice?: bigint;
  endPrice?: bigint;
}

/** One paid claim in a claim or skip line. */
export interface ClaimLogEntry {
  user: Address;
  committer: Address;
  /** The prepaid reward, wei. */
  reward: bigint;
}

export interface KeeperEvent {
  action: KeeperAction;
  /** What the action was about when it is not obvious from `action`: 'upkeep', 'claim', 'discovery', … */
  about?: string;
  pools?: PoolLogEntry[];
  claims?: ClaimLogEntry[];
  tx?: Hash;
  gasUsed?: bigint;
  gasEstimate?: bigint;
  gasPrice?: bigint;
  /** Expected cost of the transaction, wei (gas estimate × gas price). */
  costWei?: bigint;
  /** Total expected reward, wei. */
  rewardWei?: bigint;
  /** Whether the reward covers the gas; false on a line sent anyway under `--always`. */
  profitable?: boolean;
  reason?: string;
  [extra: string]: unknown;
}

export type KeeperLog = (event: KeeperEvent) => void;

/** JSON with every bigint as its decimal string. */
export function toJsonLine(event: KeeperEvent, now: Date = new Date()): string {
  return JSON.stringify({ time: now.toISOString(), ...event }, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

/** A log that writes one JSON line per event, to stdout unless told otherwise. */
export function jsonLog(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): KeeperLog {
  return (event) => write(toJsonLine(event));
}

/** The first line of an error's message, without viem's multi-line details (request bodies, versions). */
export function errorText(error: unknown): string {
  const message =
    error instanceof Error
      ? (error as { shortMessage?: string }).shortMessage || error.message
      : String(error);
  return message.split('\n')[0] ?? message;
}
