/**
 * The Portfolio's wallet conveniences on the real contracts (docs/architecture.md, "Wallet conveniences"): an
 * allowance given with the app's approve request is what the pools snapshot reads back, the app's revoke
 * (`approve(pool, 0)`) brings it to zero, and the symbol "Add to wallet" offers for a pool token is one a
 * wallet accepts, made from the token's own on-chain symbol.
 */
import { erc20Abi, maxUint256, parseUnits } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { write } from '../../devnet/lib/clients.ts';
import { devAccount, ROLE_INDEX } from '../../devnet/lib/deploy.ts';
import { readPools } from '../../src/chain/pools/poolReader.ts';
import type { PoolInfo } from '../../src/chain/pools/poolRegistry.ts';
import { approveRequest } from '../../src/chain/tx/poolWrites.ts';
import { WALLET_SYMBOL_MAX, walletSymbol } from '../../src/chain/wallet/watchAsset.ts';
import { allowanceText } from '../../src/features/portfolio/Allowances.tsx';
import { type SeededChain, startSeededChain } from './seededChain.ts';

const user = devAccount(ROLE_INDEX.firstUser + 3).address;
let seeded: SeededChain;

const allowanceOf = async (pool: PoolInfo) => {
  const snapshot = await readPools(seeded.clients.public, seeded.chain, [pool], { user });
  return snapshot.pools[0]!.user!.allowance;
};

beforeAll(async () => {
  seeded = await startSeededChain([user]);
});
afterAll(() => seeded?.node.stop());

describe('allowances, read by the snapshot and revoked by the app’s request', () => {
  it('reads back an exact and an unlimited approval, and zero after each revoke', async () => {
    const [gohm, , ohm] = seeded.pools;
    expect(await allowanceOf(ohm!)).toBe(0n);
    await write(seeded.clients, user, approveRequest(ohm!, parseUnits('5', 9)));
    await write(seeded.clients, user, approveRequest(gohm!, 'unlimited'));
    expect(await allowanceOf(ohm!)).toBe(parseUnits('5', 9));
    expect(await allowanceOf(gohm!)).toBe(maxUint256);
    expect(allowanceText(await allowanceOf(gohm!), 18, 'gOHM')).toBe('Unlimited gOHM');

    for (const pool of [ohm!, gohm!]) {
      await write(seeded.clients, user, approveRequest(pool, 0n));
      expect(await allowanceOf(pool)).toBe(0n);
    }
  });
});

describe('the symbol offered to the wallet', () => {
  it('fits a wallet’s 11 characters, made from the pool when the token’s own is longer', async () => {
    for (const pool of seeded.pools) {
      for (const [side, token] of [
        ['long', pool.longToken],
        ['short', pool.shortToken],
      ] as const) {
        const own = await seeded.clients.public.readContract({
          address: token,
          abi: erc20Abi,
          functionName: 'symbol',
        });
        const offered = walletSymbol(own, pool, side);
        expect(offered.length).toBeLessThanOrEqual(WALLET_SYMBOL_MAX);
        if (own.length <= WALLET_SYMBOL_MAX) expect(offered).toBe(own);
        else expect(offered.startsWith(`${pool.leverage}${side === 'long' ? 'L' : 'S'}-`)).toBe(true);
      }
    }
  });
});
