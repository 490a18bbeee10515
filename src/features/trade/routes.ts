/**
 * The trade page and what its link holds: `#/trade?pool=0x…&side=long&action=mint`. The amount is not in the
 * link on purpose: a shared link chooses a trade, it never fills in how much of someone's money to commit.
 */
import { createSerializer, type inferParserType, parseAsString, parseAsStringLiteral } from 'nuqs';
import { lazy } from 'react';
import type { RouteObject } from 'react-router';

export const SIDES = ['long', 'short'] as const;
export const ACTIONS = ['mint', 'burn', 'flip'] as const;

export const tradeParams = {
  pool: parseAsString,
  side: parseAsStringLiteral(SIDES).withDefault('long'),
  action: parseAsStringLiteral(ACTIONS).withDefault('mint'),
};
export type TradeChoice = inferParserType<typeof tradeParams>;

const serializeTrade = createSerializer(tradeParams);
export const tradeLink = (params: Partial<TradeChoice> = {}) => serializeTrade('/trade', params);

export const tradeNav = { to: '/trade', label: 'Trade', also: [] } as const;

const loadTradePage = () => import('./TradePage.tsx');

/** The page's code by path, to fetch it while React starts when it is the landing page. */
export const tradePages = { '/trade': loadTradePage };

export const tradeRoutes: RouteObject[] = [
  { path: 'trade', Component: lazy(() => loadTradePage().then((m) => ({ default: m.TradePage }))) },
];
