/**
 * A token amount as people read it (six significant digits, rounded: format.ts `formatTokenAmount`), with
 * the exact amount on hover, and copied whole when the amount itself is what the user copies.
 *
 * Below a millionth of a token, six significant digits come after as many as seventeen zeros: a single wei of
 * gOHM reads "0.000000000000000001", wider than a phone's table column. Such an amount is shown as
 * "<0.000001" instead, and is a button: a tap (or a click) shows the exact amount in its place, wrapping
 * where the column needs it, and a second tap hides it again.
 */
import { type ClipboardEvent, useState } from 'react';
import { formatUnits } from 'viem';
import { formatTokenAmount } from './format.ts';

/** Fraction digits an amount is shown with before it counts as dust. */
const DUST_DIGITS = 6;

/** "<0.000001" for a positive amount under a millionth of a token, ">-0.000001" for a negative one. */
export function dustText(value: bigint, decimals: number): string | undefined {
  if (value === 0n || decimals <= DUST_DIGITS) return undefined;
  const magnitude = value < 0n ? -value : value;
  if (magnitude >= 10n ** BigInt(decimals - DUST_DIGITS)) return undefined;
  const least = `0.${'0'.repeat(DUST_DIGITS - 1)}1`;
  return value < 0n ? `>-${least}` : `<${least}`;
}

export function TokenAmount({ value, decimals, unit }: { value: bigint; decimals: number; unit?: string }) {
  const [exactShown, setExactShown] = useState(false);
  const suffix = unit ? ` ${unit}` : '';
  const exact = `${formatUnits(value, decimals)}${suffix}`;
  const dust = dustText(value, decimals);
  const shown =
    dust === undefined
      ? `${formatTokenAmount(value, decimals)}${suffix}`
      : exactShown
        ? exact
        : `${dust}${suffix}`;
  const onCopy = (event: ClipboardEvent<HTMLElement>) => {
    const selected = window.getSelection()?.toString().trim();
    if (selected !== shown) return;
    event.clipboardData.setData('text/plain', exact);
    event.preventDefault();
  };
  if (dust === undefined)
    return (
      <span title={exact} onCopy={onCopy}>
        {shown}
      </span>
    );
  return (
    <button
      type="button"
      title={exact}
      aria-expanded={exactShown}
      onClick={() => setExactShown((open) => !open)}
      onCopy={onCopy}
      // On a touch screen a fingertip's size, as every button (src/styles.css).
      className="inline-block max-w-full text-left underline decoration-dotted underline-offset-2 hover:text-ink-50"
    >
      {/* The short form keeps its figure on one line; the exact one breaks anywhere rather than widen the page. */}
      {exactShown ? (
        <span className="[overflow-wrap:anywhere]">{shown}</span>
      ) : (
        <>
          <span className="whitespace-nowrap">{dust}</span>
          {suffix}
        </>
      )}
    </button>
  );
}
