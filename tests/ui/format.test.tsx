/** Amounts and prices as shown: rounded, never cut, to the digits that matter, with the exact amount kept. */
import { fireEvent, render, screen } from '@testing-library/react';
import fc from 'fast-check';
import { formatUnits, parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { MAX_COMMIT_AMOUNT } from '../../src/engine/commits.ts';
import { checkAmount } from '../../src/features/trade/validateAmount.ts';
import { readAmountText } from '../../src/ui/amountText.ts';
import { formatAmount, formatTokenAmount, formatUsd } from '../../src/ui/format.ts';
import { amountForInput } from '../../src/ui/numberConventions.ts';
import { TokenAmount } from '../../src/ui/TokenAmount.tsx';

const gohm = (text: string) => parseUnits(text, 18);

describe('formatTokenAmount', () => {
  it('rounds to six significant digits instead of cutting', () => {
    expect(formatTokenAmount(gohm('41.999998'), 18)).toBe('42');
    expect(formatTokenAmount(gohm('41.99949'), 18)).toBe('41.9995');
    expect(formatTokenAmount(gohm('1234.56789'), 18)).toBe('1,234.57');
    expect(formatTokenAmount(gohm('0.000123456789'), 18)).toBe('0.000123457');
  });

  it('never drops whole units, and keeps the sign', () => {
    expect(formatTokenAmount(gohm('12345678.9'), 18)).toBe('12,345,679');
    expect(formatTokenAmount(-gohm('1.0000005'), 18)).toBe('-1');
    expect(formatTokenAmount(0n, 18)).toBe('0');
  });
});

describe('formatTokenAmount in the notation an input reads', () => {
  const ohm = (text: string) => parseUnits(text, 9);

  it('writes the locale’s separators, and en-US when none is given', () => {
    const wallet = ohm('128009.010092818');
    expect(formatTokenAmount(wallet, 9)).toBe('128,009');
    expect(formatTokenAmount(wallet, 9, 'de-DE')).toBe('128.009');
    expect(formatTokenAmount(wallet, 9, 'fr-FR')).toBe('128\u202f009');
    expect(formatTokenAmount(ohm('1234.56789'), 9, 'de-DE')).toBe('1.234,57');
    expect(formatTokenAmount(ohm('0.000123456789'), 9, 'fr-FR')).toBe('0,000123457');
  });

  const LOCALES = ['de-DE', 'en-US', 'fr-FR', 'de-CH', 'en-IN', 'ar-EG'] as const;
  const amounts = fc.record({
    decimals: fc.integer({ min: 0, max: 18 }),
    value: fc.bigInt({ min: 1n, max: MAX_COMMIT_AMOUNT }),
    locale: fc.constantFrom(...LOCALES),
  });

  it('what Max fills reads back, in the same locale, as exactly the amount held', () => {
    fc.assert(
      fc.property(amounts, ({ decimals, value, locale }) => {
        const filled = amountForInput(formatUnits(value, decimals), locale);
        const context = { decimals, available: value, unit: 'OHM', sourceLabel: 'wallet', locale };
        expect(checkAmount(filled, context)).toEqual({ ok: true, amount: value });
      }),
      { numRuns: 2000 },
    );
  });

  it('the balance shown beside the field reads back, in the same locale, as the amount it rounds to', () => {
    fc.assert(
      fc.property(amounts, ({ decimals, value, locale }) => {
        // The rounded amount, as the en-US tables show it and an en-US reader reads it.
        const rounded = readAmountText(formatTokenAmount(value, decimals), 'en-US');
        const shown = readAmountText(formatTokenAmount(value, decimals, locale), locale);
        if (!rounded.ok || !shown.ok) throw new Error(`unreadable: ${JSON.stringify([rounded, shown])}`);
        expect(parseUnits(shown.decimal, decimals)).toBe(parseUnits(rounded.decimal, decimals));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('formatAmount', () => {
  it('rounds half away from zero at the digits asked for', () => {
    expect(formatAmount(1_234_567_890_000n, 9)).toBe('1,234.5679');
    expect(formatAmount(gohm('0.99995'), 18, 4)).toBe('1');
    expect(formatAmount(gohm('0.0000001234'), 18, 4)).toBe('0.000000123');
  });
});

describe('formatUsd', () => {
  it('shows dollars to the cent, and small prices to four significant digits', () => {
    expect(formatUsd(95_287.5)).toBe('$95,287.50');
    expect(formatUsd(6_000_000)).toBe('$6,000,000.00');
    expect(formatUsd(0.012345)).toBe('$0.01235');
    expect(formatUsd(-3.5)).toBe('−$3.50');
  });
});

describe('TokenAmount', () => {
  it('shows the rounded amount, the exact one on hover, and copies the exact one', () => {
    render(<TokenAmount value={gohm('41.999998')} decimals={18} unit="gOHM" />);
    const shown = screen.getByText('42 gOHM');
    expect(shown).toHaveAttribute('title', '41.999998 gOHM');
    const range = document.createRange();
    range.selectNodeContents(shown);
    window.getSelection()?.removeAllRanges();
    window.getSelection()?.addRange(range);
    const data = new Map<string, string>();
    fireEvent.copy(shown, {
      clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
    });
    expect(data.get('text/plain')).toBe('41.999998 gOHM');
  });
});
