/**
 * The one walk down an error's causes. viem nests what an endpoint answered a few causes deep (a contract
 * error around a call error around an RPC error around the HTTP answer), and the app's own errors wrap theirs
 * the same way, so every reader of an error walks it here: outermost first, through any object's `cause`, at
 * most 16 deep and never twice through the same node (an error can be made its own cause).
 */

const MAX_DEPTH = 16;

/** The error and its causes, outermost first; empty for anything that is not an object. */
export function causeChain(error: unknown): object[] {
  const chain: object[] = [];
  for (let node = error; typeof node === 'object' && node !== null; node = fieldOf(node, 'cause')) {
    if (chain.includes(node) || chain.length >= MAX_DEPTH) break;
    chain.push(node);
  }
  return chain;
}

/** The outermost error in the chain that passes `test`. */
export function findCause<T extends object>(error: unknown, test: (node: object) => node is T): T | undefined;
export function findCause(error: unknown, test: (node: object) => boolean): object | undefined;
export function findCause(error: unknown, test: (node: object) => boolean): object | undefined {
  return causeChain(error).find(test);
}

/** The outermost error in the chain made by `type` (or a subclass of it). */
export function findInstance<T>(error: unknown, type: abstract new (...args: never[]) => T): T | undefined {
  return causeChain(error).find((node): node is T & object => node instanceof type);
}

/** A field of an error read without trusting its shape: whoever threw it chose what it carries. */
export function fieldOf(node: object, key: string): unknown {
  try {
    return (node as Record<string, unknown>)[key];
  } catch {
    // A getter that throws (or a revoked proxy) carries nothing readable.
    return undefined;
  }
}

/** Whether an error in the chain carries the numeric `code`. */
export const hasCode = (error: unknown, code: number): boolean =>
  causeChain(error).some((node) => fieldOf(node, 'code') === code);
