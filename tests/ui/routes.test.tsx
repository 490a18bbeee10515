import { describe, expect, it } from 'vitest';
import { hrefOf, parseHash } from '../../src/app/routes.ts';

describe('hash routes', () => {
  it('opens the pools page by default', () => {
    expect(parseHash('').path).toBe('pools');
    expect(parseHash('#/').path).toBe('pools');
  });

  it('keeps the query of a shared link', () => {
    const route = parseHash('#/simulator?leverage=3&skew=1.1');
    expect(route.path).toBe('simulator');
    expect(route.params.get('leverage')).toBe('3');
    expect(route.params.get('skew')).toBe('1.1');
  });

  it('says not-found for an unknown page instead of guessing', () => {
    expect(parseHash('#/nope').path).toBe('not-found');
  });

  it('builds links that parse back to the same page', () => {
    const href = hrefOf('trade', { pool: '0xabc', side: 'long' });
    const route = parseHash(href);
    expect(route.path).toBe('trade');
    expect(route.params.get('side')).toBe('long');
  });
});
