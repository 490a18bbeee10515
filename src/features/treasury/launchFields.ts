/**
 * Each field of the launch form read from its text, checked against what the V2.1 contracts accept
 * (docs/treasury.md §3): one sentence per refusal, and only a valid field yields a value. Percentages become
 * WAD `bigint`s (1% = 1e16) straight from their decimal digits, never through a float.
 */
import { type Address, isAddress } from 'viem';
import { numberConventions, readAmountText } from '../../ui/amountText.ts';

export type Field<T> = { ok: true; value: T } | { ok: false; message: string };

const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** `deployPool` takes the leverage as a uint16 and refuses 0. */
export const MAX_LEVERAGE = 65_535;
/** Both intervals are uint32 seconds. */
export const MAX_INTERVAL_SECONDS = 4_294_967_295;
/** The factory converts the annual fee per interval over 365.2425 days (docs/protocol.md §2.1). */
export const SECONDS_PER_YEAR = 31_556_952n;
export const WAD = 10n ** 18n;
/** The committer's bounds at deployment: minting fee and change interval ≤ 100%, burning fee ≤ 10%. */
export const MAX_MINTING_FEE = WAD;
export const MAX_BURNING_FEE = WAD / 10n;
export const MAX_CHANGE_INTERVAL = WAD;
/** The factory and the wrapper refuse a token or a feed with more decimals than this. */
export const MAX_DECIMALS = 18;
/** Digits after the point a percentage can carry: 1e-16 % is one wei of a WAD rate. */
const PERCENT_DECIMALS = 16;

export function readAddress(text: string, what: string): Field<Address> {
  const trimmed = text.trim();
  if (trimmed === '') return fail(`Enter the ${what}’s address.`);
  if (!isAddress(trimmed, { strict: false }))
    return fail(`“${trimmed}” is not an address: it is 0x followed by 40 hexadecimal characters.`);
  return { ok: true, value: trimmed as Address };
}

const WHOLE = /^\d+$/;

export function readLeverage(text: string): Field<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail('Enter the leverage, like 2.');
  if (!WHOLE.test(trimmed)) return fail('The leverage is a whole number, like 2.');
  const value = BigInt(trimmed);
  if (value === 0n) return fail('The leverage cannot be 0: the factory refuses it.');
  if (value > BigInt(MAX_LEVERAGE))
    return fail(`The leverage can be at most ${MAX_LEVERAGE}: the contracts keep it in 16 bits.`);
  return { ok: true, value: Number(value) };
}

export function readSeconds(text: string, what: string): Field<number> {
  const trimmed = text.trim();
  if (trimmed === '') return fail(`Enter the ${what} in seconds.`);
  if (!WHOLE.test(trimmed)) return fail(`The ${what} is a whole number of seconds, like 60.`);
  const value = BigInt(trimmed);
  if (value > BigInt(MAX_INTERVAL_SECONDS))
    return fail(`The ${what} can be at most ${MAX_INTERVAL_SECONDS} seconds.`);
  return { ok: true, value: Number(value) };
}

/**
 * The longest update interval whose per-interval fee, `floor(annual × interval / year)`, stays below 100%:
 * a pool refuses a fee of 100% or more. Unbounded (the uint32 limit) when the annual fee is 0.
 */
export function maxUpdateIntervalFor(annualFeeWad: bigint): number {
  if (annualFeeWad <= 0n) return MAX_INTERVAL_SECONDS;
  const limit = (WAD * SECONDS_PER_YEAR + annualFeeWad - 1n) / annualFeeWad - 1n;
  return Number(limit < BigInt(MAX_INTERVAL_SECONDS) ? limit : BigInt(MAX_INTERVAL_SECONDS));
}

/**
 * The update interval, with the rules that tie it to the factory's annual fee. The front-running interval
 * must be shorter: the contracts accept a longer one, but every commit would then wait an extra interval.
 */
export function readIntervals(
  updateText: string,
  frontRunningText: string,
  annualFeeWad: bigint | undefined,
): { update: Field<number>; frontRunning: Field<number> } {
  let update = readSeconds(updateText, 'update interval');
  if (update.ok && update.value === 0) update = fail('The update interval must be at least 1 second.');
  if (update.ok && annualFeeWad !== undefined && update.value > maxUpdateIntervalFor(annualFeeWad))
    update = fail(
      `At most ${maxUpdateIntervalFor(annualFeeWad)} seconds: a longer interval would charge 100% or more of the pool per interval.`,
    );
  let frontRunning = readSeconds(frontRunningText, 'front-running interval');
  if (frontRunning.ok && update.ok && frontRunning.value >= update.value)
    frontRunning = fail(
      `The front-running interval must be shorter than the update interval (${update.value} seconds).`,
    );
  return { update, frontRunning };
}

/** A percentage typed in the user's locale ("0.5", "0,5 %" in German) as a WAD rate: 0.5 → 5e15. */
export function readPercentWad(text: string, locale: string): Field<bigint> {
  const read = readAmountText(text.trim().replace(/\s*%$/, ''), locale);
  if (!read.ok) return read;
  const { decimal } = numberConventions(locale);
  if (read.decimal === '') return fail(`Enter a percentage, like 0${decimal}5, or 0 for none.`);
  if (read.decimal.startsWith('-')) return fail('A fee cannot be negative.');
  if (!/^\d*\.?\d*$/.test(read.decimal) || read.decimal === '.')
    return fail(`Enter a percentage, like 0${decimal}5.`);
  const [whole = '', fraction = ''] = read.decimal.split('.');
  if (fraction.length > PERCENT_DECIMALS)
    return fail(`Use at most ${PERCENT_DECIMALS} digits after the ${decimal === ',' ? 'comma' : 'point'}.`);
  return { ok: true, value: BigInt((whole || '0') + fraction.padEnd(PERCENT_DECIMALS, '0')) };
}

export function readFees(
  texts: { mintingFee: string; burningFee: string; changeInterval: string },
  locale: string,
): { mintingFee: Field<bigint>; burningFee: Field<bigint>; changeInterval: Field<bigint> } {
  const bounded = (text: string, max: bigint, message: string): Field<bigint> => {
    const read = readPercentWad(text, locale);
    return read.ok && read.value > max ? fail(message) : read;
  };
  return {
    mintingFee: bounded(texts.mintingFee, MAX_MINTING_FEE, 'The minting fee can be at most 100%.'),
    burningFee: bounded(
      texts.burningFee,
      MAX_BURNING_FEE,
      'The burning fee can be at most 10%: the committer refuses more.',
    ),
    changeInterval: bounded(
      texts.changeInterval,
      MAX_CHANGE_INTERVAL,
      'The change interval can be at most 100% per update.',
    ),
  };
}

/** "ETH/USD": letters, digits or dots each side of one slash. The pools list reads the market back from it. */
const MARKET = /^[A-Za-z0-9.]{1,16}\/[A-Za-z0-9.]{1,16}$/;

/** A feed's description as a market name: "ETH / USD" → "ETH/USD"; undefined if it does not read as one. */
export function marketFromDescription(description: string | undefined): string | undefined {
  const compact = description?.replace(/\s+/g, '');
  return compact && MARKET.test(compact) ? compact : undefined;
}

export function readMarket(text: string, derived: string | undefined): Field<string> {
  const trimmed = text.trim();
  if (trimmed === '') {
    if (derived) return { ok: true, value: derived };
    return fail('Name the market, like ETH/USD: the feed’s description does not say it.');
  }
  if (!MARKET.test(trimmed)) return fail('Name the market as BASE/QUOTE, like ETH/USD.');
  return { ok: true, value: trimmed };
}
