/**
 * Fees (docs/protocol.md §2): the management fee per upkeep and its primary/secondary split, the mint and
 * burn fee idiom, the mint fee taken at commit time and the dynamic minting fee.
 *
 * Rates are WAD integers. On chain they are quads of those integers (`fromUInt(rateWad)`), and the dynamic fee only
 * adds and subtracts such integers, so a WAD `bigint` carries them without loss (§1.1).
 */
import { MAX_MINTING_FEE_WAD, SECONDS_PER_LEAP_YEAR, WAD } from './constants.ts';
import { mulDivToUInt, mulIntegersToUInt, mulToUInt } from './quad/fused.ts';
import type { Quad } from './quad.ts';
import * as quad from './quad.ts';

/**
 * The fee idiom of §1.1, `toUInt(quad(rate) · quad(amount)) / 1e18`: it truncates twice (the quad→integer
 * conversion, then the integer division), so the payer keeps the rounding (§6 checklist 3).
 */
export function feeAmountQuad(rate: Quad, amount: bigint): bigint {
  return mulToUInt(rate, amount) / WAD;
}

/** {@link feeAmountQuad} for a WAD integer rate. */
export function feeAmount(rateWad: bigint, amount: bigint): bigint {
  return mulIntegersToUInt(rateWad, amount) / WAD;
}

/** `number · numerator / denominator` through quads, truncated; 0 when the denominator is 0 (`mulFraction`). */
export function mulFraction(number: bigint, numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) return 0n;
  return mulDivToUInt(number, numerator, denominator);
}

export interface ManagementFees {
  longFee: bigint;
  shortFee: bigint;
}

/**
 * The management fee of one upkeep, charged on each side before the value transfer (§1.2, §2.1). It is charged
 * once per upkeep, however many intervals the upkeep executes.
 */
export function managementFees(
  longBalance: bigint,
  shortBalance: bigint,
  feePerIntervalWad: bigint,
): ManagementFees {
  return {
    longFee: feeAmount(feePerIntervalWad, longBalance),
    shortFee: feeAmount(feePerIntervalWad, shortBalance),
  };
}

export interface FeeSplit {
  /** Accrues to the primary fee address (the DAO treasury, `feeAddress`). */
  primary: bigint;
  /** Accrues to the secondary fee address (the pool's deployer). */
  secondary: bigint;
}

/**
 * V2's split of an upkeep's total management fee (§2.1): `secondary = toUInt(total · pct / 100)` in quads, the
 * primary address gets the rest. Without a secondary address everything is primary.
 */
export function splitManagementFee(
  totalFee: bigint,
  secondaryFeeSplitPercent: bigint,
  hasSecondaryAddress = true,
): FeeSplit {
  if (!hasSecondaryAddress) return { primary: totalFee, secondary: 0n };
  const secondary = mulFraction(totalFee, secondaryFeeSplitPercent, 100n);
  return { primary: totalFee - secondary, secondary };
}

/**
 * The per-interval fee the factory derives once at deployment from its annual fee (§2.1):
 * `annual · updateInterval / 31,556,952`, an integer division.
 */
export function feePerIntervalFromAnnual(
  annualFeeWad: bigint,
  updateIntervalSeconds: bigint | number,
): bigint {
  return (annualFeeWad * BigInt(updateIntervalSeconds)) / SECONDS_PER_LEAP_YEAR;
}

export interface CommitMintFee {
  /** Taken from the committed amount and added to the minted-into side at once (§2.2). */
  fee: bigint;
  /** What is queued for minting: amount − fee. */
  queued: bigint;
}

/** The mint fee of a `LongMint`/`ShortMint` at commit time (§2.2). Flips pay theirs at execution instead (§3.4). */
export function mintFeeAtCommit(amount: bigint, mintingFeeWad: bigint): CommitMintFee {
  const fee = feeAmount(mintingFeeWad, amount);
  return { fee, queued: amount - fee };
}

/**
 * The dynamic minting fee after an upkeep's executions (§2.2), from the post-execution token prices
 * (`balance / supply`, 1 when the supply is 0; the contract leaves the pending burns out here):
 * if pL · pS > 1 the fee falls by `changeInterval` (not below 0), otherwise it rises (not above 100%).
 */
export function nextMintingFee(
  longTokenPrice: Quad,
  shortTokenPrice: Quad,
  mintingFeeWad: bigint,
  changeIntervalWad: bigint,
): bigint {
  const product = quad.mul(longTokenPrice, shortTokenPrice);
  if (quad.cmp(quad.ONE, product) === -1) {
    return mintingFeeWad < changeIntervalWad ? 0n : mintingFeeWad - changeIntervalWad;
  }
  const raised = mintingFeeWad + changeIntervalWad;
  if (raised > MAX_MINTING_FEE_WAD) return MAX_MINTING_FEE_WAD;
  return raised;
}
