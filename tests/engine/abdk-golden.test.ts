/**
 * The exact path against the deployed V2.1 contracts, bit for bit: every vector in fixtures/abdk-vectors.json was
 * produced by executing the published bytecode of PoolSwapLibrary, KeeperRewards and L2Encoder
 * (@tracer-protocol/perpetual-pools-contracts@1.2.5) on anvil; see fixtures/generate-abdk-vectors.ts.
 * A revert on chain must be a throw here, and vice versa.
 */
import { describe, expect, it } from 'vitest';
import { appropriateUpdateIntervalId, encodeCommitParams } from '../../src/engine/commits.ts';
import { feeAmountQuad, mulFraction } from '../../src/engine/fees.ts';
import { keeperGas, payKeeperFromBalances } from '../../src/engine/keeper.ts';
import {
  flipProceeds,
  poolBurnAmount,
  poolMintAmount,
  settlementForTokens,
  tokenPrice,
  tokensForSettlement,
} from '../../src/engine/prices.ts';
import type { Quad } from '../../src/engine/quad.ts';
import * as quad from '../../src/engine/quad.ts';
import { ContractRevert } from '../../src/engine/revert.ts';
import { aggregateDelta } from '../../src/engine/settlement.ts';
import { calculateValueTransfer } from '../../src/engine/transfer.ts';
import vectorFile from './fixtures/abdk-vectors.json' with { type: 'json' };

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
interface Vector {
  args: Json[];
  out: Json;
}
const vectors = vectorFile.vectors as unknown as Record<string, Vector[]>;

const q = (value: Json): Quad => quad.quadFromHex(String(value));
const n = (value: Json): bigint => BigInt(String(value));
const hex = (value: Quad) => quad.quadToHex(value);
/** Rates reach the engine as WAD integers; on chain they are quads of integers, so this is lossless. */
const wad = (value: Json): bigint => {
  const rate = q(value);
  const integer = quad.toUInt(rate);
  if (quad.fromUInt(integer) !== rate) throw new Error('non-integer rate in a vector');
  return integer;
};

function serialise(value: unknown): Json {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(serialise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, serialise(v)]));
  }
  return value as Json;
}

/** Runs the engine on every vector of `name`; a chain revert must be a ContractRevert (or an argument error). */
function checkAll(name: string, compute: (args: Json[]) => unknown) {
  const list = vectors[name];
  if (!list || list.length === 0) throw new Error(`no vectors for ${name}`);
  it(`${name}: ${list.length} vectors`, () => {
    let reverts = 0;
    for (const vector of list) {
      const expectedRevert = typeof vector.out === 'object' && vector.out !== null && 'revert' in vector.out;
      let actual: Json;
      try {
        actual = serialise(compute(vector.args));
      } catch (error) {
        if (!(error instanceof ContractRevert || error instanceof RangeError)) throw error;
        actual = { revert: true };
      }
      if (expectedRevert) reverts++;
      expect({ args: vector.args, out: actual }).toEqual({ args: vector.args, out: vector.out });
    }
    // The vectors are meant to exercise both outcomes where the function can revert.
    expect(reverts).toBeLessThan(list.length);
  });
}

describe('quad arithmetic matches the deployed library bit for bit', () => {
  checkAll('addBytes', ([x, y]) => hex(quad.add(q(x!), q(y!))));
  checkAll('subtractBytes', ([x, y]) => hex(quad.sub(q(x!), q(y!))));
  checkAll('multiplyBytes', ([x, y]) => hex(quad.mul(q(x!), q(y!))));
  checkAll('divInt', ([a, b]) => hex(quad.div(quad.fromInt(n(a!)), quad.fromInt(n(b!)))));
  checkAll('getRatio', ([a, b]) =>
    n(b!) === 0n ? hex(quad.POSITIVE_ZERO) : hex(quad.div(quad.fromUInt(n(a!)), quad.fromUInt(n(b!)))),
  );
  checkAll('convertUIntToDecimal', ([a]) => hex(quad.fromUInt(n(a!))));
  checkAll('convertDecimalToUInt', ([x]) => quad.toUInt(q(x!)));
  checkAll('compareDecimals', ([x, y]) => quad.cmp(q(x!), q(y!)));
});

