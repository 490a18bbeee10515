/** Protocol constants of V2.1 (docs/protocol.md §2, §3), named once for the whole engine. */

/** 1e18: rates and oracle prices are WAD integers (§1.1). */
export const WAD = 10n ** 18n;

/** 365.2425 days: the divisor that turns the annual management fee into a per-interval one (§2.1). */
export const SECONDS_PER_LEAP_YEAR = 31_556_952n;

/** Intervals executed per upkeep at most, and a user's intervals aggregated per update at most (§3.2, §3.5). */
export const MAX_ITERATIONS = 15;

/** Cap of the minting fee and of its per-upkeep change: 100% (§2.2). */
export const MAX_MINTING_FEE_WAD = WAD;

/** Keeper reward constants of KeeperRewards (§2.4). */
export const KEEPER = {
  baseTipPercent: 5n,
  tipPercentPerBlock: 5n,
  blockTimeSeconds: 13n,
  maxTipPercent: 100n,
  /** Gas the keeper spends outside its own `gasleft()` accounting (V2 only). */
  fixedGasOverhead: 80_195n,
} as const;
