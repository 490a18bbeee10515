/**
 * What a numeric field's rule says (its names, default, bounds) and how a value typed into it is read and
 * checked, each refusal one sentence. The simulator's rules themselves are in fieldRules.ts.
 */
import { readAmountText } from '../../ui/amountText.ts';

export interface NumberRule {
  /** Name in the link. */
  param: string;
  label: string;
  /** What the messages call it: "Enter the {name}." */
  name: string;
  /** Default as text (what an empty link means). */
  fallback: string;
  /** Example shown when the text is not a number. */
  example: string;
  integer?: boolean;
  optional?: boolean;
  nonNegative?: boolean;
  /** Range checks in order; the first that fails gives the message. */
  checks: Array<[(value: number) => boolean, string]>;
}

export type NumberCheck = { ok: true; value: number | undefined } | { ok: false; message: string };

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** Links cross locales, so the simulator reads numbers as en-US writes them, as its examples and messages do. */
const LINK_LOCALE = 'en-US';

/** One field's text → its value or one sentence. "1,5" is refused, never read as 15 (ui/amountText.ts). */
export function checkRule(rule: NumberRule, text: string): NumberCheck {
  const read = readAmountText(text, LINK_LOCALE, {
    example: rule.example,
    // Only a field whose example reaches a thousand shows grouping: "like 1,000.5" would be refused elsewhere.
    groupedExample: Number(rule.example) >= 1000 ? rule.example : undefined,
    accepts: (decimal) => valueProblem(rule, decimal) === undefined,
  });
  if (!read.ok) return read;
  if (read.decimal === '') {
    return rule.optional ? { ok: true, value: undefined } : { ok: false, message: `Enter the ${rule.name}.` };
  }
  const problem = valueProblem(rule, read.decimal);
  return problem === undefined ? { ok: true, value: Number(read.decimal) } : { ok: false, message: problem };
}

/** Why a field refuses an amount read from its text (a plain decimal, "-12.5"), or undefined if it takes it. */
function valueProblem(rule: NumberRule, decimal: string): string | undefined {
  const value = Number(decimal);
  if (!NUMERIC.test(decimal) || Number.isNaN(value)) return `Enter a number, like ${rule.example}.`;
  if (rule.nonNegative && value < 0) return `The ${rule.name} cannot be negative.`;
  if (!Number.isFinite(value)) {
    // Hundreds of digits overflow a double: it is still a number, and the bound it breaks says so.
    const broken = rule.checks.find(([passes]) => !passes(value));
    return broken?.[1] ?? `The ${rule.name} is too large for this simulator.`;
  }
  if (value === 0 && /[1-9]/.test(decimal))
    return `The ${rule.name} is too small for this simulator to tell from 0.`;
  if (rule.integer && !Number.isInteger(value)) return `The ${rule.name} must be a whole number.`;
  return rule.checks.find(([passes]) => !passes(value))?.[1];
}
