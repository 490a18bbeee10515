/** Reading and writing JSON-RPC messages as they come over the wire, for the provider-like proxy. */

export const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A hex quantity as a number; undefined for anything else (a tag, a hash object, garbage). */
export const hexNumber = (v: unknown): number | undefined =>
  typeof v === 'string' && /^0x[0-9a-f]+$/i.test(v) ? Number.parseInt(v, 16) : undefined;

/** A call's or a reply's id, as a key that matches a reply to its call. */
export const idKey = (message: unknown): string =>
  JSON.stringify(isObject(message) ? (message.id ?? null) : null);

export function rpcError(id: unknown, code: number, message: string) {
  return { jsonrpc: '2.0', id: id ?? null, error: { code, message } };
}
