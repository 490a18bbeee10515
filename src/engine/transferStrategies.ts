/**
 * The transfer strategies (docs/protocol.md §1.3, §1.4): the fraction of the losing side's balance that moves to
 * the winner on a price change, `sigmoid` (V2.1) or `power` (V1 and the seed's "power leverage"). Each has an
 * exact form, quad for quad as the contract computes it, and a fast `number` form for charts and simulations.
 */
import { divIntegers, mulToUInt } from './quad/fused.ts';
import type { Quad } from './quad.ts';
import * as quad from './quad.ts';
import type { TransferKind } from './types.ts';

export interface SideBalances {
  longBalance: bigint;
  shortBalance: bigint;
}

export interface TransferStrategy {
  readonly kind: TransferKind;
  /**
   * The transfer on balances the fee has already been taken from, exactly as the contract computes it.
   * Prices are the raw oracle integers (WAD), both > 0.
   */
  transferExact(balances: SideBalances, leverage: Quad, oldPrice: bigint, newPrice: bigint): SideBalances;
  /**
   * Fraction of the losing side's balance that moves to the winner, on doubles, from the size of the move
   * `|ln(new/old)|` (the loser is the short side when new ≥ old). Taking the log move lets simulations skip
   * the price itself, and keeps small moves precise.
   */
  lossFraction(leverage: number, absLogMove: number): number;
  /**
   * 1 − lossFraction, computed without cancellation: on a large move the loser keeps a small fraction, which
   * `1 − lossFraction` would only get to ~1e-16 / fraction relative accuracy.
   */
  keptFraction(leverage: number, absLogMove: number): number;
}

const MINUS_TWO = quad.fromInt(-2n);
const TWO = quad.add(quad.ONE, quad.ONE);

/**
 * The sigmoid's losing fraction m = 2 / (1 + e^(−2·L·(1 − ratio))) − 1 = tanh(L·(1 − ratio)), with ratio ≤ 1,
 * evaluated in the contract's order of quad operations (§1.4).
 */
export function sigmoidMultiplier(leverage: Quad, ratio: Quad): Quad {
  let denominator = quad.mul(MINUS_TWO, leverage);
  denominator = quad.mul(denominator, quad.sub(quad.ONE, ratio));
  denominator = quad.add(quad.ONE, quad.exp(denominator));
  return quad.sub(quad.div(TWO, denominator), quad.ONE);
}

/** toUInt(balance · q): the contract's way to take a quad fraction of an integer balance. */
function portion(balance: bigint, fraction: Quad): bigint {
  return mulToUInt(fraction, balance);
}

/**
 * A few recent multipliers, keyed by (leverage, old price, new price). A preview or a chart asks for the same price
 * pair many times (every pool on one oracle, every upkeep of a preview); the result is identical, only cheaper.
 */
class MultiplierCache<T> {
  private readonly keys: Array<[bigint, bigint, bigint] | undefined> = new Array(8);
  private readonly values: T[] = new Array(8);
  private next = 0;

  lookup(leverage: bigint, oldPrice: bigint, newPrice: bigint): T | undefined {
    for (let i = 0; i < this.keys.length; i++) {
      const key = this.keys[i];
      if (key && key[0] === leverage && key[1] === oldPrice && key[2] === newPrice) return this.values[i];
    }
    return undefined;
  }

  store(leverage: bigint, oldPrice: bigint, newPrice: bigint, value: T): T {
    this.keys[this.next] = [leverage, oldPrice, newPrice];
    this.values[this.next] = value;
    this.next = (this.next + 1) % this.keys.length;
    return value;
  }
}

const sigmoidCache = new MultiplierCache<[Quad, Quad]>();

