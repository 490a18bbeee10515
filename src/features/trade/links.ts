/**
 * The trade page's path and what its link holds: `#/trade?pool=0x…&side=long&action=mint`, with `tradeLink`
 * for other features and the nav entry. The amount is not in the link on purpose: a shared link chooses a
 * trade, it never fills in how much of someone's money to commit. The lazy page is in `pages.ts`, which only
 * the shell imports, so the page can read its parsers here without an import circle.
 */
import { createSerializer, type inferParserType, parseAsString, parseAsStringLiteral } from 'nuqs';

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
