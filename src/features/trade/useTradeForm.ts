/** The trade form's state, seeded from the link (`#/trade?pool=…&side=…&action=…`) and kept in it. */
import { useCallback, useEffect, useState } from 'react';
import { useRoute } from '../../app/routes.ts';
import type { Side } from '../../engine/types.ts';
import type { Action, Source } from './tradeModel.ts';

export interface TradeFormState {
  pool: string | undefined;
  side: Side;
  action: Action;
  source: Source;
  amount: string;
  unlimitedApproval: boolean;
}

const SIDES: readonly Side[] = ['long', 'short'];
const ACTIONS: readonly Action[] = ['mint', 'burn', 'flip'];

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function useTradeForm() {
  const { params } = useRoute();
  const [form, setForm] = useState<TradeFormState>(() => ({
    pool: params.get('pool') ?? undefined,
    side: pick(params.get('side'), SIDES, 'long'),
    action: pick(params.get('action'), ACTIONS, 'mint'),
    source: 'wallet',
    amount: '',
    unlimitedApproval: false,
  }));
  // A link followed while the page is open (same page, new query) selects what it names.
  const linkPool = params.get('pool') ?? undefined;
  const linkSide = pick(params.get('side'), SIDES, 'long');
  const linkAction = pick(params.get('action'), ACTIONS, 'mint');
  useEffect(() => {
    setForm((current) =>
      current.pool === linkPool && current.side === linkSide && current.action === linkAction
        ? current
        : { ...current, pool: linkPool ?? current.pool, side: linkSide, action: linkAction, amount: '' },
    );
  }, [linkPool, linkSide, linkAction]);
  const update = useCallback((patch: Partial<TradeFormState>) => {
    setForm((current) => {
      const next = { ...current, ...patch };
      // The link follows the choice of pool, side and action (not the amount), so it can be shared.
      const query = new URLSearchParams();
      if (next.pool) query.set('pool', next.pool);
      query.set('side', next.side);
      query.set('action', next.action);
      window.history.replaceState(null, '', `#/trade?${query.toString()}`);
      return next;
    });
  }, []);
  return { form, update };
}