/** V2.1 (§1.4): m of the loser's balance moves; two truncations may lose a unit, which goes to the winner. */
export const sigmoidTransfer: TransferStrategy = {
  kind: 'sigmoid',
  transferExact({ longBalance, shortBalance }, leverage, oldPrice, newPrice) {
    const sumBefore = longBalance + shortBalance;
    let long = longBalance;
    let short = shortBalance;
    // The comparison is on the raw integers: an unchanged price takes the "up" branch with m = 0 (§1.4).
    const up = newPrice >= oldPrice;
    if ((up && short > 0n) || (!up && long > 0n)) {
      const [m, keep] =
        sigmoidCache.lookup(leverage, oldPrice, newPrice) ??
        sigmoidCache.store(leverage, oldPrice, newPrice, sigmoidParts(leverage, oldPrice, newPrice, up));
      if (up) {
        long += portion(short, m);
        short = portion(short, keep);
      } else {
        short += portion(long, m);
        long = portion(long, keep);
      }
    }
    const deficit = sumBefore - (long + short);
    if (deficit > 0n) {
      if (newPrice > oldPrice) long += deficit;
      else short += deficit;
    }
    return { longBalance: long, shortBalance: short };
  },
  lossFraction(leverage, absLogMove) {
    // 1 − ratio = 1 − e^(−|move|), computed without cancellation.
    return Math.tanh(-leverage * Math.expm1(-absLogMove));
  },
  keptFraction(leverage, absLogMove) {
    // 1 − tanh(y) = 2 / (1 + e^(2y)).
    return 2 / (1 + Math.exp(-2 * leverage * Math.expm1(-absLogMove)));
  },
};

function sigmoidParts(leverage: Quad, oldPrice: bigint, newPrice: bigint, up: boolean): [Quad, Quad] {
  const [numerator, denominator] = up ? [oldPrice, newPrice] : [newPrice, oldPrice];
  // divInt of two positive integers divides their unsigned conversions; signed prices take the general path.
  const ratio =
    numerator > 0n && denominator > 0n
      ? divIntegers(numerator, denominator)
      : quad.div(quad.fromInt(numerator), quad.fromInt(denominator));
  const m = sigmoidMultiplier(leverage, ratio);
  return [m, quad.sub(quad.ONE, m)];
}

const powerCache = new MultiplierCache<PowerParts>();

/**
 * V1 (§1.3): the loser keeps (new/old)^L on a fall and (old/new)^L on a rise, computed as 2^(L·log₂ x); the
 * loss is one truncated amount moved whole, so there is no dust. The direction comes from the quad ratio.
 */
export const powerTransfer: TransferStrategy = {
  kind: 'power',
  transferExact({ longBalance, shortBalance }, leverage, oldPrice, newPrice) {
    const { loss, up } =
      powerCache.lookup(leverage, oldPrice, newPrice) ??
      powerCache.store(leverage, oldPrice, newPrice, powerParts(leverage, oldPrice, newPrice));
    if (up && shortBalance > 0n) {
      const moved = portion(shortBalance, loss);
      return { longBalance: longBalance + moved, shortBalance: shortBalance - moved };
    }
    if (!up && longBalance > 0n) {
      const moved = portion(longBalance, loss);
      return { longBalance: longBalance - moved, shortBalance: shortBalance + moved };
    }
    return { longBalance, shortBalance };
  },
  lossFraction(leverage, absLogMove) {
    // 1 − ratio^L = 1 − e^(−L·|move|).
    return -Math.expm1(-leverage * absLogMove);
  },
  keptFraction(leverage, absLogMove) {
    return Math.exp(-leverage * absLogMove);
  },
};

interface PowerParts {
  /** 1 − keep: the fraction the loser loses. */
  loss: Quad;
  /** The quad ratio new/old is ≥ 1: the short side pays. */
  up: boolean;
}

function powerParts(leverage: Quad, oldPrice: bigint, newPrice: bigint): PowerParts {
  const ratio =
    newPrice > 0n && oldPrice > 0n
      ? divIntegers(newPrice, oldPrice)
      : quad.div(quad.fromInt(newPrice), quad.fromInt(oldPrice));
  const direction = quad.cmp(ratio, quad.ONE);
  const base = direction < 0 ? ratio : quad.div(quad.ONE, ratio);
  const keep = quad.pow_2(quad.mul(leverage, quad.log_2(base)));
  return { loss: quad.sub(quad.ONE, keep), up: direction >= 0 };
}

/** The strategy of each transfer kind: the one place where the kind is looked at. */
export const TRANSFER_STRATEGIES: Readonly<Record<TransferKind, TransferStrategy>> = {
  sigmoid: sigmoidTransfer,
  power: powerTransfer,
};
