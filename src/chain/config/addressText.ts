/**
 * An address read from text, typed into a form or carried by a link (`#/pool?address=`, `#/trade?pool=`,
 * `#/pools?add=`), by one rule everywhere. Mixed case is an EIP-55 checksum: a wrong one means a character was
 * mistyped or altered on the way, so the text may name another contract than the one meant (a look-alike pool,
 * docs/protocol.md §8) and is refused rather than read. All-lowercase or all-uppercase hex carries no checksum
 * and is accepted as it is. Pure: no network, no browser.
 */
import { type Address, getAddress, isAddress, isAddressEqual } from 'viem';

/**
 * Addresses are checksummed where they enter the app (links, forms, the pool registry, the deployment), and
 * compared with this rather than by lower-casing, which works whatever case either side arrived in.
 */
export { isAddressEqual };

export type AddressText =
  /** `address` is checksummed, whatever the case of the text. */
  { ok: true; address: Address } | { ok: false; problem: 'format' | 'checksum' };

export function parseAddressText(text: string): AddressText {
  if (!isAddress(text, { strict: false })) return { ok: false, problem: 'format' };
  const hex = text.slice(2);
  // viem's strict check also refuses all-uppercase hex, which EIP-55 leaves without a checksum.
  const mixedCase = hex !== hex.toLowerCase() && hex !== hex.toUpperCase();
  if (mixedCase && !isAddress(text, { strict: true })) return { ok: false, problem: 'checksum' };
  return { ok: true, address: getAddress(text) };
}

/**
 * The checksummed address a text names, by the rule above (surrounding blanks ignored); undefined when it
 * names none or its mixed case is not its checksum.
 */
export function toAddress(text: string): Address | undefined {
  const read = parseAddressText(text.trim());
  return read.ok ? read.address : undefined;
}

/** The one sentence for a pool address a link carries that cannot be read. */
export function linkedPoolAddressRefusal(text: string, problem: 'format' | 'checksum'): string {
  return problem === 'format'
    ? `“${text}” is not a pool address.`
    : `The pool address in this link, ${text}, fails its checksum: a character was changed or mistyped, so it may not be the pool you were sent, and it is not opened.`;
}
