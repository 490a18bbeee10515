/**
 * What every part of the keeper works with: the clients, who signs, how it reads, and its policy. The CLI
 * (keeper/cli.ts) builds one for a real chain from flags and `KEEPER_PRIVATE_KEY`; the devnet
 * (devnet/lib/keeper.ts) builds one from its own clients and an account anvil holds unlocked. Everything
 * below takes this instead of globals, so both run the same code.
 */
import type {
  Account,
  Address,
  BlockTag,
  Chain,
  ContractFunctionParameters,
  MulticallReturnType,
  PublicClient,
  ReadContractParameters,
  WalletClient,
} from 'viem';
import type { KeeperLog } from './log.ts';
import type { NonceManager } from './nonce.ts';

export interface KeeperContext {
  client: PublicClient;
  wallet: WalletClient;
  chain: Chain;
  /** A local account (the CLI's key) or the address of an account the node holds unlocked (the devnet). */
  account: Account | Address;
  /** A Multicall3 (`aggregate3`) to batch reads through; undefined reads one call at a time. */
  multicall: Address | undefined;
  /**
   * Which block "now" is. `latest` on real chains; `pending` on the devnet, whose blocks are mined only by
   * transactions, so that its latest block can lag the clock the next transaction will see.
   */
  blockTag: Extract<BlockTag, 'latest' | 'pending'>;
  /** Send even when the reward does not cover the gas (`--always`). */
  always: boolean;
  log: KeeperLog;
  nonces: NonceManager;
  /** How long to wait for a receipt before giving the transaction up (and re-reading the nonce). */
  receiptTimeoutMs: number;
  /** How often to ask for that receipt; default once a second. */
  receiptPollingMs?: number | undefined;
}

export function addressOf(account: Account | Address): Address {
  return typeof account === 'string' ? account : account.address;
}

/** Calldata bytes per multicall chunk: a few hundred reads per `eth_call`, well under providers' limits. */
const MULTICALL_CHUNK_BYTES = 16_384;

/** Reads every call at `blockTag` through the multicall when there is one; any failed read throws. */
export async function readAll<const contracts extends readonly ContractFunctionParameters[]>(
  ctx: Pick<KeeperContext, 'client' | 'multicall'>,
  contracts: contracts,
  blockTag: BlockTag = 'latest',
): Promise<MulticallReturnType<contracts, false>> {
  if (contracts.length === 0) return [] as unknown as MulticallReturnType<contracts, false>;
  if (ctx.multicall) {
    return ctx.client.multicall({
      contracts: contracts as readonly ContractFunctionParameters[],
      allowFailure: false,
      multicallAddress: ctx.multicall,
      batchSize: MULTICALL_CHUNK_BYTES,
      blockTag,
    }) as Promise<MulticallReturnType<contracts, false>>;
  }
  const results = await Promise.all(
    contracts.map((call) => ctx.client.readContract({ ...call, blockTag } as ReadContractParameters)),
  );
  return results as MulticallReturnType<contracts, false>;
}
