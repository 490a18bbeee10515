/**
 * The devnet faucet's gas, through anvil's test action rather than hand-written JSON-RPC. Its own module so
 * that viem's test client reaches only the Devnet page's chunk, never the first load.
 */
import { type Address, createTestClient, http } from 'viem';
import type { DevnetDeployment } from './devnet.ts';

export async function setDevnetBalance(
  devnet: DevnetDeployment,
  address: Address,
  wei: bigint,
): Promise<void> {
  const client = createTestClient({ mode: 'anvil', transport: http(devnet.rpcUrl) });
  await client.setBalance({ address, value: wei });
}
