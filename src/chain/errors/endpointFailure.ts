/**
 * What went wrong when the app asked an RPC endpoint something, said in the app's own words (docs/errors.md).
 *
 * An endpoint's answer is not the app's to repeat: an HTML error page, a parser's complaint about it, or a
 * sentence written by whoever runs the endpoint ("URGENT: withdraw at …") would read as the app speaking. So a
 * failure is sorted into a kind, and the sentence on screen is chosen from the kind and the endpoint's host
 * alone. What the endpoint actually sent is kept apart (`providerText`), cleaned and cut short, for a details
 * toggle that says whose words they are.
 */
import { BaseError, HttpRequestError, RpcRequestError, TimeoutError } from 'viem';
import { WrongChainEndpointError } from '../config/endpointChain.ts';
import { classifyLogError } from '../history/logErrors.ts';
import { causeChain, fieldOf, findInstance } from './errorChain.ts';
import { boundProviderText, hostOfUrl, type ProviderText, unquoted, withoutUrl } from './providerText.ts';

export type EndpointFailureKind =
  /** Nothing answered: no connection, DNS, CORS, offline. */
  | 'unreachable'
  /** A connection, but no answer in time. */
  | 'timeout'
  /** A 429, or a JSON-RPC rate-limit answer. */
  | 'rate-limited'
  /** A 5xx, or a JSON-RPC internal error. */
  | 'server-error'
  /** An answer that is not JSON-RPC at all: HTML, malformed JSON, the wrong number of answers. */
  | 'garbage'
  /** A JSON-RPC error, or an HTTP 4xx: the endpoint answered, and said no. */
  | 'refused'
  /** The endpoint serves another chain (endpointChain.ts). */
  | 'wrong-chain'
  /** A contract reverted the call: the endpoint works. */
  | 'reverted'
  /** Not an endpoint's failure the app recognises. */
  | 'unknown';

export interface EndpointFailure {
  kind: EndpointFailureKind;
  /** The endpoint's host (and port): never its path or query, where RPC URLs carry their API keys. */
  host: string | undefined;
  /** What the endpoint sent, when it sent anything. */
  providerText?: ProviderText;
  /** A rate limit's `retry-after`, when the endpoint gave one. */
  retryAfterMs?: number;
  /** For `wrong-chain`: the chain the endpoint serves, and the one the app expected. */
  chain?: { served: number; expected: { id: number; name: string } };
}

/** viem's errors of a request that reached (or tried to reach) an endpoint: they carry its URL. */
const TRANSPORT = (node: object): node is HttpRequestError | RpcRequestError | TimeoutError =>
  node instanceof HttpRequestError || node instanceof RpcRequestError || node instanceof TimeoutError;
const named = (chain: object[], ...names: string[]) =>
  chain.some((node) => names.includes(String(fieldOf(node, 'name'))));
const BATCH_MISMATCH = /^Expected \d+ responses to batch request/;
const NETWORK_TEXT = /fetch failed|failed to fetch|networkerror|load failed|network error/i;

/** A revert the chain made, not one viem inferred from an internal error that carried no revert data. */
function isRevert(chain: object[]): boolean {
  if (!named(chain, 'ContractFunctionRevertedError', 'ExecutionRevertedError', 'RawContractError'))
    return false;
  const withData = chain.some((node) => {
    const raw = fieldOf(node, 'raw') ?? fieldOf(node, 'data');
    return typeof raw === 'string' ? raw !== '0x' : raw !== undefined && raw !== null;
  });
  return withData || !chain.some((node) => fieldOf(node, 'code') === -32603);
}

const stringOf = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** The endpoint's own words: its JSON-RPC error message, or the body of a failed HTTP answer. */
function replyText(chain: object[]): string | undefined {
  const rpc = chain.find((node) => node instanceof RpcRequestError);
  if (rpc) return stringOf(fieldOf(rpc, 'details'));
  const http = chain.find((node) => node instanceof HttpRequestError);
  if (http) {
    const details = stringOf(fieldOf(http, 'details'));
    return details && unquoted(details);
  }
  // An EIP-1193 error object, or a parser's complaint about what came back.
  for (const node of [...chain].reverse()) {
    if (node instanceof BaseError) continue;
    if (typeof fieldOf(node, 'code') === 'number' || node instanceof SyntaxError)
      return stringOf(fieldOf(node, 'message'));
  }
  return undefined;
}

/** What a revert said, from the decoded revert or the node's words. */
function revertText(chain: object[]): string | undefined {
  for (const node of chain) {
    const reason = stringOf(fieldOf(node, 'reason'));
    if (reason) return reason;
  }
  return replyText(chain);
}

