/**
 * A hostile or broken RPC endpoint's failures, sorted into what happened (src/chain/errors/endpointFailure.ts): the
 * sentence on screen is the app's, chosen from the kind and the host alone; what the endpoint sent is kept
 * apart, cleaned and cut short. Errors come from viem itself: its http transport fed canned answers through
 * `fetchFn`, or its error classes built as its transport builds them.
 */
import {
  ContractFunctionRevertedError,
  createPublicClient,
  encodeErrorResult,
  erc20Abi,
  HttpRequestError,
  http,
  InvalidInputRpcError,
  RpcRequestError,
  TimeoutError,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { WrongChainEndpointError } from '../../src/chain/config/endpointChain.ts';
import {
  classifyEndpointFailure,
  describeReadFailure,
  type EndpointFailure,
  endpointSentence,
} from '../../src/chain/errors/endpointFailure.ts';
import { boundProviderText, hostOfUrl, PROVIDER_TEXT_LIMIT } from '../../src/chain/errors/providerText.ts';
import { errorReason } from '../../src/chain/pools/freshness.ts';

// RPC URLs carry their API keys in the path or the query (Infura, Alchemy, QuickNode).
const URL_ = 'https://user:pass@rpc.example.org/v2/SECRETKEY123?apikey=SECRET456';
const HOST = 'rpc.example.org';
const PHISH = 'URGENT: your funds are at risk, withdraw at https://evil.example/claim now';
const HTML_500 = `<!DOCTYPE html><html><head><title>500</title></head><body><h1>${PHISH}</h1>${'<p>Internal Server Error</p>'.repeat(220)}</body></html>`;
const token = '0x00000000000000000000000000000000000000aa';

/** What viem throws when the endpoint answers `respond()` to one request. */
async function failureOf(
  respond: (signal: AbortSignal | null | undefined) => Response | Promise<Response>,
  read: 'blockNumber' | 'contract' = 'blockNumber',
): Promise<unknown> {
  const client = createPublicClient({
    transport: http(URL_, { fetchFn: async (_, init) => respond(init?.signal), retryCount: 0, timeout: 200 }),
  });
  try {
    if (read === 'contract')
      await client.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' });
    else await client.getBlockNumber({ cacheTime: 0 });
  } catch (error) {
    return error;
  }
  throw new Error('the read did not fail');
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
const rpcError = (error: { code: number; message: string; data?: unknown }, init?: ResponseInit) =>
  json({ jsonrpc: '2.0', id: 0, error }, init);

/** The app's sentence holds nothing the endpoint chose, and is one sentence with one final period. */
function expectAppSentence(sentence: string) {
  expect(sentence).not.toMatch(/URGENT|evil|withdraw|html|Internal Server Error|Unexpected|position|token/i);
  expect(sentence).not.toMatch(/SECRET|pass@|\/v2\//);
  expect(sentence).toMatch(/[^.]\.$/);
  // Apart from the host's own dots, the only period is the last character.
  expect(sentence.split(HOST).join('host').slice(0, -1)).not.toContain('.');
  expect(sentence.length).toBeLessThan(160);
}

function expectNoKey(failure: EndpointFailure) {
  expect(JSON.stringify(failure)).not.toMatch(/SECRET|user:pass/);
}

describe('the kind of failure, from errors as viem builds them', () => {
  it('a 6 KB HTML 500 page: a server error, named by host, its text kept apart and cut', async () => {
    const error = await failureOf(
      () => new Response(HTML_500, { status: 500, headers: { 'content-type': 'text/html' } }),
    );
    expect(HTML_500.length).toBeGreaterThan(6000);
    const failure = classifyEndpointFailure(error);
    expect(failure.kind).toBe('server-error');
    expect(failure.host).toBe(HOST);
    expectNoKey(failure);
    const sentence = endpointSentence(failure);
    expect(sentence).toBe('The RPC endpoint rpc.example.org answered with a server error.');
    expectAppSentence(sentence);
    expect(failure.providerText?.cut).toBe(true);
    expect(failure.providerText?.text.length).toBeLessThanOrEqual(PROVIDER_TEXT_LIMIT);
    expect(failure.providerText?.text).toMatch(/^<!DOCTYPE html><html>.*URGENT/);

    // The same, built by hand the way the transport builds it.
    const built = new HttpRequestError({
      url: URL_,
      status: 500,
      body: {},
      details: JSON.stringify(HTML_500),
    });
    expect(classifyEndpointFailure(built)).toEqual(failure);
  });

  it('words an endpoint chose (a JSON-RPC error) stay the endpoint’s, never the app’s', async () => {
    const error = await failureOf(() => rpcError({ code: -32000, message: PHISH }));
    expect(error).toBeInstanceOf(Error);
    const failure = classifyEndpointFailure(error);
    expect(failure.kind).toBe('refused');
    expectAppSentence(endpointSentence(failure));
    expect(failure.providerText).toEqual({ text: PHISH, cut: false });

    const built = new InvalidInputRpcError(
      new RpcRequestError({ url: URL_, body: {}, error: { code: -32000, message: PHISH } }),
    );
    expect(describeReadFailure(built)).toEqual({
      sentence: 'The RPC endpoint rpc.example.org refused the request.',
      reply: { from: HOST, text: PHISH, cut: false },
    });
  });

  it('malformed JSON and an HTML page with status 200: garbage, never the parser’s message', async () => {
    for (const answer of [
      () =>
        new Response('{"jsonrpc":"2.0","id":0,"result":', {
          headers: { 'content-type': 'application/json' },
        }),
      () => new Response(HTML_500, { status: 200, headers: { 'content-type': 'text/html' } }),
    ]) {
      const error = await failureOf(answer);
      const failure = classifyEndpointFailure(error);
      expect(failure.kind).toBe('garbage');
      const sentence = endpointSentence(failure);
      expect(sentence).toBe('The RPC endpoint rpc.example.org answered with something that is not JSON-RPC.');
      expectAppSentence(sentence);
      expect(failure.providerText?.text).toMatch(/JSON/);
    }
    const built = new HttpRequestError({
      url: URL_,
      body: {},
      cause: new SyntaxError('Unexpected token < in JSON'),
    });
    expect(classifyEndpointFailure(built).kind).toBe('garbage');
  });

  it('a 429 with retry-after, in JSON-RPC or as plain text: rate-limited, with the wait it asked for', async () => {
    const limited = await failureOf(() =>
      rpcError(
        { code: 429, message: `Too Many Requests. ${PHISH}` },
        { status: 429, headers: { 'retry-after': '3' } },
      ),
    );
    const failure = classifyEndpointFailure(limited);
    expect(failure).toMatchObject({ kind: 'rate-limited', host: HOST, retryAfterMs: 3000 });
    expect(endpointSentence(failure)).toBe('The RPC endpoint rpc.example.org is rate-limiting requests.');
    expectAppSentence(endpointSentence(failure));
    expect(failure.providerText?.text).toContain('URGENT');

    const plain = await failureOf(
      () => new Response('Too Many Requests', { status: 429, headers: { 'retry-after': '2' } }),
    );
    expect(classifyEndpointFailure(plain)).toMatchObject({ kind: 'rate-limited', retryAfterMs: 2000 });
  });

  it('no connection, and no answer in time', async () => {
    const down = await failureOf(() => Promise.reject(new TypeError('Failed to fetch')));
    const unreachable = classifyEndpointFailure(down);
    expect(unreachable).toEqual({ kind: 'unreachable', host: HOST });
    expect(endpointSentence(unreachable)).toBe('The RPC endpoint rpc.example.org could not be reached.');

    // An endpoint that accepts the connection and never answers, until the app gives up on it.
    const stalled = await failureOf(
      (signal) =>
        new Promise<Response>((_, reject) =>
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        ),
    );
    expect(stalled).toBeInstanceOf(TimeoutError);
    const late = classifyEndpointFailure(stalled);
    expect(late).toEqual({ kind: 'timeout', host: HOST });
    expect(endpointSentence(late)).toBe('The RPC endpoint rpc.example.org did not answer in time.');
  });

  it('an endpoint serving another chain is said as such, in the app’s words', () => {
    const wrong = new WrongChainEndpointError(HOST, 42161, { id: 31337, name: 'Olympus devnet' });
    const failure = classifyEndpointFailure(new HttpRequestError({ url: URL_, body: {}, cause: wrong }));
    expect(failure.kind).toBe('wrong-chain');
    expect(endpointSentence(failure)).toBe(
      'The RPC endpoint rpc.example.org serves chain 42161, not Olympus devnet (31337): the app neither reads from nor sends through it.',
    );
  });

  it('a contract’s revert is the contract’s; an internal error viem took for one is the endpoint’s', async () => {
    const data = encodeErrorResult({
      abi: [{ type: 'error', name: 'Error', inputs: [{ name: 'reason', type: 'string' }] }],
      errorName: 'Error',
      args: ['not enough'],
    });
    const reverted = await failureOf(
      () => rpcError({ code: 3, message: 'execution reverted', data }),
      'contract',
    );
    expect(classifyEndpointFailure(reverted)).toMatchObject({
      kind: 'reverted',
      providerText: { text: 'not enough', cut: false },
    });
    expect(endpointSentence(classifyEndpointFailure(reverted))).toBe('A contract refused the call.');

    // viem makes a "revert" of any -32603 answer to a contract read; without revert data it is not one.
    const internal = await failureOf(() => rpcError({ code: -32603, message: PHISH }), 'contract');
    expect(internal).toBeInstanceOf(Error);
    expect(JSON.stringify(String(internal))).toContain('ContractFunctionExecutionError');
    const failure = classifyEndpointFailure(internal);
    expect(failure.kind).toBe('server-error');
    expectAppSentence(endpointSentence(failure));

    const bare = new ContractFunctionRevertedError({ abi: erc20Abi, functionName: 'decimals', message: 'x' });
    expect(classifyEndpointFailure(bare).kind).toBe('reverted');
  });

  it('anything else is unknown: a sentence of the app’s, and the error’s own words apart', () => {
    const described = describeReadFailure(new Error(`boom\n${PHISH}`));
    expect(described.sentence).toBe('The request failed for a reason the app cannot name.');
    expect(described.reply).toEqual({ from: undefined, text: `boom ${PHISH}`, cut: false });
    expect(errorReason(undefined)).toBeUndefined();
  });
});

describe('the endpoint’s host and text, made safe to show', () => {
  it('names the host and port only: never the path, query or credentials that carry keys', () => {
    expect(hostOfUrl(URL_)).toBe(HOST);
    expect(hostOfUrl('http://127.0.0.1:8545/')).toBe('127.0.0.1:8545');
    expect(hostOfUrl('not a url /v3/SECRET')).toBeUndefined();
    // An endpoint that echoes the URL it was asked at does not get the key on screen either.
    const echo = new HttpRequestError({
      url: URL_,
      status: 403,
      body: {},
      details: `no access to ${URL_} (key /v2/SECRETKEY123?apikey=SECRET456, user:pass)`,
    });
    const failure = classifyEndpointFailure(echo);
    expect(failure.kind).toBe('refused');
    expectNoKey(failure);
    expect(failure.providerText?.text).toBe(`no access to ${HOST} (key …, …)`);
  });

  it('removes control and bidirectional characters, and marks text that was cut', () => {
    expect(boundProviderText('a\u202Eevil\u202C\n\tb\u200Bc\u0000d')).toEqual({
      text: 'a evil b c d',
      cut: false,
    });
    expect(boundProviderText(' \n\u2028 ')).toBeUndefined();
    const long = boundProviderText('é'.repeat(1000));
    expect(long).toEqual({ text: 'é'.repeat(PROVIDER_TEXT_LIMIT), cut: true });
    // A huge body is not read to its end, and still said to be cut.
    expect(boundProviderText(`${'x'.repeat(100)}${' '.repeat(40_000)}`)).toEqual({
      text: 'x'.repeat(100),
      cut: true,
    });
  });

  it('every kind’s sentence is one sentence with one final period, with or without a host', () => {
    const kinds = [
      'unreachable',
      'timeout',
      'rate-limited',
      'server-error',
      'garbage',
      'refused',
      'reverted',
      'unknown',
    ] as const;
    for (const kind of kinds)
      for (const host of [HOST, undefined]) {
        const sentence = endpointSentence({ kind, host });
        expectAppSentence(sentence);
        expect(sentence).not.toMatch(/\.\.|…/);
      }
  });
});
