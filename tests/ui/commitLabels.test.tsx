/**
 * The words for each commit live in the ui kit (src/ui/commitLabels.ts), not the engine: every one of the
 * engine's six commit types has its name, and the e2e journeys find the trade button by these words.
 */
import { describe, expect, it } from 'vitest';
import { CommitType, commitAction } from '../../src/engine/commits.ts';
import { commitLabel } from '../../src/ui/commitLabels.ts';

describe('commitLabel', () => {
  it('names each commit type by what it does and to which side', () => {
    const names = Object.values(CommitType).map((type) => commitLabel(commitAction(type)));
    expect(names).toEqual([
      'Mint short',
      'Burn short',
      'Mint long',
      'Burn long',
      'Flip long → short',
      'Flip short → long',
    ]);
  });

  it('names a commit type the app does not know as such', () => {
    expect(commitLabel(commitAction(9 as CommitType))).toBe('Unknown commit');
  });
});
