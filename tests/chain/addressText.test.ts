/**
 * One rule for an address read from text (src/chain/config/addressText.ts), shared by the Add pool form and the
 * `#/pool?address=`, `#/trade?pool=` and `#/pools?add=` links: mixed case must be its EIP-55 checksum; all
 * lowercase or all uppercase hex carries none and is accepted. Pure: no node is started.
 */
import { getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import {
  isAddressEqual,
  linkedPoolAddressRefusal,
  parseAddressText,
  toAddress,
} from '../../src/chain/config/addressText.ts';

const LOWER = '0x8ba1f109551bd432803012645ac136ddd64dba72';
const CHECKSUMMED = getAddress(LOWER);

/** The checksummed address with the case of its first letter flipped: one character altered. */
function wrongChecksum(address: string): string {
  const at = [...address].findIndex((c, i) => i > 1 && /[a-fA-F]/.test(c));
  const c = address[at]!;
  const flipped = c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase();
  return address.slice(0, at) + flipped + address.slice(at + 1);
}

describe('parseAddressText', () => {
  it('accepts a checksummed address, and lowercase or uppercase hex, returning the checksummed form', () => {
    expect(CHECKSUMMED).not.toBe(LOWER);
    expect(parseAddressText(CHECKSUMMED)).toEqual({ ok: true, address: CHECKSUMMED });
    expect(parseAddressText(LOWER)).toEqual({ ok: true, address: CHECKSUMMED });
    expect(parseAddressText(`0x${LOWER.slice(2).toUpperCase()}`)).toEqual({ ok: true, address: CHECKSUMMED });
  });

  it('refuses mixed case that is not the checksum', () => {
    const altered = wrongChecksum(CHECKSUMMED);
    expect(altered.toLowerCase()).toBe(LOWER);
    expect(altered).not.toBe(CHECKSUMMED);
    expect(parseAddressText(altered)).toEqual({ ok: false, problem: 'checksum' });
  });

  it('refuses what is not 0x and 40 hexadecimal characters', () => {
    for (const text of ['', '0x1234', LOWER.slice(2), `${LOWER}00`, `0x${'g'.repeat(40)}`, ` ${LOWER}`])
      expect(parseAddressText(text)).toEqual({ ok: false, problem: 'format' });
  });

  it('says in one sentence why a link’s pool address is not opened', () => {
    expect(linkedPoolAddressRefusal('0x1234', 'format')).toBe('“0x1234” is not a pool address.');
    const altered = wrongChecksum(CHECKSUMMED);
    expect(linkedPoolAddressRefusal(altered, 'checksum')).toBe(
      `The pool address in this link, ${altered}, fails its checksum: a character was changed or mistyped, so it may not be the pool you were sent, and it is not opened.`,
    );
  });
});

describe('toAddress', () => {
  it('gives the checksummed address of lowercase, uppercase or checksummed text, blanks around it ignored', () => {
    expect(toAddress(LOWER)).toBe(CHECKSUMMED);
    expect(toAddress(`0x${LOWER.slice(2).toUpperCase()}`)).toBe(CHECKSUMMED);
    expect(toAddress(CHECKSUMMED)).toBe(CHECKSUMMED);
    expect(toAddress(`  ${LOWER}\n`)).toBe(CHECKSUMMED);
  });

  it('gives nothing for text that is not an address or whose mixed case is not its checksum', () => {
    for (const text of ['', '   ', '0x1234', LOWER.slice(2), `${LOWER}00`, wrongChecksum(CHECKSUMMED)])
      expect(toAddress(text)).toBeUndefined();
  });

  it('compares addresses whatever their case', () => {
    expect(isAddressEqual(LOWER, CHECKSUMMED)).toBe(true);
    expect(isAddressEqual(LOWER, `0x${'1'.repeat(40)}`)).toBe(false);
  });
});
