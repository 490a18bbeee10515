/**
 * The treasury page's path, `#/treasury`, where the treasury launches a new Olympus pool (docs/treasury.md),
 * and its nav entry. Every setting of the launch lives in the link: it can be shared for review before anyone
 * signs, and a reload brings it back, so an interrupted launch resumes where it stopped. The lazy page is in
 * `pages.ts`, which only the shell imports.
 */
import { parseAsString } from 'nuqs';
import { amountForInput } from '../../ui/numberConventions.ts';

/** Suggested intervals, where the chain has none of its own to suggest (the devnet's are its pools'). */
export const DEFAULT_INTERVALS = { update: '3600', frontRunning: '300' } as const;

/**
 * The link's parameters; the intervals' defaults depend on the chain, so they are given by the page. The
 * fees' defaults are written in the `locale` the form reads them in ("0,5" in German), so that a default is
 * never refused as typed the wrong way; they mean the same amount in every locale.
 */
export function launchParams(intervals: { update: string; frontRunning: string }, locale = 'en-US') {
  return {
    feed: parseAsString.withDefault(''),
    market: parseAsString.withDefault(''),
    leverage: parseAsString.withDefault('2'),
    collateral: parseAsString.withDefault('gOHM'),
    ethFeed: parseAsString.withDefault(''),
    update: parseAsString.withDefault(intervals.update),
    frontRunning: parseAsString.withDefault(intervals.frontRunning),
    mintFee: parseAsString.withDefault(amountForInput('0.5', locale)),
    burnFee: parseAsString.withDefault(amountForInput('0.3', locale)),
    change: parseAsString.withDefault('0'),
  };
}

export const treasuryNav = { to: '/treasury', label: 'Treasury', also: [] } as const;
