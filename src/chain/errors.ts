/** Turns whatever a wallet, node or contract threw into one sentence a user can act on. */
import {
  BaseError,
  ContractFunctionRevertedError,
  InsufficientFundsError,
  UserRejectedRequestError,
} from 'viem';

export type TxErrorKind = 'rejected' | 'insufficient-funds' | 'reverted' | 'unknown';

export interface DescribedError {
  kind: TxErrorKind;
  message: string;
}

export function describeError(error: unknown): DescribedError {
  if (error instanceof BaseError) {
    const rejected = error.walk((e) => e instanceof UserRejectedRequestError);
    if (rejected)
      return { kind: 'rejected', message: 'You rejected the request in your wallet. Nothing was sent.' };
    const funds = error.walk((e) => e instanceof InsufficientFundsError);
    if (funds)
      return { kind: 'insufficient-funds', message: 'Not enough ETH to pay for gas. Nothing was sent.' };
    const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
    if (reverted instanceof ContractFunctionRevertedError) {
      const reason = reverted.reason ?? reverted.data?.errorName ?? reverted.shortMessage;
      return { kind: 'reverted', message: `The contract refused: ${reason}` };
    }
    return { kind: 'unknown', message: error.shortMessage };
  }
  if (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 4001
  ) {
    return { kind: 'rejected', message: 'You rejected the request in your wallet. Nothing was sent.' };
  }
  return { kind: 'unknown', message: error instanceof Error ? error.message.split('\n')[0]! : String(error) };
}
