/**
 * How the indexer source (indexerSource.ts) talks to the history indexer: one request, checked to come from
 * this chain before it is used, and the pages of a block range followed up to what the indexer has indexed.
 * An indexer that fails is left alone for a while; every refusal says why, for the provenance shown.
 */
import type { Hex } from 'viem';
import type { ChainDeployment } from '../config/config.ts';
import { historyFromJson } from './historyJson.ts';
import type { HistoryProvenance, HistoryRequest } from './historySource.ts';
import type { IndexerChain } from './indexerApi.ts';

type Refusal = Exclude<Extract<HistoryProvenance, { kind: 'chain' }>['why'], undefined>;

/** Why the indexer was not used: the log scan serves the whole request instead. */
export class IndexerRefused extends Error {
  constructor(readonly why: Refusal) {
    super(`indexer not used: ${why}`);
    this.name = 'IndexerRefused';
  }
}

export interface IndexerClientOptions {
  /** The indexer's origin, e.g. `https://history.example.org`. */
  url: string;
  deployment: ChainDeployment;
  /** The hash of the block that names this chain instance, as the chain's own endpoint says. */
  chainIdentity: () => Promise<Hex>;
  fetcher: typeof fetch;
  /** How long one request to the indexer may take. */
  timeoutMs: number;
  /** How long an indexer that failed is left alone. */
  retryAfterMs: number;
  now: () => number;
}

export function indexerClient({
  url,
  deployment,
  chainIdentity,
  fetcher,
  timeoutMs,
  retryAfterMs,
  now,
}: IndexerClientOptions) {
  const origin = url.replace(/\/+$/, '');
  let downUntil = 0;

  async function ask<T extends { chain: IndexerChain }>(path: string, signal?: AbortSignal): Promise<T> {
    if (now() < downUntil) throw new IndexerRefused('unreachable');
    const timeout = AbortSignal.timeout(timeoutMs);
    // The chain's own identity is asked for at the same time, not after: one round trip less.
    const identity = chainIdentity();
    identity.catch(() => {});
    let answer: T;
    try {
      const res = await fetcher(`${origin}${path}`, {
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
        credentials: 'omit',
      });
      // 503: Ponder has not indexed a block yet.
      if (res.status === 503) throw new IndexerRefused('not-ready');
      if (!res.ok) throw new IndexerRefused('unreachable');
      answer = historyFromJson<T>(await res.text());
    } catch (error) {
      if (signal?.aborted) throw error;
      downUntil = now() + retryAfterMs;
      throw error instanceof IndexerRefused ? error : new IndexerRefused('unreachable');
    }
    if (answer.chain?.chainId !== deployment.chainId) throw new IndexerRefused('other-chain');
    const expected = deployment.identityBlock ?? deployment.historyFromBlock;
    if (answer.chain.identity.block !== expected || answer.chain.identity.hash !== (await identity))
      throw new IndexerRefused('other-chain');
    return answer;
  }

  /** Follows the indexer's pages up to what it has indexed (or `toBlock`). */
  async function pages<T extends { chain: IndexerChain; through: bigint }>(
    path: (fromBlock: bigint | undefined) => string,
    request: HistoryRequest,
    collect: (answer: T) => void,
  ): Promise<IndexerChain> {
    let fromBlock = request.fromBlock;
    for (;;) {
      const answer = await ask<T>(path(fromBlock), request.signal);
      // A page that ends before it starts would be asked for forever.
      if (fromBlock !== undefined && answer.through < fromBlock) throw new IndexerRefused('unreachable');
      collect(answer);
      // Done at the block asked for, or at the indexer's head (the chain's logs read the rest).
      if (answer.through >= request.toBlock || answer.through >= answer.chain.head.block) return answer.chain;
      fromBlock = answer.through + 1n;
    }
  }

  return { ask, pages };
}

/** Where an answer came from: the indexer up to its head, the chain's logs past it. */
export const provenance = (chain: IndexerChain, request: HistoryRequest): HistoryProvenance => ({
  kind: 'indexer',
  indexedTo: chain.head.block,
  indexedAt: chain.head.timestamp,
  ...(chain.head.block < request.toBlock ? { chainFrom: chain.head.block + 1n } : {}),
});

/** The block range of a request, as the indexer's routes take it. */
export const query = (request: HistoryRequest, fromBlock: bigint | undefined, extra = '') =>
  `?toBlock=${request.toBlock}${fromBlock === undefined ? '' : `&fromBlock=${fromBlock}`}${extra}`;
