/**
 * Amounts as people type them, read by the conventions of their locale: "1.000,5" is a thousand and a half
 * in Germany, "1,000.5" in the United States, and "١٫٥" is one and a half in Arabic. What can be read two
 * ways is refused with one sentence rather than guessed: "1,5" in an English locale could be one and a half
 * or a mistyped fifteen, and a wrong guess there is ten times the money.
 *
 * The result is a plain decimal string ("1000.5"), which the caller turns into an exact integer of its
 * token's units; no float is involved anywhere.
 */

export type AmountText = { ok: true; decimal: string } | { ok: false; message: string };

export interface NumberConventions {
  /** The locale's decimal separator: "." in en-US, "," in de-DE, "٫" in ar-EG. */
  decimal: string;
  /** The locale's digit-group separator: "," in en-US, "." in de-DE, a narrow space in fr-FR. */
  group: string;
  /** Digits in the last group and in each group before it: 3 and 3 in most locales, 3 and 2 in en-IN. */
  groupSizes: readonly [number, number];
  /** The numbering system the locale writes figures in ("latn", "arab"), always one this module reads back. */
  numberingSystem: string;
  /** The ten digits of that system, 0 to 9. */
  digits: readonly string[];
}

const conventionsCache = new Map<string, NumberConventions>();

/** The separators a locale writes numbers with, as `Intl.NumberFormat` knows them. */
export function numberConventions(locale: string): NumberConventions {
  const cached = conventionsCache.get(locale);
  if (cached) return cached;
  let format = new Intl.NumberFormat(locale, { useGrouping: true });
  // Figures are written only in digits this module can read back, so that what is shown is what is read.
  const native = [...format.format(9_876_543_210)].filter((c) => /\p{Nd}/u.test(c));
  if (native.length !== 10 || native.some((c) => asciiDigit(c) === undefined))
    format = new Intl.NumberFormat(locale, { useGrouping: true, numberingSystem: 'latn' });
  const parts = format.formatToParts(1_234_567_890.5);
  const integers = parts.filter((p) => p.type === 'integer').map((p) => [...p.value].length);
  const primary = integers.length > 1 ? (integers.at(-1) ?? 3) : 3;
  const numberingSystem = format.resolvedOptions().numberingSystem;
  const conventions: NumberConventions = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
    groupSizes: [primary, integers.length > 2 ? (integers.at(-2) ?? primary) : primary],
    numberingSystem,
    digits: [...new Intl.NumberFormat(locale, { useGrouping: false, numberingSystem }).format(9_876_543_210)]
      .reverse()
      .slice(0, 10),
  };
  conventionsCache.set(locale, conventions);
  return conventions;
}

/** The first code point of each run of ten decimal digits that Unicode has and people type amounts in. */
const DIGIT_ZEROS = [
  0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xe50, 0xed0,
  0xf20, 0x1040, 0x17e0, 0x1810, 0xff10,
];

function asciiDigit(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? undefined : String(code - zero);
}

