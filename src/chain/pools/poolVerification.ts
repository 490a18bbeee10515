/**
 * Which factory pools are Olympus pools (docs/protocol.md, "Verified pools"). `PoolFactory.deployPool` is
 * permissionless, so a pool that settles in OHM proves nothing: anyone can deploy one over a price feed they
 * control and give it an Olympus-looking name. A pool is an Olympus pool only when the chain's Olympus
 * authority stands behind it, on three facts read from the chain:
 * - its secondary fee address (the account that deployed it) is the Olympus treasury;
 * - its governance, which can pause it and then withdraw all its collateral, is Olympus governance;
 * - its oracle wrappers read price feeds on the chain's list of known feeds (the market's, and the
 *   settlement/ETH one that prices keeper rewards, which are paid out of the pool).
 *
 * Pure, and free of the browser's environment, so the keeper (Node) applies the same rule as the app.
 */
import { type Address, isAddressEqual } from 'viem';

/** Who and what Olympus trusts on one chain. */
export interface OlympusAuthority {
  /** Deploys Olympus pools, and so is their secondary fee address (10% of management fees). */
  treasury: Address;
  /** The governance every Olympus pool must have. */
  governance: Address;
  /** Chainlink-style aggregators an Olympus pool may read (market/USD and settlement/ETH). */
  priceFeeds: readonly Address[];
}

/** The facts of one pool that decide whether it is an Olympus pool. */
export interface PoolTrustFacts {
  secondaryFeeAddress: Address;
  governance: Address;
  /** `oracleWrapper().oracle()`: the market's price feed. */
  marketFeed: Address;
  /** `settlementEthOracle().oracle()`: the feed that prices keeper rewards. */
  settlementEthFeed: Address;
}

export type VerificationFailure = 'deployer' | 'governance' | 'marketFeed' | 'settlementEthFeed';

export interface PoolVerification {
  verified: boolean;
  /** Empty when verified; in the order the warning names them. */
  failures: VerificationFailure[];
}

export function verifyPool(facts: PoolTrustFacts, authority: OlympusAuthority | undefined): PoolVerification {
  if (!authority)
    return { verified: false, failures: ['deployer', 'governance', 'marketFeed', 'settlementEthFeed'] };
  const known = (feed: Address) => authority.priceFeeds.some((f) => isAddressEqual(f, feed));
  const failures: VerificationFailure[] = [];
  if (!isAddressEqual(facts.secondaryFeeAddress, authority.treasury)) failures.push('deployer');
  if (!isAddressEqual(facts.governance, authority.governance)) failures.push('governance');
  if (!known(facts.marketFeed)) failures.push('marketFeed');
  if (!known(facts.settlementEthFeed)) failures.push('settlementEthFeed');
  return { verified: failures.length === 0, failures };
}

/** One sentence per failed check, naming the address the pool has instead. */
export function verificationFailureText(failure: VerificationFailure, facts: PoolTrustFacts): string {
  switch (failure) {
    case 'deployer':
      return `It was deployed by ${facts.secondaryFeeAddress}, not the Olympus treasury, which therefore receives none of its fees.`;
    case 'governance':
      return `Its governance is ${facts.governance}, not Olympus governance: that account can pause the pool and withdraw its collateral.`;
    case 'marketFeed':
      return `Its price comes from ${facts.marketFeed}, which is not a known price feed: whoever controls it can move the price.`;
    case 'settlementEthFeed':
      return `Its keeper rewards are priced by ${facts.settlementEthFeed}, which is not a known price feed: whoever controls it can drain the pool through keeper rewards.`;
  }
}

/** Every failed check of a pool, as the warning says them. */
export function verificationReasons(verification: PoolVerification, facts: PoolTrustFacts): string[] {
  return verification.failures.map((failure) => verificationFailureText(failure, facts));
}
