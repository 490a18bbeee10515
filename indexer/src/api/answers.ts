/**
 * What every route's answer is built from: the JSON body (bigints in the app's JSON form), the block and
 * address parameters of a query, and the chain and indexed head each answer names.
 */
import { db } from 'ponder:api';
import schema from 'ponder:schema';
import type { Context } from 'hono';
import { sql } from 'ponder';
import { historyToJson } from '../../../src/chain/history/historyJson.ts';
import type { IndexerChain } from '../../../src/chain/history/indexerApi.ts';

/** The lower of two blocks (Math.min does not take bigints). */
export const lower = (a: bigint, b: bigint) => (a < b ? a : b);
/** How long an answer waits for the indexer to reach a block it is only just behind. */
const CATCH_UP_WAIT_MS = 400;
const CATCH_UP_MAX_BLOCKS = 16n;

export const json = (c: Context, body: unknown, status: 200 | 400 | 404 | 503 = 200) =>
  c.body(historyToJson(body), status, { 'content-type': 'application/json' });

/** The last indexed block, from Ponder's own checkpoint (the `/status` figure). */
async function indexedHead(): Promise<{ block: bigint; timestamp: number } | undefined> {
  const result = await db.execute(sql`SELECT latest_checkpoint FROM _ponder_checkpoint`);
  const row = (result.rows as { latest_checkpoint: string }[])[0];
  if (!row) return undefined;
  // Ponder's checkpoint: 10 digits of timestamp, 16 of chain id, 16 of block number, then the position.
  return {
    timestamp: Number(row.latest_checkpoint.slice(0, 10)),
    block: BigInt(row.latest_checkpoint.slice(26, 42)),
  };
}
export async function chainNow(waitFor?: bigint): Promise<IndexerChain | undefined> {
  const [identity] = await db.select().from(schema.chainIdentity).limit(1);
  let head = await indexedHead();
  if (!identity || !head) return undefined;
  // Just behind the block asked for (a block or two mined since the app's snapshot): wait briefly for it.
  const started = Date.now();
  while (
    waitFor !== undefined &&
    head.block < waitFor &&
    waitFor - head.block <= CATCH_UP_MAX_BLOCKS &&
    Date.now() - started < CATCH_UP_WAIT_MS
  ) {
    await new Promise((r) => setTimeout(r, 50));
    head = (await indexedHead()) ?? head;
  }
  return { chainId: identity.chainId, identity: { block: identity.block, hash: identity.hash }, head };
}

export const ADDRESS = /^0x[0-9a-fA-F]{40}$/;
export function blockParam(text: string | undefined): bigint | undefined {
  return text !== undefined && /^\d{1,20}$/.test(text) ? BigInt(text) : undefined;
}
