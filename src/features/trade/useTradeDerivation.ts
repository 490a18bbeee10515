/** The trade form's derived state, with the wallet and the pending settlement read for it (tradeDerivation.ts). */
import type { PoolSnapshot } from '../../chain/pools/poolReader.ts';
import { usePendingSettlement } from '../../chain/react/usePendingSettlement.ts';
import { useWallet } from '../../chain/wallet/wallet.ts';
import { deriveTrade, type TradeContext } from './tradeDerivation.ts';

export function useTradeDerivation(
  pool: PoolSnapshot,
  ctx: Omit<TradeContext, 'pool' | 'wallet' | 'settlement'> & { chainId: number },
) {
  const wallet = useWallet();
  const address = wallet.status === 'connected' ? wallet.address : undefined;
  const settlement = usePendingSettlement(pool, address);
  const derived = deriveTrade({
    ...ctx,
    pool,
    wallet: {
      loading: wallet.status === 'loading',
      connected: wallet.status === 'connected',
      onPoolChain: wallet.status === 'connected' && wallet.chainId === ctx.chainId,
    },
    settlement: settlement.data,
  });
  return { ...derived, address };
}
