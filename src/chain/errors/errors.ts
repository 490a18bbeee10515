/**
 * Turns whatever a wallet, node or contract threw into one sentence a user can act on, in the app's own words
 * (docs/architecture.md, "Transactions"). What an endpoint or wallet said is never passed on as the app's
 * sentence: it may be an HTML error page, a parser's message, or words chosen by whoever runs the endpoint.
 * A contract's revert reason is the one outside text shown, quoted and cut short, because it names the rule
 * the contract applied.
 *
 * A write's failure is told by when it happened: before the wallet was asked (`prepare`: nothing was sent),
 * or while the wallet signed and sent (`sign`: usually nothing was sent, but a wallet that lost touch with its
 * network may have sent it, and then the app says it cannot tell).
 */
import {
  ChainMismatchError,
  ContractFunctionRevertedError,
  InsufficientFundsError,
  NonceTooLowError,
  UserRejectedRequestError,
} from 'viem';
import { classifyEndpointFailure, type EndpointFailureKind, endpointSentence } from './endpointFailure.ts';
import { findInstance, hasCode } from './errorChain.ts';

export type TxErrorKind =
  | 'rejected'
  | 'insufficient-funds'
  /** The chain reverted it (a receipt with status "reverted"). */
  | 'reverted'
  /** The contract would refuse it: found by simulating, before anything was sent. */
  | 'refused'
  /** The app's endpoint did not answer, or answered for another chain: nothing was sent. */
  | 'unreachable'
  /** The wallet's nonce is already used: nothing new was sent. */
  | 'nonce'
  /** The wallet failed while sending: it may or may not have gone out. */
  | 'uncertain'
  | 'unknown';

export interface DescribedError {
  kind: TxErrorKind;
  message: string;
}

export type SendPhase = 'prepare' | 'sign';

/** What a receipt with status "reverted" means for the holder. */
export const REVERTED_ON_CHAIN = 'The chain reverted it: nothing changed but the gas it used.';

/** Longest revert reason shown: a contract's reason is a short rule, anything longer is not one. */
const MAX_REASON_LENGTH = 80;

const NONCE_TEXT =
  /nonce too low|nonce has already been used|already known|replacement transaction underpriced/i;

const isRejection = (error: unknown) =>
  findInstance(error, UserRejectedRequestError) !== undefined || hasCode(error, 4001);

/** A contract's revert reason, quoted and cut short; undefined when it gave none. */
function revertReason(error: unknown): string | undefined {
  // A "revert" viem inferred from an endpoint's internal error, with no revert data, is the endpoint's doing.
  if (classifyEndpointFailure(error).kind !== 'reverted') return undefined;
  const reverted = findInstance(error, ContractFunctionRevertedError);
  if (!reverted) return undefined;
  const reason = reverted.reason ?? reverted.data?.errorName;
  if (!reason) return '';
  const clean = reason.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_REASON_LENGTH ? `${clean.slice(0, MAX_REASON_LENGTH)}…` : clean;
}

/** Failures of the endpoint itself (down, slow, rate-limiting, garbled, another chain), not of the request. */
const ENDPOINT_TROUBLE: readonly EndpointFailureKind[] = [
  'unreachable',
  'timeout',
  'rate-limited',
  'server-error',
  'garbage',
  'wrong-chain',
];

const isEndpointTrouble = (error: unknown) => ENDPOINT_TROUBLE.includes(classifyEndpointFailure(error).kind);

/** Why the endpoint cannot be used, in the app's words: chosen by what happened, never the endpoint's text. */
export function endpointTrouble(error: unknown): string {
  return endpointSentence(classifyEndpointFailure(error));
}

/** The reason a read or a simulation failed, for views that show it (an upkeep's gas, a launch check). */
export function describeError(error: unknown): DescribedError {
  if (isRejection(error))
    return { kind: 'rejected', message: 'You rejected the request in your wallet. Nothing was sent.' };
  if (findInstance(error, InsufficientFundsError))
    return { kind: 'insufficient-funds', message: 'Not enough ETH to pay for gas. Nothing was sent.' };
  const reason = revertReason(error);
  if (reason !== undefined)
    return {
      kind: 'refused',
      message: reason
        ? `The contract refused: “${reason}”.`
        : 'The contract refused it without giving a reason. Check the amount and the pool’s state, then try again.',
    };
  if (isEndpointTrouble(error))
    return { kind: 'unreachable', message: `${endpointTrouble(error)} Try again once it is back.` };
  return {
    kind: 'unknown',
    message: 'Something went wrong that the app cannot name. Nothing was sent; try again in a moment.',
  };
}

/** A failed write, by the phase it failed in: one sentence that says whether anything was sent. */
export function describeSendError(error: unknown, phase: SendPhase): DescribedError {
  const described = describeError(error);
  if (described.kind === 'rejected' || described.kind === 'insufficient-funds') return described;
  if (phase === 'prepare') {
    if (described.kind === 'refused')
      return { kind: 'refused', message: `Not sent: ${lowerFirst(described.message)}` };
    if (described.kind === 'unreachable')
      return {
        kind: 'unreachable',
        message: `Not sent: ${lowerFirst(endpointTrouble(error))} Your wallet was not asked; try again once it is back.`,
      };
    return {
      kind: 'unknown',
      message: 'Not sent: the app could not prepare this transaction. Your wallet was not asked; try again.',
    };
  }
  if (findInstance(error, ChainMismatchError))
    return {
      kind: 'unknown',
      message: 'Not sent: your wallet is on another network. Switch it back, then try again.',
    };
  const text = error instanceof Error ? error.message : String(error);
  if (findInstance(error, NonceTooLowError) || NONCE_TEXT.test(text))
    return {
      kind: 'nonce',
      message:
        'Not sent: your wallet offered a nonce that is already used, so the network refused it. If your wallet shows an older transaction still pending, wait for it; otherwise reset the wallet’s activity for this network and try again.',
    };
  if (described.kind === 'refused')
    return { kind: 'refused', message: `Not sent: ${lowerFirst(described.message)}` };
  // EIP-1193's "disconnected": the wallet could not reach its network before signing.
  if (hasCode(error, 4900) || hasCode(error, 4901))
    return {
      kind: 'unreachable',
      message: 'Not sent: your wallet cannot reach its network. Try again once it is back.',
    };
  // Anything else from a wallet that was asked to send is not proof that nothing went out: a wallet that
  // lost touch with its network, or an unknown refusal, looks the same from here.
  return {
    kind: 'uncertain',
    message:
      'Your wallet reported a problem while sending: it may or may not have gone out. Check your wallet’s activity and your pending commits before sending it again.',
  };
}

/** Why a sent transaction's receipt cannot be read now: it is still in flight, and must not be sent again. */
export function describeWatchTrouble(error: unknown): string {
  return `Sent, not yet confirmed: ${lowerFirst(endpointTrouble(error))} Still checking: do not send it again.`;
}

const lowerFirst = (text: string) => (text ? text[0]!.toLowerCase() + text.slice(1) : text);
