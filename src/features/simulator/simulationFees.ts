/**
 * The pool's fees as the fast simulations take them, derived with the engine's own fee functions
 * (docs/protocol.md §2.1–§2.3): the management fee per upkeep as the factory converts it from the
 * annual rate, and the share of a position left after paying the mint fee on the way in and the burn fee on
 * the way out.
 */
import {
  feeAmount,
  feePerIntervalFromAnnual,
  mintFeeAtCommit,
  SECONDS_PER_LEAP_YEAR,
  WAD,
} from '../../engine/index.ts';
import type { SimulatorInputs } from './fieldRules.ts';

export interface SimulationFees {
  /** Management fee per upkeep, a fraction of each side. */
  feePerStep: number;
  /** Value kept of 1 after the mint fee at commit and the burn fee at claim, e.g. 0.99 for 0.5% + 0.5%. */
  entryExitFactor: number;
  /** Years between upkeeps, for the price model. */
  stepYears: number;
}

/** A percentage as a WAD rate; the inputs are checked, so it is finite and in range. */
function percentToWad(percent: number): bigint {
  return BigInt(Math.round(percent * 1e16));
}

export function simulationFees(
  inputs: Pick<SimulatorInputs, 'annualFeePercent' | 'mintFeePercent' | 'burnFeePercent' | 'intervalSeconds'>,
): SimulationFees {
  const perInterval = feePerIntervalFromAnnual(percentToWad(inputs.annualFeePercent), inputs.intervalSeconds);
  // Settlement of one whole unit, in WAD, through the contract's fee idiom: fee at commit, then at claim.
  const { queued } = mintFeeAtCommit(WAD, percentToWad(inputs.mintFeePercent));
  const kept = queued - feeAmount(percentToWad(inputs.burnFeePercent), queued);
  return {
    feePerStep: Number(perInterval) / Number(WAD),
    entryExitFactor: Number(kept) / Number(WAD),
    stepYears: inputs.intervalSeconds / Number(SECONDS_PER_LEAP_YEAR),
  };
}
