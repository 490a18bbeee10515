/**
 * "Add to wallet" for a pool's L and S tokens: asks the connected wallet to list the token (EIP-747,
 * `wallet_watchAsset`), so a holder sees their tokens in it without pasting an address. Nothing is signed or
 * sent: the wallet only remembers the token. wagmi arrives with the lazily loaded wallet layer, so it is
 * imported here when the user asks, never with the page (docs/architecture.md, "Wallet conveniences").
 */
import { erc20Abi } from 'viem';
import type { Side } from '../../engine/types.ts';
import { hasCode } from '../errors/errorChain.ts';
import type { PoolInfo } from '../pools/poolRegistry.ts';
import { currentWallet, switchWalletChain, walletConfig } from './wallet.ts';

/**
 * Wallets refuse longer symbols: MetaMask rejects a `wallet_watchAsset` whose symbol has more than 11
 * characters, and others copied its rule. Tracer names its tokens after the pool ("3L-BTC/USD+gOHM", 15
 * characters), so most of ours need a shorter one.
 */
export const WALLET_SYMBOL_MAX = 11;

/** How long the token's own symbol is waited for before the one made from the pool is used. */
const SYMBOL_READ_MS = 3_000;

export type WatchAssetOutcome =
  | { kind: 'added'; symbol: string }
  /** The wallet answered without adding it (some wallets say so instead of raising an error). */
  | { kind: 'declined' }
  /** The user said no in the wallet (EIP-1193 code 4001). */
  | { kind: 'refused' }
  /** The wallet has no `wallet_watchAsset`. */
  | { kind: 'unsupported' }
  | { kind: 'failed' };

/** The sentence each outcome is told in, in the app's words, never the wallet's. */
export function watchAssetSentence(outcome: WatchAssetOutcome, tokenLabel: string): string {
  switch (outcome.kind) {
    case 'added':
      return `Your wallet now lists ${tokenLabel} as ${outcome.symbol}.`;
    case 'declined':
      return `Your wallet did not add ${tokenLabel}.`;
    case 'refused':
      return `You declined adding ${tokenLabel} in your wallet; nothing changed.`;
    case 'unsupported':
      return 'Your wallet cannot add tokens from a page; add the token address by hand instead.';
    case 'failed':
      return `Your wallet could not add ${tokenLabel}; nothing changed. Try again in a moment.`;
  }
}

/**
 * The symbol the wallet is asked to show: the token's own when it fits, else one made from the pool:
 * leverage, side letter and the market's base asset, with the collateral when there is room ("3L-BTC+gOHM",
 * "1S-ETH+OHM"), as close to Tracer's own naming as 11 characters allow.
 */
export function walletSymbol(onChain: string | undefined, pool: PoolInfo, side: Side): string {
  const own = onChain?.trim();
  if (own && own.length <= WALLET_SYMBOL_MAX) return own;
  const prefix = `${pool.leverage}${side === 'long' ? 'L' : 'S'}-`;
  const base = (pool.market.split('/')[0] ?? pool.market).replace(/[^A-Za-z0-9]/g, '');
  const withCollateral = `${prefix}${base}+${pool.collateral.symbol}`;
  if (withCollateral.length <= WALLET_SYMBOL_MAX) return withCollateral;
  return `${prefix}${base}`.slice(0, WALLET_SYMBOL_MAX);
}

/** What the wallet's failure means: a "no" from the user, a wallet without the method, or anything else. */
function outcomeOf(error: unknown): WatchAssetOutcome {
  if (hasCode(error, 4001)) return { kind: 'refused' };
  // 4200: the provider does not support the method (EIP-1193); -32601 / -32004: JSON-RPC "not found" / "not
  // supported", what a wallet that forwards unknown methods to its node gets back.
  if (hasCode(error, 4200) || hasCode(error, -32601) || hasCode(error, -32004))
    return { kind: 'unsupported' };
  return { kind: 'failed' };
}

/** The token's `symbol()` on its chain, or undefined when it cannot be read soon enough. */
async function onChainSymbol(token: `0x${string}`, chainId: number): Promise<string | undefined> {
  const { readContract } = await import('wagmi/actions');
  const read = readContract(walletConfig(), {
    address: token,
    abi: erc20Abi,
    functionName: 'symbol',
    chainId,
  });
  const late = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SYMBOL_READ_MS));
  return Promise.race([read.catch(() => undefined), late]);
}

/**
 * Asks the wallet to list one side's token of `pool`. A wallet lists a token on the chain it is on, so one on
 * another chain is first asked to switch to the pool's; a refused switch counts as a refusal.
 */
export async function addTokenToWallet(pool: PoolInfo, side: Side): Promise<WatchAssetOutcome> {
  const token = side === 'long' ? pool.longToken : pool.shortToken;
  try {
    const wallet = currentWallet();
    if (wallet.status === 'connected' && wallet.chainId !== pool.chainId)
      await switchWalletChain(pool.chainId);
    const symbol = walletSymbol(await onChainSymbol(token, pool.chainId), pool, side);
    const { watchAsset } = await import('wagmi/actions');
    const added = await watchAsset(walletConfig(), {
      type: 'ERC20',
      // Pool tokens have the collateral's decimals (Tracer deploys them so): the pool's own figure.
      options: { address: token, symbol, decimals: pool.collateral.decimals },
    });
    return added ? { kind: 'added', symbol } : { kind: 'declined' };
  } catch (error) {
    return outcomeOf(error);
  }
}
