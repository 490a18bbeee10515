/**
 * What the two traders of the long history do in each era (devnet/lib/longHistory.ts): mints, a burn, a
 * transfer and a flip, with the amounts of HISTORY_SCRIPT in devnet/lib/profile.ts.
 */
import { type Address, parseUnits } from 'viem';
import type { Deployment } from '../../contracts-abi/deployment.ts';
import { erc20Abi, poolCommitterAbi, testTokenAbi } from '../../contracts-abi/generated/index.ts';
import { CommitType, commitParamsToHex, encodeCommitParams } from '../../src/engine/commits.ts';
import { type DevnetClients, write } from './clients.ts';
import { HISTORY_SCRIPT } from './profile.ts';

export interface Trader {
  clients: DevnetClients;
  deployment: Deployment;
}

function poolNamed(deployment: Deployment, name: string) {
  const pool = deployment.pools.find((p) => p.name === name);
  if (!pool) throw new Error(`long history: no pool ${name}`);
  return pool;
}

async function commit(
  { clients, deployment }: Trader,
  user: Address,
  poolName: string,
  type: CommitType,
  raw: bigint,
) {
  await write(clients, user, {
    address: poolNamed(deployment, poolName).committer,
    abi: poolCommitterAbi,
    functionName: 'commit',
    args: [commitParamsToHex(encodeCommitParams(raw, type, false, false))],
  });
}

export async function mint(
  { clients, deployment }: Trader,
  user: Address,
  poolName: string,
  side: 'long' | 'short',
  amount: string,
) {
  const pool = poolNamed(deployment, poolName);
  const token = deployment.tokens.find((t) => t.address === pool.settlementToken);
  const raw = parseUnits(amount, token?.decimals ?? 18);
  await write(clients, user, {
    address: pool.settlementToken,
    abi: testTokenAbi,
    functionName: 'approve',
    args: [pool.address, raw],
  });
  const type = side === 'long' ? CommitType.LongMint : CommitType.ShortMint;
  await commit({ clients, deployment }, user, poolName, type, raw);
}

/** Every user claims what every pool holds in escrow for it. */
export async function claimAll({ clients, deployment }: Trader, users: Address[]) {
  for (const user of users)
    for (const pool of deployment.pools)
      await write(clients, user, {
        address: pool.committer,
        abi: poolCommitterAbi,
        functionName: 'claim',
        args: [user],
      });
}

const heldBy = ({ clients }: Trader, user: Address, token: Address) =>
  clients.public.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [user] });

/** The trades repeat after this many eras. */
const CYCLE_ERAS = 4;

/** What the two traders do in era `era` (counted from 0): mints, a burn, a flip and a transfer. */
export async function tradeInEra(trader: Trader, era: number, holder: Address, other: Address) {
  const { clients, deployment } = trader;
  const { btcPool, ethPool, openingMints } = HISTORY_SCRIPT;
  const step = era % CYCLE_ERAS;
  if (step === 0) {
    await mint(trader, holder, btcPool, 'long', openingMints.holderBtcLong);
    await mint(trader, holder, ethPool, 'short', openingMints.holderEthShort);
    await mint(trader, other, btcPool, 'short', openingMints.otherBtcShort);
  } else if (step === 1) {
    const long = await heldBy(trader, holder, poolNamed(deployment, btcPool).longToken);
    await commit(trader, holder, btcPool, CommitType.LongBurn, long / 2n);
    await mint(trader, other, ethPool, 'long', HISTORY_SCRIPT.otherEthLong);
  } else if (step === 2) {
    const short = await heldBy(trader, holder, poolNamed(deployment, ethPool).shortToken);
    // Half the S tokens go to the other account: a transfer the portfolio must account for.
    await write(clients, holder, {
      address: poolNamed(deployment, ethPool).shortToken,
      abi: erc20Abi,
      functionName: 'transfer',
      args: [other, short / 2n],
    });
    await commit(trader, holder, ethPool, CommitType.ShortBurnLongMint, short / 4n);
  } else {
    await mint(trader, holder, btcPool, 'long', HISTORY_SCRIPT.holderBtcTopUp);
  }
}