/** Spaces of every width (a pasted "1 000" from a French page uses a narrow no-break space). */
const SPACE = /^[\s\u00a0\u2007\u202f\u2009]$/u;
/** Apostrophes a Swiss "1'000" may be typed with, whichever one the locale writes. */
const APOSTROPHE = /^['’‘ʼ]$/u;
/** Currency signs a pasted amount may carry: "$1,000", "1.000 €". */
const CURRENCY = /\p{Sc}/gu;
/** Separators as the Arabic script writes them. */
const ARABIC_DECIMAL = '\u066b';
const ARABIC_GROUP = '\u066c';

const isSpace = (s: string) => SPACE.test(s);

/**
 * Digit groups as the locale writes them (3 then 2 in en-IN) or by threes: the last group full, the first one
 * non-empty and not starting with 0, since no one writes "0,500" for five hundred.
 */
function validGrouping(groups: string[], [primary, secondary]: readonly [number, number]): boolean {
  const fits = (last: number, other: number) =>
    groups.length > 1 &&
    groups.at(-1)?.length === last &&
    groups.slice(1, -1).every((g) => g.length === other) &&
    /^[1-9]\d*$/.test(groups[0] ?? '') &&
    (groups[0]?.length ?? 0) <= other;
  return fits(primary, secondary) || fits(3, 3);
}

type Parsed =
  | { ok: true; whole: string; fraction: string; grouped: boolean }
  | { ok: false; problem: 'empty' | 'decimals' | 'grouping' | 'foreign' };

/** `body` (ASCII digits and marks, no sign) read with one decimal mark and one group mark. */
function parseDigits(body: string, decimal: string, group: string, sizes: readonly [number, number]): Parsed {
  const parts = body.split(decimal);
  if (parts.length > 2) return { ok: false, problem: 'decimals' };
  const [whole = '', fraction = ''] = parts;
  if (/\D/.test(fraction)) return { ok: false, problem: fraction.includes(group) ? 'grouping' : 'foreign' };
  const groups = whole.split(group);
  if (groups.some((g) => /\D/.test(g))) return { ok: false, problem: 'foreign' };
  if (groups.length > 1 && !validGrouping(groups, sizes)) return { ok: false, problem: 'grouping' };
  const digits = groups.join('');
  if (digits === '' && fraction === '') return { ok: false, problem: 'empty' };
  return { ok: true, whole: digits, fraction, grouped: groups.length > 1 };
}

/** What a field tells readAmountText about itself, so that every refusal suggests what the field accepts. */
export interface AmountTextOptions {
  /** An amount the field accepts, as a plain decimal ("12.5"): the example a refusal gives. */
  example: string;
  /** One the field accepts that shows digit grouping ("1000.5"); without one, refusals suggest no grouping. */
  groupedExample?: string | undefined;
  /** What "Enter a …" calls the field's value: "number" unless said. */
  noun?: string;
  /** Whether the field accepts an amount (a plain decimal): a rewrite it would refuse is not suggested. */
  accepts?: (decimal: string) => boolean;
  /** How a suggested rewrite is written; by default as writeAmountText does in the locale. */
  write?: (decimal: string, grouping: boolean) => string;
}

const AMOUNT_OPTIONS: AmountTextOptions = { example: '12.5', groupedExample: '1000.5' };

/** A mark named in a sentence: "a point", "a comma", or the character itself in quotes. */
function markName(mark: string): string {
  return mark === '.' ? 'a point' : mark === ',' ? 'a comma' : `“${mark}”`;
}

function marksName(mark: string): string {
  if (mark === '.') return 'points';
  if (mark === ',') return 'commas';
  if (isSpace(mark)) return 'spaces';
  if (APOSTROPHE.test(mark)) return 'apostrophes';
  return `“${mark}”`;
}

/**
 * Reads what a user typed or pasted as an amount, by `locale`'s conventions. Digits of any script are read
 * as 0–9; currency signs are dropped, and so is whitespace around the number; the locale's group separator is
 * accepted only where it groups digits as the locale does (a space too, where the locale groups with one);
 * anything that could mean two different amounts is refused. Every refusal's suggested rewrite is one this
 * reader accepts in the same locale (and the field accepts, through `options.accepts`).
 */
export function readAmountText(
  input: string,
  locale: string,
  options: AmountTextOptions = AMOUNT_OPTIONS,
): AmountText {
  const conventions = numberConventions(locale);
  const { decimal, group } = conventions;
  const groupIsSpace = isSpace(group);
  const groupIsApostrophe = APOSTROPHE.test(group);
  // Where the separators are not ASCII (Arabic), a Latin keyboard's "." and "," stand in for them.
  const latinStandIns = decimal !== '.' && decimal !== ',' && group !== '.' && group !== ',';
  const write =
    options.write ?? ((amount: string, grouping: boolean) => writeAmountText(amount, locale, grouping));
  const refuse = (message: string): AmountText => ({ ok: false, message });
  const example = write(options.example, false);
  const groupedExample =
    options.groupedExample === undefined ? undefined : write(options.groupedExample, true);
  const notNumber = () => refuse(`Enter a ${options.noun ?? 'number'}, like ${example}.`);

  let text = '';
  for (const char of input.replace(CURRENCY, '').trim()) {
    const digit = asciiDigit(char);
    if (digit !== undefined) text += digit;
    else if (char === ARABIC_DECIMAL || (latinStandIns && char === '.')) text += decimal;
    else if (char === ARABIC_GROUP || (latinStandIns && char === ',')) text += group;
    else if (isSpace(char)) text += groupIsSpace ? group : ' ';
    else if (APOSTROPHE.test(char) && groupIsApostrophe) text += group;
    else if (char === '−') text += '-';
    else text += char;
  }
  if (text === '') return { ok: true, decimal: '' };
  const sign = text.startsWith('-') ? '-' : '';
  const body = /^[-+]/.test(text) ? text.slice(1).trimStart() : text;
  const allowed = (c: string) => /\d/.test(c) || c === decimal || c === group || c === '.' || c === ',';
  if (!/\d/.test(body) || [...body].some((c) => !allowed(c) && c !== ' ')) return notNumber();
  if (!groupIsSpace && body.includes(' '))
    return refuse(`Type the number without spaces, like ${groupedExample ?? example}.`);

  const amountOf = (parsed: { whole: string; fraction: string }) =>
    `${sign}${parsed.whole || '0'}${parsed.fraction ? `.${parsed.fraction}` : ''}`;
  const own = parseDigits(body, decimal, group, conventions.groupSizes);
  if (own.ok) return { ok: true, decimal: amountOf(own) };

  // The other common convention, "." and "," the other way round: "1,5" typed in English, "1.5" in German.
  const foreign = decimal === '.' ? ',' : decimal === ',' ? '.' : undefined;
  const point = markName(decimal);
  const groupsBy = `${point} for decimals and ${marksName(group)} between thousands`;
  if (foreign !== undefined) {
    const mirror = parseDigits(body, foreign, decimal, [3, 3]);
    // A lone foreign mark before three digits is a thousands group as often as a decimal: no guess either way.
    const eitherWay = group !== foreign && /^\d{1,3}[.,]\d{3}$/.test(body);
    if (mirror.ok && !eitherWay) {
      const amount = amountOf(mirror);
      if (options.accepts?.(amount) === false) return notNumber();
      const rewrite = write(amount, mirror.grouped);
      return refuse(
        mirror.grouped ? `Use ${groupsBy}: ${rewrite}.` : `Use ${point} for decimals: ${rewrite}.`,
      );
    }
  }
  if (own.problem === 'grouping')
    return refuse(
      groupedExample
        ? `Check the digit grouping, like ${groupedExample}.`
        : `Check the digit grouping, or type the number without it, like ${example}.`,
    );
  if (own.problem === 'foreign')
    return refuse(
      groupedExample
        ? `Use ${groupsBy}, like ${groupedExample}.`
        : `Use ${point} for decimals, like ${example}.`,
    );
  return notNumber();
}

const integerFormats = new Map<string, Intl.NumberFormat>();

/**
 * A plain decimal string ("-1234.5") written as `locale` writes numbers: its digits, its decimal separator and,
 * with `grouping`, its digit groups ("1.234,5" in de-DE). Exact at any length; readAmountText reads it back.
 */
export function writeAmountText(decimalString: string, locale: string, grouping = false): string {
  const sign = decimalString.startsWith('-') ? '-' : '';
  const [whole = '', fraction = ''] = decimalString.slice(sign.length).split('.');
  const { decimal, digits, numberingSystem } = numberConventions(locale);
  const key = `${locale}:${grouping}`;
  let format = integerFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { useGrouping: grouping, numberingSystem });
    integerFormats.set(key, format);
  }
  const fractionText = fraction.replace(/\d/g, (d) => digits[Number(d)] ?? d);
  return `${sign}${format.format(BigInt(whole || '0'))}${fraction ? `${decimal}${fractionText}` : ''}`;
}

/** A plain decimal string ("1000.5") written for an input in `locale`: its decimal separator, no grouping. */
export function amountForInput(decimalString: string, locale: string): string {
  return writeAmountText(decimalString, locale, false);
}

/** The browser's locale, the one people type numbers in; en-US where there is none (a test, a worker). */
export function userLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
}
