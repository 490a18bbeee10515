/**
 * Gas limits for what the app and the keeper send (docs/architecture.md, "Transactions"). A node estimates
 * gas against the state it has now, but a commit's cost depends on what else is committed in the same
 * interval and block, and an upkeep's on the commits it executes: an estimate taken before another commit
 * lands can be too low by the time the transaction is mined, and a transaction out of gas still pays for it.
 */

/** Headroom over the node's estimate. Unused gas is refunded, so headroom costs nothing when it is not used. */
export const GAS_HEADROOM_PERCENT = 25n;

/** The gas limit to send with, from the node's estimate. */
export function withGasHeadroom(estimate: bigint): bigint {
  return estimate + (estimate * GAS_HEADROOM_PERCENT) / 100n;
}
