/**
 * The conventions a locale writes numbers with (its separators, digit groups and digits), and plain decimal
 * amounts written by them, exactly and in figures that amountText.ts reads back.
 */

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

/** A digit of any of those scripts as its ASCII 0–9; undefined for anything else. */
export function asciiDigit(char: string): string | undefined {
  const code = char.codePointAt(0) ?? 0;
  const zero = DIGIT_ZEROS.find((z) => code >= z && code <= z + 9);
  return zero === undefined ? undefined : String(code - zero);
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