describe('log₂ and 2^x match the deployed library bit for bit', () => {
  // log₂(2) is exactly 1, so getLossMultiplier(2, −1, x) is pow_2(x): pow_2 alone over every class of input.
  checkAll('pow2ViaLossMultiplier', ([, , x]) => hex(quad.pow_2(q(x!))));
  // V1's loss multiplier 2^(L · log₂(ratio or 1/ratio)).
  checkAll('getLossMultiplier', ([ratio, direction, leverage]) => {
    const base = Number(direction) < 0 ? q(ratio!) : quad.div(quad.ONE, q(ratio!));
    return hex(quad.pow_2(quad.mul(q(leverage!), quad.log_2(base))));
  });
});

describe('pool library functions match the deployed library', () => {
  checkAll('calculateValueTransfer', ([long, short, leverage, oldPrice, newPrice, fee]) =>
    calculateValueTransfer(n(long!), n(short!), q(leverage!), n(oldPrice!), n(newPrice!), q(fee!)),
  );
  checkAll('getPrice', ([balance, supply]) => hex(tokenPrice(n(balance!), n(supply!))));
  checkAll('getMint', ([price, amount]) => tokensForSettlement(q(price!), n(amount!)));
  checkAll('getBurn', ([price, amount]) => settlementForTokens(q(price!), n(amount!)));
  checkAll('mintingOrBurningFee', ([rate, amount]) => feeAmountQuad(q(rate!), n(amount!)));
  checkAll('processBurnInstantMintCommit', ([amount, price, burnFee, mintFee]) => {
    const flip = flipProceeds(n(amount!), q(price!), wad(burnFee!), wad(mintFee!));
    return [flip.settlement, flip.burnFee, flip.mintFee];
  });
  checkAll('getBalancesAfterFees', ([reward, short, long]) => {
    const paid = payKeeperFromBalances(n(reward!), n(long!), n(short!));
    return [paid.shortBalance, paid.longBalance]; // the library returns (short, long)
  });
  checkAll('mulFraction', ([a, b, c]) => mulFraction(n(a!), n(b!), n(c!)));
  checkAll('getMintAmount', ([supply, amount, balance, pending]) =>
    poolMintAmount(n(supply!), n(amount!), n(balance!), n(pending!)),
  );
  checkAll('getWithdrawAmountOnBurn', ([supply, amount, balance, pending]) =>
    poolBurnAmount(n(supply!), n(amount!), n(balance!), n(pending!)),
  );
  checkAll('appropriateUpdateIntervalId', ([now, last, fri, ui, id]) =>
    appropriateUpdateIntervalId(n(now!), n(last!), n(fri!), n(ui!), n(id!)),
  );
  checkAll('getUpdatedAggregateBalance', ([data]) => {
    const d = data as Record<string, Json>;
    const zero = {
      _newLongTokens: 0n,
      _newShortTokens: 0n,
      _longSettlementFee: 0n,
      _shortSettlementFee: 0n,
      _newSettlementTokens: 0n,
    };
    if (n(d.updateIntervalId!) >= n(d.currentUpdateIntervalId!)) return zero;
    const delta = aggregateDelta(
      {
        longMintSettlement: n(d.longMintSettlement!),
        longBurnPoolTokens: n(d.longBurnPoolTokens!),
        shortMintSettlement: n(d.shortMintSettlement!),
        shortBurnPoolTokens: n(d.shortBurnPoolTokens!),
        longBurnShortMintPoolTokens: n(d.longBurnShortMintPoolTokens!),
        shortBurnLongMintPoolTokens: n(d.shortBurnLongMintPoolTokens!),
      },
      { longPrice: q(d.longPrice!), shortPrice: q(d.shortPrice!) },
      wad(d.burnFee!),
      wad(d.mintingFeeRate!),
    );
    return {
      _newLongTokens: delta.newLongTokens,
      _newShortTokens: delta.newShortTokens,
      _longSettlementFee: delta.longSettlementFee,
      _shortSettlementFee: delta.shortSettlementFee,
      _newSettlementTokens: delta.newSettlementTokens,
    };
  });
});

describe('keeper and encoder match the deployed contracts', () => {
  checkAll('keeperGas', ([gasPrice, gasSpent, price]) =>
    keeperGas(n(gasPrice!), n(gasSpent!), n(price!), 'v2'),
  );
  checkAll('encodeCommitParams', ([amount, type, fromAggregate, payForClaim]) => {
    const commitType = Number(type) as 0 | 1 | 2 | 3 | 4 | 5;
    const packed = encodeCommitParams(n(amount!), commitType, fromAggregate === true, payForClaim === true);
    return `0x${packed.toString(16).padStart(64, '0')}`;
  });
});
