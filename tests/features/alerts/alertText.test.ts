/** The claim alert names the one commit that executed, in the words a sentence uses for each of the six. */
import { parseUnits } from 'viem';
import { describe, expect, it } from 'vitest';
import { emptyTotals } from '../../../src/engine/commits.ts';
import type { CommitTotals } from '../../../src/engine/types.ts';
import { claimableText } from '../../../src/features/alerts/alertText.ts';
import { samplePools } from '../../fixtures/pools.ts';

const { btc } = samplePools();
const one = parseUnits('1', 18);
const growth = { longTokens: 0n, shortTokens: one, settlementTokens: 0n };

describe('claimableText', () => {
  it.each<[keyof CommitTotals, string]>([
    ['longMintSettlement', 'long mint'],
    ['shortMintSettlement', 'short mint'],
    ['longBurnPoolTokens', 'long burn'],
    ['shortBurnPoolTokens', 'short burn'],
    ['longBurnShortMintPoolTokens', 'long → short flip'],
    ['shortBurnLongMintPoolTokens', 'short → long flip'],
  ])('names an executed %s a “%s”', (total, noun) => {
    const executed = [{ intervalId: 5n, totals: { ...emptyTotals(), [total]: one } }];
    expect(claimableText(btc, growth, executed).body).toBe(
      `Your 3-BTC/USD+gOHM ${noun} executed: 1 short token is ready to claim.`,
    );
  });

  it('names no commit when two kinds executed at once', () => {
    const executed = [
      { intervalId: 5n, totals: { ...emptyTotals(), longMintSettlement: one, shortBurnPoolTokens: one } },
    ];
    expect(claimableText(btc, growth, executed).body).toBe(
      'Your 3-BTC/USD+gOHM commits executed: 1 short token is ready to claim.',
    );
  });
});
