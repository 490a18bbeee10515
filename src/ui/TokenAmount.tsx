/**
 * A token amount as people read it (six significant digits, rounded: format.ts `formatTokenAmount`), with
 * the exact amount on hover, and copied whole when the amount itself is what the user copies.
 */
import type { ClipboardEvent } from 'react';
import { formatUnits } from 'viem';
import { formatTokenAmount } from './format.ts';

export function TokenAmount({ value, decimals, unit }: { value: bigint; decimals: number; unit?: string }) {
  const suffix = unit ? ` ${unit}` : '';
  const shown = `${formatTokenAmount(value, decimals)}${suffix}`;
  const exact = `${formatUnits(value, decimals)}${suffix}`;
  const onCopy = (event: ClipboardEvent<HTMLSpanElement>) => {
    const selected = window.getSelection()?.toString().trim();
    if (selected !== shown) return;
    event.clipboardData.setData('text/plain', exact);
    event.preventDefault();
  };
  return (
    <span title={exact} onCopy={onCopy}>
      {shown}
    </span>
  );
}
