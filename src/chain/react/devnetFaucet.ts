/**
 * The devnet faucet: what a wallet holds of the devnet's test tokens and ETH, and its gas, through anvil's
 * test action rather than hand-written JSON-RPC. Its own module so that viem's test client reaches only the
 * Devnet page's chunk, never the first load.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { type Address, createTestClient, http, type PublicClient } from 'viem';
import { testTokenAbi } from '../../../contracts-abi/generated/index.ts';
import type { DevnetDeployment } from '../config/devnet.ts';
import { useAppConfig } from './DeploymentContext.tsx';
import { chainKeys } from './queryKeys.ts';

export interface FaucetBalances {
  /** Per test token, in the deployment's order. */
  tokens: bigint[];
  eth: bigint;
}

/** What `user` holds on the devnet, read through `client` (the devnet's read client). */
export function faucetBalancesOptions(
  devnet: DevnetDeployment | undefined,
  client: PublicClient | undefined,
  user: Address | undefined,
) {
  return queryOptions({
    queryKey: chainKeys.faucetBalances(devnet?.chainId ?? 0, user),
    enabled: Boolean(devnet && user && client),
    queryFn: async (): Promise<FaucetBalances> => {
      if (!devnet || !user || !client) throw new Error('no devnet wallet');
      const [tokens, eth] = await Promise.all([
        Promise.all(
          devnet.tokens.map((t) =>
            client.readContract({
              address: t.address,
              abi: testTokenAbi,
              functionName: 'balanceOf',
              args: [user],
            }),
          ),
        ),
        client.getBalance({ address: user }),
      ]);
      return { tokens, eth };
    },
  });
}

export function useFaucetBalances(devnet: DevnetDeployment | undefined, user: Address | undefined) {
  const app = useAppConfig();
  const client = devnet ? app.clients.get(devnet.chainId)?.read : undefined;
  return useQuery(faucetBalancesOptions(devnet, client, user));
}

export async function setDevnetBalance(
  devnet: DevnetDeployment,
  address: Address,
  wei: bigint,
): Promise<void> {
  const client = createTestClient({ mode: 'anvil', transport: http(devnet.rpcUrl) });
  await client.setBalance({ address, value: wei });
}
