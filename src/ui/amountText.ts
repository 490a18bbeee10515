/**
 * Amounts as people type them, read by the conventions of their locale: "1.000,5" is a thousand and a half
 * in Germany, "1,000.5" in the United States, and "١٫٥" is one and a half in Arabic. What can be read two
 * ways is refused with one sentence rather than guessed: "1,5" in an English locale could be one and a half
 * or a mistyped fifteen, and a wrong guess there is ten times the money.
 *
 * The result is a plain decimal string ("1000.5"), which the caller turns into an exact integer of its
 * token's units; no float is involved anywhere. Writing amounts the locale's way is numberConventions.ts.
 */

import { asciiDigit, numberConventions, writeAmountText } from './numberConventions.ts';

export type AmountText = { ok: true; decimal: string } | { ok: false; message: string };

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
