/**
 * An endpoint is used only once it has said which chain it serves (docs/architecture.md, "Endpoints"). A
 * misconfigured or malicious endpoint can answer for another chain: its balances, prices and simulations would
 * be another chain's, and a transaction checked against it could do something else here. So each endpoint's
 * `eth_chainId` is asked before its first use and again after every failure (a recovered endpoint may be
 * another server now). An endpoint that serves another chain is never read from or sent through: every request
 * to it fails with `WrongChainEndpointError`, which names it, and a fallback transport moves on to the next.
 */
import { BaseError, HttpRequestError, RpcRequestError, type Transport } from 'viem';

export class WrongChainEndpointError extends BaseError {
  override name = 'WrongChainEndpointError';
  constructor(
    readonly host: string,
    readonly served: number,
    readonly expected: { id: number; name: string },
  ) {
    super(
      `The endpoint ${host} serves chain ${served}, not ${expected.name} (${expected.id}): the app neither reads from nor sends through it.`,
    );
  }
}

/** `transport`, used only while its endpoint answers `eth_chainId` with `expected.id`. */
export function chainChecked(
  transport: Transport,
  host: string,
  expected: { id: number; name: string },
): Transport {
  return (params) => {
    const inner = transport(params);
    let verified: Promise<void> | undefined;
    const verify = () => {
      if (!verified) {
        const check = (async () => {
          const answer = await inner.request({ method: 'eth_chainId' });
          const served = typeof answer === 'string' ? Number.parseInt(answer, 16) : Number.NaN;
          if (served !== expected.id) throw new WrongChainEndpointError(host, served, expected);
        })();
        // A failed check is asked again next time: the endpoint may have been down, or replaced since.
        check.catch(() => {
          if (verified === check) verified = undefined;
        });
        verified = check;
      }
      return verified;
    };
    const request: typeof inner.request = async (args, options) => {
      if (args.method === 'eth_chainId') return inner.request(args, options);
      await verify();
      try {
        return await inner.request(args, options);
      } catch (error) {
        // A request the node answered with an error (a revert, a refusal) says the endpoint works; one that
        // did not reach it may mean another server answers when it is back.
        if (!isAnswered(error)) verified = undefined;
        throw error;
      }
    };
    return { ...inner, request };
  };
}

/**
 * Whether a failed request reached a server that answered (a JSON-RPC error, a 429 or another 4xx), rather
 * than being lost on the way (no connection, a timeout, a 5xx from whatever stands in front of the node).
 */
function isAnswered(error: unknown): boolean {
  if (!(error instanceof BaseError)) return false;
  return (
    error.walk((e) => {
      if (e instanceof RpcRequestError) return true;
      return e instanceof HttpRequestError && e.status !== undefined && e.status >= 400 && e.status < 500;
    }) !== null
  );
}
