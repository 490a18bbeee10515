/** The trade form's derived state, with the wallet and the pending settlement read for it (tradeDerivation.ts). */
import { useAccount } from 'wagmi';
import type { PoolSnapshot } from '../../chain/poolReader.ts';
import { usePendingSettlement } from '../../chain/usePendingSettlement.ts';
import { deriveTrade, type TradeContext } from './tradeDerivation.ts';

export function useTradeDerivation(
  pool: PoolSnapshot,
  ctx: Omit<TradeContext, 'pool' | 'wallet' | 'settlement'> & { chainId: number },
) {
  const { isConnected, chainId: walletChainId, address } = useAccount();
  const settlement = usePendingSettlement(pool, address);
  const derived = deriveTrade({
    ...ctx,
    pool,
    wallet: { connected: isConnected, onPoolChain: walletChainId === ctx.chainId },
    settlement: settlement.data,
  });
  return { ...derived, address };
}
