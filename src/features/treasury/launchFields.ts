/**
 * Each field of the launch form read from its text, checked against what the V2.1 contracts accept
 * (docs/treasury.md §3): one sentence per refusal, and only a valid field yields a value. The fee fields,
 * percentages, are read in feeFields.ts.
 */
import type { Address } from 'viem';
import { parseAddressText } from '../../chain/config/addressText.ts';
import { readAmountText } from '../../ui/amountText.ts';

export type Field<T> = { ok: true; value: T } | { ok: false; message: string };

export const fail = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** `deployPool` takes the leverage as a uint16 and refuses 0. */
export const MAX_LEVERAGE = 65_535;
/** Both intervals are uint32 seconds. */
export const MAX_INTERVAL_SECONDS = 4_294_967_295;
/** The factory converts the annual fee per interval over 365.2425 days (docs/protocol.md §2.1). */
export const SECONDS_PER_YEAR = 31_556_952n;
export const WAD = 10n ** 18n;
/** The factory and the wrapper refuse a token or a feed with more decimals than this. */
export const MAX_DECIMALS = 18;

/** An address typed into the form, checksummed; mixed case that is not its checksum is refused (addressText.ts). */
export function readAddress(text: string, what: string): Field<Address> {
  const trimmed = text.trim();
  if (trimmed === '') return fail(`Enter the ${what}’s address.`);
  const read = parseAddressText(trimmed);
  if (read.ok) return { ok: true, value: read.address };
  return read.problem === 'format'
    ? fail(`“${trimmed}” is not an address: it is 0x followed by 40 hexadecimal characters.`)
    : fail(
        `“${trimmed}” fails its checksum: a character was probably mistyped. Paste it again from its source.`,
      );
}

/**
 * A whole number as typed in a field that the link keeps: read in the user's locale, and `plain` only when
 * it is bare digits. Only bare digits read the same in every locale ("3,600" is 3.6 in German), so a number
 * written with separators is refused with its digits once every bound has passed (`digitsOnly`); a zero
 * fraction ("1.000") is not taken as whole either, since another locale reads it as a thousand.
 */
function readWhole(
  text: string,
  locale: string,
  sentences: { empty: string; notWhole: string; negative: string },
): Field<{ value: bigint; plain: boolean }> {
  const trimmed = text.trim();
  if (trimmed === '') return fail(sentences.empty);
  const read = readAmountText(trimmed, locale);
  const match = read.ok ? /^(-?)(\d+)(\.0*)?$/.exec(read.decimal) : null;
  if (!match) return fail(sentences.notWhole);
  const value = BigInt(match[2] ?? '');
  if (match[1] && value > 0n) return fail(sentences.negative);
  return { ok: true, value: { value, plain: /^\p{Nd}+$/u.test(trimmed) } };
}

const digitsOnly = (what: string, value: bigint) => fail(`Type the ${what} as digits only: ${value}.`);

export function readLeverage(text: string, locale = 'en-US'): Field<number> {
  const read = readWhole(text, locale, {
    empty: 'Enter the leverage, like 2.',
    notWhole: 'The leverage is a whole number, like 2.',
    negative: 'The leverage cannot be negative.',
  });
  if (!read.ok) return read;
  const { value, plain } = read.value;
  if (value === 0n) return fail('The leverage cannot be 0: the factory refuses it.');
  if (value > BigInt(MAX_LEVERAGE))
    return fail(`The leverage can be at most ${MAX_LEVERAGE}: the contracts keep it in 16 bits.`);
  if (!plain) return digitsOnly('leverage', value);
  return { ok: true, value: Number(value) };
}

/** Seconds within a uint32, and whether they were typed as bare digits (`digitsOnly` comes last). */
function readSecondsTyped(
  text: string,
  what: string,
  locale: string,
): Field<{ value: number; plain: boolean }> {
  const read = readWhole(text, locale, {
    empty: `Enter the ${what} in seconds.`,
    notWhole: `The ${what} is a whole number of seconds, like 60.`,
    negative: `The ${what} cannot be negative.`,
  });
  if (!read.ok) return read;
  if (read.value.value > BigInt(MAX_INTERVAL_SECONDS))
    return fail(`The ${what} can be at most ${MAX_INTERVAL_SECONDS} seconds.`);
  return { ok: true, value: { value: Number(read.value.value), plain: read.value.plain } };
}

export function readSeconds(text: string, what: string, locale = 'en-US'): Field<number> {
  const read = readSecondsTyped(text, what, locale);
  if (!read.ok) return read;
  return read.value.plain
    ? { ok: true, value: read.value.value }
    : digitsOnly(what, BigInt(read.value.value));
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
  locale = 'en-US',
): { update: Field<number>; frontRunning: Field<number> } {
  // Bounds first, then the bare-digits rule, so that "Type … as digits only: N" only ever names a valid N.
  const bareDigits = (read: Field<{ value: number; plain: boolean }>, field: Field<number>, what: string) =>
    field.ok && read.ok && !read.value.plain ? digitsOnly(what, BigInt(field.value)) : field;
  const updateRead = readSecondsTyped(updateText, 'update interval', locale);
  let update: Field<number> = updateRead.ok ? { ok: true, value: updateRead.value.value } : updateRead;
  if (update.ok && update.value === 0) update = fail('The update interval must be at least 1 second.');
  if (update.ok && annualFeeWad !== undefined && update.value > maxUpdateIntervalFor(annualFeeWad))
    update = fail(
      `At most ${maxUpdateIntervalFor(annualFeeWad)} seconds: a longer interval would charge 100% or more of the pool per interval.`,
    );
  const frontRead = readSecondsTyped(frontRunningText, 'front-running interval', locale);
  let frontRunning: Field<number> = frontRead.ok ? { ok: true, value: frontRead.value.value } : frontRead;
  if (frontRunning.ok && update.ok && frontRunning.value >= update.value)
    frontRunning = fail(
      `The front-running interval must be shorter than the update interval (${update.value} seconds).`,
    );
  update = bareDigits(updateRead, update, 'update interval');
  frontRunning = bareDigits(frontRead, frontRunning, 'front-running interval');
  return { update, frontRunning };
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
