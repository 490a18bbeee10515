/**
 * The reads behind a pool's health (docs/protocol.md, "Pool health"), queued inside the pools multicall
 * (poolReadLayout.ts) and decoded here into the snapshot's `health`: whether the keeper would upkeep it now,
 * when its market feed last answered, the settlement/ETH price and keeper gas price a keeper reward is
 * computed from (§2.4), and the two inputs of the invariant check besides the side balances (§3.8).
 *
 * The feeds are outside the protocol (anyone's aggregator may sit behind a wrapper), so a feed that does not
 * answer leaves its figure undefined instead of failing the whole read; the protocol's own contracts must
 * answer.
 */
import { getAddress } from 'viem';
import {
  aggregatorV3InterfaceAbi,
  chainlinkOracleWrapperAbi,
  erc20Abi,
  poolCommitterAbi,
  poolKeeperAbi,
} from '../../../contracts-abi/generated/index.ts';
import type { ReadBatch, Slot } from './batch.ts';
import type { PoolInfo } from './poolRegistry.ts';
import type { PoolHealthReads } from './poolSnapshot.ts';

/** One pool's health calls, in this order, after its other calls. */
export function addHealthReads(batch: ReadBatch, info: PoolInfo) {
  return {
    // The pool's own keeper: the only one whose upkeep the pool accepts.
    upkeepRequired: batch.add({
      address: info.keeper,
      abi: poolKeeperAbi,
      functionName: 'isUpkeepRequiredSinglePool',
      args: [info.address],
    }),
    feedRound: batch.add({
      address: info.trust.marketFeed,
      abi: aggregatorV3InterfaceAbi,
      functionName: 'latestRoundData',
    }),
    settlementEthPrice: batch.add({
      address: info.settlementEthOracle,
      abi: chainlinkOracleWrapperAbi,
      functionName: 'getPrice',
    }),
    settlementHeld: batch.add({
      address: info.collateral.address,
      abi: erc20Abi,
      functionName: 'balanceOf',
      args: [info.address],
    }),
    pendingMints: batch.add({
      address: info.committer,
      abi: poolCommitterAbi,
      functionName: 'pendingMintSettlementAmount',
    }),
  };
}

export type HealthReadSlots = ReturnType<typeof addHealthReads>;

/**
 * `PoolKeeper.gasPrice()` once per keeper the pools name (one per chain in practice: the factory gives every
 * pool its keeper), keyed by the keeper's checksummed address.
 */
export function addKeeperGasPriceReads(
  batch: ReadBatch,
  pools: readonly PoolInfo[],
): ReadonlyMap<string, Slot<bigint>> {
  const slots = new Map<string, Slot<bigint>>();
  for (const { keeper } of pools) {
    const key = getAddress(keeper);
    if (!slots.has(key))
      slots.set(key, batch.add({ address: keeper, abi: poolKeeperAbi, functionName: 'gasPrice' }));
  }
  return slots;
}

const answered = <T>(slot: Slot<T>): T | undefined => (slot.ok ? slot.value : undefined);

export function decodeHealth(
  info: PoolInfo,
  slots: HealthReadSlots,
  gasPrices: ReadonlyMap<string, Slot<bigint>>,
): PoolHealthReads {
  const gasPrice = gasPrices.get(getAddress(info.keeper));
  if (!gasPrice) throw new Error(`no gas price read for keeper ${info.keeper}`);
  const round = answered(slots.feedRound);
  return {
    upkeepRequired: slots.upkeepRequired.value,
    // A round with no time is incomplete: the wrapper refuses it too ("Pool health").
    feedUpdatedAt: round && round[3] > 0n ? round[3] : undefined,
    settlementEthPrice: answered(slots.settlementEthPrice),
    keeperGasPrice: gasPrice.value,
    settlementHeld: slots.settlementHeld.value,
    pendingMintSettlement: slots.pendingMints.value,
  };
}
