/**
 * What the handler files share: the shape of a log event as Ponder hands it over, the database and client
 * types of a handler's context, and the decoding of a log by the app's own decoder (recordDecoder.ts).
 */
import type { ponder } from 'ponder:registry';
import schema from 'ponder:schema';
import type { Address, Hex } from 'viem';
import type { HistoryRecord } from '../../src/chain/history/historyRecords.ts';
import { decodeHistoryLog } from '../../src/chain/history/recordDecoder.ts';

/** What every log event Ponder hands over carries, whatever its contract. */
export interface LogEvent {
  id: string;
  log: { address: Address; topics: [Hex, ...Hex[]] | []; data: Hex; logIndex: number };
  block: { number: bigint; timestamp: bigint };
  transaction: { hash: Hex };
}

export type HandlerContext = Parameters<
  Parameters<typeof ponder.on<'PoolFactory:DeployPool'>>[1]
>[0]['context'];
export type Db = HandlerContext['db'];

export function recordOf(event: LogEvent): HistoryRecord | undefined {
  const [signature, ...rest] = event.log.topics;
  if (!signature) return undefined;
  return decodeHistoryLog({
    address: event.log.address,
    topics: [signature, ...rest],
    data: event.log.data,
    blockNumber: event.block.number,
    logIndex: event.log.logIndex,
    transactionHash: event.transaction.hash,
    timestamp: Number(event.block.timestamp),
  });
}

/** The pool a committer belongs to, as the factory announced it. */
export async function poolOf(db: Db, committer: Address): Promise<Address | undefined> {
  const row = await db.find(schema.committerOf, { committer: committer.toLowerCase() as Address });
  return row?.pool;
}