/** An error's own words when it is not an endpoint's: viem's short message, never its full text (URL, body). */
function ownText(error: unknown): string | undefined {
  if (typeof error === 'string') return error;
  if (error instanceof BaseError)
    return error.details && error.details !== error.shortMessage
      ? `${error.shortMessage} ${error.details}`
      : error.shortMessage;
  return error instanceof Error ? error.message : undefined;
}

/** Sorts any error from a read or a simulation into what the endpoint did. Pure: no I/O, no clock. */
export function classifyEndpointFailure(error: unknown, fallbackHost?: string): EndpointFailure {
  const wrong = findInstance(error, WrongChainEndpointError);
  if (wrong)
    return {
      kind: 'wrong-chain',
      host: wrong.host,
      chain: { served: wrong.served, expected: wrong.expected },
    };
  const chain = causeChain(error);
  const transport = chain.find(TRANSPORT);
  const url = transport?.url;
  const host = (url ? hostOfUrl(url) : undefined) ?? fallbackHost;
  const said = (kind: EndpointFailureKind, text?: string): EndpointFailure => {
    const providerText = text === undefined ? undefined : boundProviderText(withoutUrl(text, url, host));
    return providerText ? { kind, host, providerText } : { kind, host };
  };

  if (isRevert(chain)) return said('reverted', revertText(chain));
  const log = classifyLogError(error);
  if (log.kind === 'rate-limited') {
    const limited = said('rate-limited', replyText(chain));
    return log.retryAfterMs === undefined ? limited : { ...limited, retryAfterMs: log.retryAfterMs };
  }
  const statuses = chain.map((node) => fieldOf(node, 'status')).filter((s) => typeof s === 'number');
  if (named(chain, 'TimeoutError') || statuses.includes(408)) return said('timeout');
  const garbage =
    named(chain, 'SyntaxError', 'ResponseBodyTooLargeError') ||
    chain.some((node) => node instanceof Error && BATCH_MISMATCH.test(node.message));
  if (garbage) return said('garbage', replyText(chain));
  const codes = chain
    .filter((node) => !(node instanceof DOMException))
    .map((node) => fieldOf(node, 'code'))
    .filter((c) => typeof c === 'number' && c !== -1);
  if (statuses.some((s) => s >= 500) || codes.includes(-32603)) return said('server-error', replyText(chain));
  if (statuses.some((s) => s >= 400) || codes.length > 0) return said('refused', replyText(chain));
  if (transport || named(chain, 'SocketClosedError', 'WebSocketRequestError')) return said('unreachable');
  if (chain.some((node) => node instanceof TypeError && NETWORK_TEXT.test(node.message)))
    return said('unreachable');
  const own = ownText(error);
  const providerText = own === undefined ? undefined : boundProviderText(own);
  return providerText ? { kind: 'unknown', host, providerText } : { kind: 'unknown', host };
}

/** The app's one sentence for a failure: from its kind and the endpoint's host only, with one final period. */
export function endpointSentence(failure: EndpointFailure): string {
  const who = failure.host ? `The RPC endpoint ${failure.host}` : 'The RPC endpoint';
  switch (failure.kind) {
    case 'unreachable':
      return `${who} could not be reached.`;
    case 'timeout':
      return `${who} did not answer in time.`;
    case 'rate-limited':
      return `${who} is rate-limiting requests.`;
    case 'server-error':
      return `${who} answered with a server error.`;
    case 'garbage':
      return `${who} answered with something that is not JSON-RPC.`;
    case 'refused':
      return `${who} refused the request.`;
    case 'wrong-chain': {
      const served = failure.chain?.served;
      const expected = failure.chain?.expected;
      const other =
        served !== undefined && Number.isSafeInteger(served) ? `chain ${served}` : 'another chain';
      const wanted = expected ? `, not ${expected.name} (${expected.id})` : '';
      return `${who} serves ${other}${wanted}: the app neither reads from nor sends through it.`;
    }
    case 'reverted':
      return 'A contract refused the call.';
    case 'unknown':
      return 'The request failed for a reason the app cannot name.';
  }
}

/** What the endpoint sent, and who sent it, for a details toggle beside the app's sentence. */
export interface ProviderReply extends ProviderText {
  /** The endpoint's host; undefined when the text is an error's own and no endpoint is known to have sent it. */
  from: string | undefined;
}

/** A failed read as a screen shows it: the app's sentence, and apart from it the endpoint's reply. */
export interface ReadFailure {
  sentence: string;
  reply?: ProviderReply;
}

export function describeReadFailure(error: unknown, fallbackHost?: string): ReadFailure {
  const failure = classifyEndpointFailure(error, fallbackHost);
  const sentence = endpointSentence(failure);
  if (!failure.providerText) return { sentence };
  const from = failure.kind === 'unknown' ? undefined : failure.host;
  return { sentence, reply: { from, ...failure.providerText } };
}
