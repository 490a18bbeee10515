/**
 * The launch form's fee fields (docs/treasury.md §3): percentages typed in the user's locale become WAD
 * `bigint`s (1% = 1e16) straight from their decimal digits, never through a float, and text another locale
 * would read as another amount is refused, since the settings travel in a link.
 */
import { decimalToUnits } from '../../engine/decimalUnits.ts';
import { readAmountText } from '../../ui/amountText.ts';
import { numberConventions, writeAmountText } from '../../ui/numberConventions.ts';
import { type Field, fail, WAD } from './launchFields.ts';

/** The committer's bounds at deployment: minting fee and change interval ≤ 100%, burning fee ≤ 10%. */
export const MAX_MINTING_FEE = WAD;
export const MAX_BURNING_FEE = WAD / 10n;
export const MAX_CHANGE_INTERVAL = WAD;

/** Digits after the point a percentage can carry: 1e-16 % is one wei of a WAD rate. */
const PERCENT_DECIMALS = 16;

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
