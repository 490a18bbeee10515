/**
 * Thrown wherever the contracts revert, so callers can tell "the chain would reject this" apart from a
 * programming error. The kind matters to the keeper (docs/protocol.md §1.6): PoolKeeper catches only
 * `Error(string)` reverts of `poolUpkeep`; a panic or a bare `require` (the quad library's guards carry no
 * message) reverts the whole keeper call.
 */
export type RevertKind = 'error' | 'panic' | 'bare';

export class ContractRevert extends Error {
  override readonly name = 'ContractRevert';
  constructor(
    readonly reason: string,
    readonly kind: RevertKind = 'error',
  ) {
    super(reason);
  }
}

/** Solidity 0.8 checked subtraction: an underflow is a Panic(0x11) revert. */
export function checkedSub(a: bigint, b: bigint): bigint {
  if (b > a) throw new ContractRevert('panic: arithmetic underflow', 'panic');
  return a - b;
}
