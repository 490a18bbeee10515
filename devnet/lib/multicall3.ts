/**
 * The read batcher every batched read of the app goes through (src/chain/pools/batch.ts), at the address where
 * Multicall3 lives on every public chain. The devnet's own contract answers the calls the app and viem make
 * (devnet/multicall/DevnetMulticall.sol; docs/devnet.md, "Multicall3").
 */
import type { Address } from 'viem';
import { DEVNET_MULTICALL_RUNTIME } from '../multicall/artifact.ts';
import type { DevnetClients } from './clients.ts';

/** Where Multicall3 lives on every public chain; the devnet puts its batcher at the same address. */
export const MULTICALL3_ADDRESS: Address = '0xcA11bde05977b3631167028862bE2a173976CA11';

/**
 * Places the batcher's runtime code at MULTICALL3_ADDRESS. It has no constructor and no storage, so the
 * runtime code alone is the whole contract: nothing needs deploying.
 */
export async function installMulticall3(clients: DevnetClients): Promise<Address> {
  await clients.test.setCode({ address: MULTICALL3_ADDRESS, bytecode: DEVNET_MULTICALL_RUNTIME });
  return MULTICALL3_ADDRESS;
}
