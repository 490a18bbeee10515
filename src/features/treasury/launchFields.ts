/**
 * Each field of the launch form read from its text, checked against what the V2.1 contracts accept
 * (docs/treasury.md §3): one sentence per refusal, and only a valid field yields a value. Percentages become
 * WAD `bigint`s (1% = 1e16) straight from their decimal digits, never through a float.
 */
import type { Address } from 'viem';
import { parseAddressText } from '../../chain/config/addressText.ts';
import { decimalToUnits } from '../../engine/decimalUnits.ts';
import { numberConventions, readAmountText, writeAmountText } from '../../ui/amountText.ts';

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

/** A fee's upper bound and the sentence that names it. */
export interface FeeBound {
  max: bigint;
  message: string;
}

/** Decimal strings compared as amounts: "0.50" and ".5" are the same, "-0" is 0. */
function sameAmount(a: string, b: string): boolean {
  const canonical = (d: string) => {
    const [whole = '', fraction = ''] = d.replace(/^-/, '').split('.');
    const text = `${whole.replace(/^0+/, '')}.${fraction.replace(/0+$/, '')}`;
    return text === '.' ? '0' : `${/^-/.test(d) ? '-' : ''}${text}`;
  };
  return canonical(a) === canonical(b);
}

/**
 * A percentage written so that every locale reads it alike, for the link: no grouping, no trailing zeros,
 * and never exactly three decimals, which a locale that groups with the same mark would read as a thousands
 * group ("0,125" is 125 in English): a fourth decimal, "0,1250", keeps it a fraction everywhere.
 */
function linkSafeText(decimal: string, locale: string): string {
  const [whole = '0', fraction = ''] = decimal.split('.');
  const kept = fraction.replace(/0+$/, '');
  const digits = kept.length === 3 ? `${kept}0` : kept;
  return writeAmountText(digits ? `${whole}.${digits}` : whole, locale);
}

/** The two conventions that give "." and "," opposite roles; every locale that uses both reads as one of them. */
const OTHER_READINGS = ['en-US', 'de-DE'] as const;

/**
 * The settings live in the link, and another signer may open it in another locale (docs/treasury.md §2):
 * text that a locale with the other convention reads as another amount ("0,050" is 50 in English) is
 * refused, with a rewrite every locale reads alike.
 */
function linkMisreading(text: string, decimal: string, locale: string): string | undefined {
  for (const other of OTHER_READINGS) {
    const read = readAmountText(text, other);
    if (!read.ok || read.decimal === '' || sameAmount(read.decimal, decimal)) continue;
    const mark = text.includes(',') ? ',' : '.';
    const role = numberConventions(other).decimal === mark ? 'marks decimals' : 'groups thousands';
    const misread = writeAmountText(read.decimal, locale);
    return `This link may be opened where “${mark}” ${role}, which reads it as ${misread}: write ${linkSafeText(decimal, locale)}.`;
  }
  return undefined;
}

/**
 * A percentage typed in the user's locale ("0.5", "0,5 %" in German) as a WAD rate: 0.5 → 5e15. With a
 * `bound`, a larger rate is refused with its sentence. Every refusal's suggested rewrite is one this
 * function accepts in the same locale.
 */
export function readPercentWad(text: string, locale: string, bound?: FeeBound): Field<bigint> {
  const { decimal } = numberConventions(locale);
  const separator = decimal === '.' ? 'point' : decimal === ',' ? 'comma' : 'decimal separator';
  const problem = (amount: string): string | undefined => {
    if (/^-.*[1-9]/.test(amount)) return 'A fee cannot be negative.';
    const [, fraction = ''] = amount.split('.');
    if (fraction.length > PERCENT_DECIMALS)
      return `Use at most ${PERCENT_DECIMALS} digits after the ${separator}.`;
    if (bound && wadOf(amount) > bound.max) return bound.message;
    return undefined;
  };
  const typed = text.trim().replace(/\s*%$/, '');
  const read = readAmountText(typed, locale, {
    example: '0.5',
    noun: 'percentage',
    accepts: (amount) => problem(amount) === undefined,
    write: (amount) => linkSafeText(amount, locale),
  });
  if (!read.ok) return read;
  if (read.decimal === '')
    return fail(`Enter a percentage, like ${writeAmountText('0.5', locale)}, or 0 for none.`);
  const refusal = problem(read.decimal) ?? linkMisreading(typed, read.decimal, locale);
  return refusal ? fail(refusal) : { ok: true, value: wadOf(read.decimal) };
}

/** A non-negative percentage (a plain decimal, at most 16 decimals, checked before) as a WAD rate. */
function wadOf(amount: string): bigint {
  const units = decimalToUnits(amount.replace(/^-/, ''), PERCENT_DECIMALS);
  if (units.ok) return units.units;
  throw new Error(`Not a percentage with at most ${PERCENT_DECIMALS} decimals: ${amount}`);
}

export function readFees(
  texts: { mintingFee: string; burningFee: string; changeInterval: string },
  locale: string,
): { mintingFee: Field<bigint>; burningFee: Field<bigint>; changeInterval: Field<bigint> } {
  return {
    mintingFee: readPercentWad(texts.mintingFee, locale, {
      max: MAX_MINTING_FEE,
      message: 'The minting fee can be at most 100%.',
    }),
    burningFee: readPercentWad(texts.burningFee, locale, {
      max: MAX_BURNING_FEE,
      message: 'The burning fee can be at most 10%: the committer refuses more.',
    }),
    changeInterval: readPercentWad(texts.changeInterval, locale, {
      max: MAX_CHANGE_INTERVAL,
      message: 'The change interval can be at most 100% per update.',
    }),
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
