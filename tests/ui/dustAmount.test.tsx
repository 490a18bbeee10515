/**
 * Amounts under a millionth of a token (src/ui/TokenAmount.tsx): six significant digits of one wei of gOHM
 * are "0.000000000000000001", wider than a phone's column. They read "<0.000001" and the exact amount is one
 * tap away, in place; larger amounts are shown as before.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { dustText, TokenAmount } from '../../src/ui/TokenAmount.tsx';

describe('a dust amount', () => {
  it('one wei of gOHM reads "<0.000001 gOHM", and a tap shows the exact amount and a second hides it', async () => {
    const user = userEvent.setup();
    render(
      <p>
        Sent <TokenAmount value={1n} decimals={18} unit="gOHM" />
      </p>,
    );
    expect(screen.queryByText(/0\.000000000000000001/)).toBeNull();
    const amount = screen.getByRole('button', { name: '<0.000001 gOHM' });
    expect(amount).toHaveAttribute('title', '0.000000000000000001 gOHM');
    expect(amount).toHaveAttribute('aria-expanded', 'false');

    await user.click(amount);
    expect(amount).toHaveTextContent(/^0\.000000000000000001 gOHM$/);
    expect(amount).toHaveAttribute('aria-expanded', 'true');

    await user.click(amount);
    expect(amount).toHaveTextContent(/^<0\.000001 gOHM$/);
  });

  it('a negative one reads ">-0.000001"', () => {
    render(<TokenAmount value={-5n} decimals={9} />);
    expect(screen.getByRole('button', { name: '>-0.000001' })).toHaveAttribute('title', '-0.000000005');
  });

  it('from a millionth up, and for tokens of six decimals or fewer, the amount is shown as it was', () => {
    expect(dustText(parseUnits('0.000001', 18), 18)).toBeUndefined();
    expect(dustText(parseUnits('0.000001', 18) - 1n, 18)).toBe('<0.000001');
    expect(dustText(1n, 6)).toBeUndefined();
    expect(dustText(0n, 18)).toBeUndefined();
    render(<TokenAmount value={parseUnits('0.00000123456789', 18)} decimals={18} unit="gOHM" />);
    expect(screen.getByText('0.00000123457 gOHM')).toHaveAttribute('title', '0.00000123456789 gOHM');
    expect(screen.queryByRole('button')).toBeNull();
  });
});
