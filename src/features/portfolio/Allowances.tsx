/**
 * The collateral the connected account lets pool contracts spend: each pool's allowance (read with the pools
 * snapshot, the one mints draw on), exact, and a Revoke that sends `approve(pool, 0)` through the one write
 * path and reads the snapshot again once it is mined. Like every send, it waits for fresh figures.
 */
import type { Address } from 'viem';
import type { FreshnessState } from '../../chain/pools/freshness.ts';
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { refreshAfter } from '../../chain/react/queryKeys.ts';
import { useTransactor } from '../../chain/react/useTransactor.ts';
import { approveRequest } from '../../chain/tx/poolWrites.ts';
import { formatAge } from '../../ui/age.ts';
import { Button } from '../../ui/Button.tsx';
import { Card } from '../../ui/Card.tsx';
import { exactAmount } from '../../ui/format.ts';
import { Notice } from '../../ui/Notice.tsx';
import { ScrollFrame } from '../../ui/ScrollFrame.tsx';
import { Skeleton } from '../../ui/Skeleton.tsx';

/**
 * From 2^255 up an allowance is "Unlimited": wallets and apps that approve without limit send 2^256 − 1, and
 * tokens that spend from such an allowance without lowering it leave it there; nothing real comes near it.
 */
const UNLIMITED_FROM = 2n ** 255n;

export function allowanceText(allowance: bigint, decimals: number, symbol: string): string {
  return allowance >= UNLIMITED_FROM
    ? `Unlimited ${symbol}`
    : `${exactAmount(allowance, decimals)} ${symbol}`;
}

function RevokeButton({
  pool,
  address,
  staleSeconds,
}: {
  pool: PoolSnapshot;
  address: Address;
  staleSeconds: number | undefined;
}) {
  const { busy, send } = useTransactor();
  const { info } = pool;
  return (
    <Button
      variant="secondary"
      busy={busy}
      disabled={staleSeconds !== undefined}
      aria-label={`Revoke ${info.name}'s allowance`}
      onClick={() =>
        void send(
          `Revoke ${info.name}'s ${info.collateral.symbol} allowance`,
          approveRequest(info, 0n),
          refreshAfter.approve(info.chainId, address),
          { kind: 'approve', pool: info.address, token: info.collateral.address },
        )
      }
    >
      Revoke
    </Button>
  );
}

export function Allowances({
  pools,
  address,
  freshness,
}: {
  /** The snapshot's pools; undefined before the first read. */
  pools: readonly PoolSnapshot[] | undefined;
  address: Address;
  freshness: FreshnessState;
}) {
  // A snapshot read before the wallet connected carries no user part: its allowances are not known yet.
  const known = pools !== undefined && (pools.length === 0 || pools.some((p) => p.user));
  const given = (pools ?? []).filter((p) => (p.user?.allowance ?? 0n) > 0n);
  const staleSeconds = freshness.kind === 'stale' ? freshness.ageSeconds : undefined;
  return (
    <Card title="Allowances" className="mb-6">
      <p className="mb-3 text-sm text-ink-400">
        The collateral each pool may take from your wallet when you mint. Revoking sets it to zero; the next
        mint from your wallet asks for approval again.
      </p>
      {!known ? (
        <div role="status" aria-label="Reading your allowances">
          <Skeleton className="h-16 w-full" />
        </div>
      ) : given.length === 0 ? (
        <p className="text-sm">No pool can spend your collateral.</p>
      ) : (
        <>
          {staleSeconds !== undefined ? (
            <div className="mb-3">
              <Notice tone="warn">
                Revoking waits for fresh figures: these are from {formatAge(staleSeconds)} ago.
              </Notice>
            </div>
          ) : null}
          <ScrollFrame>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Collateral allowances you have given to pools</caption>
              <thead className="text-xs uppercase tracking-wide text-ink-400">
                <tr>
                  <th scope="col" className="py-2 pr-3">
                    Pool
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Allowance
                  </th>
                  <th scope="col" className="py-2">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {given.map((pool) => (
                  <tr key={pool.info.address} className="border-t border-ink-800 align-middle">
                    <th scope="row" className="py-3 pr-3 font-semibold">
                      {pool.info.name}
                    </th>
                    {/* Exact to the unit, wrapping anywhere rather than widening a phone's page. */}
                    <td className="py-3 pr-3 font-mono break-all">
                      {allowanceText(pool.user!.allowance, pool.state.decimals, pool.info.collateral.symbol)}
                    </td>
                    <td className="py-3 text-right">
                      <RevokeButton pool={pool} address={address} staleSeconds={staleSeconds} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollFrame>
        </>
      )}
    </Card>
  );
}
