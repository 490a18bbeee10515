import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { parseUnits } from 'viem';
import { testTokenAbi } from '../../../contracts-abi/generated/index.ts';
import { DEVNET_FAUCET_GRANT } from '../../chain/config/config.ts';
import { describeReadFailure, type ReadFailure } from '../../chain/errors/endpointFailure.ts';
import { useDevnet } from '../../chain/react/DeploymentContext.tsx';
import { setDevnetBalance, useFaucetBalances } from '../../chain/react/devnetFaucet.ts';
import { chainKeys } from '../../chain/react/queryKeys.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { useWallet } from '../../chain/wallet/wallet.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { ProviderReply } from '../../ui/EndpointProblem.tsx';
import { formatAmount, shortAddress } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { PageHeader } from '../../ui/PageHeader.tsx';

export function DevnetPage() {
  const devnet = useDevnet();
  const wallet = useWallet();
  const address = wallet.status === 'connected' ? wallet.address : undefined;
  const { busy, send } = useTransactor();
  const queryClient = useQueryClient();
  const [gasProblem, setGasProblem] = useState<ReadFailure>();
  const tokens = devnet?.tokens ?? [];
  const balances = useFaucetBalances(devnet, address);
  const balancesKey = chainKeys.faucetBalances(devnet?.chainId ?? 0, address);

  if (!devnet) {
    return <Notice tone="info">No devnet is running. Start one with npm start.</Notice>;
  }
  const onDevnet = wallet.status === 'connected' && wallet.chainId === devnet.chainId;

  return (
    <>
      <PageHeader
        title="Devnet"
        subtitle="A local chain running the real Tracer V2.1 contracts, with a keeper and simulated BTC and ETH prices."
      />
      <div className="grid gap-6 md:grid-cols-2">
        <Card title="Faucet">
          {!address ? (
            <Notice>
              Connect a wallet first: “Dev account 1 (devnet)” in the wallet menu needs no extension.
            </Notice>
          ) : !onDevnet ? (
            <Notice tone="warn">
              Switch your wallet to the devnet (chain id {devnet.chainId}) to use the faucet.
            </Notice>
          ) : (
            <div className="space-y-3">
              <p className="text-sm text-ink-400">
                For {shortAddress(address)}. Test tokens only, worth nothing.
              </p>
              <ul className="space-y-2">
                {tokens.map((token, i) => {
                  const grant = DEVNET_FAUCET_GRANT[token.symbol] ?? '1';
                  const balance = balances.data?.tokens[i];
                  return (
                    <li key={token.address} className="flex items-center justify-between gap-3">
                      <span className="text-sm">
                        {token.symbol}:{' '}
                        <span className="font-mono">
                          {typeof balance === 'bigint' ? formatAmount(balance, token.decimals) : '…'}
                        </span>
                      </span>
                      <Button
                        variant="secondary"
                        disabled={busy}
                        onClick={() =>
                          send(
                            `Faucet: ${grant} ${token.symbol}`,
                            {
                              address: token.address,
                              abi: testTokenAbi,
                              functionName: 'mint',
                              args: [address, parseUnits(grant, token.decimals)],
                              chainId: devnet.chainId,
                            },
                            [balancesKey, chainKeys.snapshot(devnet.chainId, address)],
                          )
                        }
                      >
                        Get {grant} {token.symbol}
                      </Button>
                    </li>
                  );
                })}
                <li className="flex items-center justify-between gap-3">
                  <span className="text-sm">
                    ETH for gas:{' '}
                    <span className="font-mono">
                      {balances.data ? formatAmount(balances.data.eth, 18) : '…'}
                    </span>
                  </span>
                  <Button
                    variant="secondary"
                    onClick={async () => {
                      try {
                        const grant = parseUnits(DEVNET_FAUCET_GRANT.ETH ?? '10', 18);
                        await setDevnetBalance(devnet, address, (balances.data?.eth ?? 0n) + grant);
                        setGasProblem(undefined);
                        await queryClient.invalidateQueries({ queryKey: balancesKey });
                      } catch (error) {
                        setGasProblem(describeReadFailure(error));
                      }
                    }}
                  >
                    Get {DEVNET_FAUCET_GRANT.ETH} ETH
                  </Button>
                </li>
              </ul>
              {gasProblem ? (
                <Notice tone="error">
                  Could not add ETH. {gasProblem.sentence}
                  {gasProblem.reply ? <ProviderReply reply={gasProblem.reply} /> : null}
                </Notice>
              ) : null}
            </div>
          )}
        </Card>
        <Card title="Deployment">
          <dl className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-4 gap-y-1 text-sm">
            <dt className="text-ink-400">RPC</dt>
            <dd className="font-mono break-all">{devnet.rpcUrl}</dd>
            <dt className="text-ink-400">Chain id</dt>
            <dd className="font-mono">{devnet.chainId}</dd>
            <dt className="text-ink-400">Rebalance every</dt>
            <dd>
              {devnet.updateIntervalSeconds} s (front-running window {devnet.frontRunningIntervalSeconds} s)
            </dd>
            <dt className="text-ink-400">Factory</dt>
            <dd className="font-mono break-all">{devnet.contracts.factory}</dd>
            <dt className="text-ink-400">Keeper</dt>
            <dd className="font-mono break-all">{devnet.contracts.keeper}</dd>
            <dt className="text-ink-400">Olympus treasury</dt>
            <dd className="font-mono break-all">{devnet.roles.treasury}</dd>
            {devnet.pools.map((pool) => (
              <PoolRow key={pool.address} name={pool.name} address={pool.address} />
            ))}
          </dl>
        </Card>
      </div>
    </>
  );
}

function PoolRow({ name, address }: { name: string; address: string }) {
  return (
    <>
      <dt className="text-ink-400">{name}</dt>
      <dd className="font-mono break-all">{address}</dd>
    </>
  );
}
