/**
 * The power-leverage engine: Tracer Perpetual Pools V2.1 (and V1's power transfer) as plain functions.
 * Exact path on `bigint` and quads for anything a user acts on; fast path on `number` for charts and simulations.
 * Every module cites the section of docs/protocol.md it follows.
 */

export {
  type CommitPreview,
  type CommitPreviewInput,
  commitOutput,
  previewCommit,
} from './commitPreview.ts';
export {
  appropriateUpdateIntervalId,
  type CommitAction,
  type CommitRequest,
  CommitType,
  commitAction,
  commitParamsToHex,
  commitTotals,
  type DecodedCommitParams,
  decodeCommitParams,
  emptyTotals,
  encodeCommitParams,
  expectedExecutionTime,
  MAX_COMMIT_AMOUNT,
  type QueuedCommit,
  queueCommit,
} from './commits.ts';
export { KEEPER, MAX_ITERATIONS, MAX_MINTING_FEE_WAD, SECONDS_PER_LEAP_YEAR, WAD } from './constants.ts';
export { type DecimalUnits, decimalToUnits } from './decimalUnits.ts';
export {
  type ExecuteCommitmentsInput,
  type ExecuteCommitmentsResult,
  type ExecutedInterval,
  executeCommitments,
  executeInterval,
} from './execution.ts';
export {
  type CommitMintFee,
  type FeeSplit,
  feeAmount,
  feeAmountQuad,
  feePerIntervalFromAnnual,
  type ManagementFees,
  managementFees,
  mintFeeAtCommit,
  mulFraction,
  nextMintingFee,
  splitManagementFee,
} from './fees.ts';
export {
  type KeeperPayment,
  type KeeperReward,
  type KeeperRewardInput,
  type KeeperVersion,
  keeperGas,
  keeperReward,
  keeperTip,
  payKeeperFromBalances,
} from './keeper.ts';
export {
  intervalsLate,
  type KeeperClock,
  type KeeperSchedule,
  type KeeperTiming,
  keeperSchedule,
  keeperTiming,
} from './keeperTiming.ts';
export {
  amountToNumber,
  annualFeeFromPerInterval,
  collateralToUsd,
  type EffectiveLeverage,
  effectiveLeverage,
  notionalExposure,
  notionalValue,
  rebalancingRate,
  skew,
} from './metrics.ts';
export { type PoolPreview, type PreviewOptions, type PreviewStep, previewPool } from './preview.ts';
export {
  type BurnProceeds,
  burnProceeds,
  type FlipProceeds,
  flipProceeds,
  poolBurnAmount,
  poolMintAmount,
  settlementForTokens,
  sideTokenValue,
  tokenPrice,
  tokensForSettlement,
} from './prices.ts';
export type { Quad } from './quad.ts';
export * as quad from './quad.ts';
export { ContractRevert, type RevertKind } from './revert.ts';
export {
  executeV1Commits,
  type V1Commit,
  type V1Execution,
  type V1Side,
  v1BurnAmount,
  v1MintAmount,
} from './sequentialCommits.ts';
export {
  type AggregateBalance,
  type AggregateDelta,
  aggregateDelta,
  type IntervalPrices,
  type SettleAggregateInput,
  type SettleAggregateResult,
  settleAggregateBalance,
} from './settlement.ts';
export {
  type MonteCarloOptions,
  type MonteCarloResult,
  monteCarlo,
  type Quantiles,
  type SideOutcome,
} from './simulate/montecarlo.ts';
export {
  type PathValues,
  type PoolModel,
  positionPath,
  type VolatilityDecay,
  volatilityDecay,
} from './simulate/paths.ts';
export {
  type PayoffCurves,
  type PayoffOptions,
  type PerpetualPayoff,
  type PoolPayoff,
  payoffCurves,
} from './simulate/payoff.ts';

export {
  constantLeveragePath,
  type GbmOptions,
  gbmPrices,
} from './simulate/pricePaths.ts';
export { createPrng, type Prng } from './simulate/prng.ts';
export { type FastBalances, type FastTransferInput, valueTransferFast } from './simulate/rebalance.ts';
export { smallestYieldingAmount } from './smallestCommit.ts';
export {
  calculateValueTransfer,
  type ValueTransferInput,
  type ValueTransferResult,
  valueTransfer,
} from './transfer.ts';
export {
  powerTransfer,
  type SideBalances,
  sigmoidMultiplier,
  sigmoidTransfer,
  TRANSFER_STRATEGIES,
  type TransferStrategy,
} from './transferStrategies.ts';
export type * from './types.ts';
export {
  type KeeperInputs,
  type KeeperUpkeepResult,
  keeperUpkeep,
  type PoolUpkeepResult,
  poolUpkeep,
} from './upkeep.ts';
