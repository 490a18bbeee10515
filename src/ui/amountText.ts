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
}

const conventionsCache = new Map<string, NumberConventions>();

/** The separators a locale writes numbers with, as `Intl.NumberFormat` knows them. */
export function numberConventions(locale: string): NumberConventions {
  const cached = conventionsCache.get(locale);
  if (cached) return cached;
  const parts = new Intl.NumberFormat(locale, { useGrouping: true }).formatToParts(12345.6);
  const conventions = {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
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
const SPACES = /[\s\u00a0\u2007\u202f\u2009]/gu;
/** Currency signs a pasted amount may carry: "$1,000", "1.000 €". */
const CURRENCY = /\p{Sc}/gu;
/** Separators as the Arabic script writes them. */
const ARABIC_DECIMAL = '\u066b';
const ARABIC_GROUP = '\u066c';

const isSpace = (s: string) => s.replace(SPACES, '') === '';

/** Digit groups after the first are three digits long, the first one to three. */
function validGrouping(groups: string[]): boolean {
  return (
    groups.length > 1 && /^\d{1,3}$/.test(groups[0] ?? '') && groups.slice(1).every((g) => /^\d{3}$/.test(g))
  );
}

/**
 * Reads what a user typed or pasted as an amount, by `locale`'s conventions. Digits of any script are read
 * as 0–9; spaces and currency signs are dropped; the locale's group separator is accepted only where it
 * groups digits by three; anything that could mean two different amounts is refused.
 */
export function readAmountText(input: string, locale: string): AmountText {
  const { decimal, group } = numberConventions(locale);
  const groupIsSpace = isSpace(group);
  let text = '';
  for (const char of input.replace(CURRENCY, '').trim()) {
    const digit = asciiDigit(char);
    if (digit !== undefined) text += digit;
    else if (char === ARABIC_DECIMAL) text += decimal;
    else if (char === ARABIC_GROUP) text += group;
    else if (isSpace(char)) text += groupIsSpace ? ' ' : '';
    else text += char;
  }
  text = text.trim();
  if (text === '') return { ok: true, decimal: '' };
  const sign = text.startsWith('-') || text.startsWith('−') ? '-' : '';
  const body = sign ? text.slice(1) : text;
  const point = decimal === '.' ? 'a point' : decimal === ',' ? 'a comma' : `“${decimal}”`;
  const example = `1${decimal}5`;

  const decimalParts = body.split(decimal);
  if (decimalParts.length > 2) return { ok: false, message: `Enter a number, like 12${decimal}5.` };
  const [whole = '', fraction = ''] = decimalParts;
  if (fraction.includes(group) || (groupIsSpace && fraction.includes(' ')))
    return { ok: false, message: `Enter a number, like 12${decimal}5.` };

  // The other common separator, typed where this locale does not use it: "1.5" in German, "1,5" in English.
  const foreign = decimal === ',' ? '.' : decimal === '.' ? ',' : undefined;
  const groupMark = groupIsSpace ? ' ' : group;
  let digits = whole;
  if (whole.includes(groupMark)) {
    const groups = whole.split(groupMark);
    if (!validGrouping(groups)) {
      // A lone group separator not followed by three digits is most likely a decimal typed the other way.
      return groups.length === 2 && foreign === groupMark
        ? { ok: false, message: `Use ${point} for decimals: ${groups[0]}${decimal}${groups[1]}.` }
        : { ok: false, message: `Check the digit grouping, like 1${groupMark}000${decimal}5.` };
    }
    digits = groups.join('');
  }
  if (foreign !== undefined && digits.includes(foreign)) {
    return { ok: false, message: `Use ${point} for decimals, like ${example}.` };
  }
  return {
    ok: true,
    decimal: `${sign}${digits}${fraction === '' && decimalParts.length === 1 ? '' : `.${fraction}`}`,
  };
}

/** A plain decimal string ("1000.5") written for an input in `locale`: its decimal separator, no grouping. */
export function amountForInput(decimalString: string, locale: string): string {
  return decimalString.replace('.', numberConventions(locale).decimal);
}

/** The browser's locale, the one people type numbers in; en-US where there is none (a test, a worker). */
export function userLocale(): string {
  return (typeof navigator !== 'undefined' && navigator.language) || 'en-US';
}
