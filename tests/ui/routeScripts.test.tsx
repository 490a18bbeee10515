/**
 * The two inline scripts of the prerendered index.html (build/routeScripts.ts, docs/first-paint.md), run
 * against a document shaped as the build writes it: the pools list in #root, another page in a template.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ROUTE_EARLY, ROUTE_SWAP } from '../../build/routeScripts.ts';

function loadAt(hash: string) {
  window.history.replaceState(null, '', `/${hash}`);
  document.head.innerHTML = '<template data-route="/simulator"><h1>Simulator</h1></template>';
  document.body.innerHTML = '<div id="root" data-prerendered><h1>Pools</h1></div>';
  // As the browser runs them: the first in the head, the second just after #root.
  new Function(ROUTE_EARLY)();
  const hidden = document.documentElement.hasAttribute('data-route');
  new Function(ROUTE_SWAP)();
  const root = document.getElementById('root');
  return {
    hidden,
    heading: root?.querySelector('h1')?.textContent ?? null,
    prerendered: root?.hasAttribute('data-prerendered') ?? false,
  };
}

afterEach(() => {
  document.documentElement.removeAttribute('data-route');
  window.history.replaceState(null, '', '/');
});

describe('the route scripts', () => {
  it('keep the pools list, the home page, and write its path into an empty hash', () => {
    for (const hash of ['', '#/', '#/pools', '#/pools?search=eth']) {
      expect(loadAt(hash), hash).toEqual({ hidden: false, heading: 'Pools', prerendered: true });
    }
    loadAt('');
    expect(window.location.hash).toBe('#/pools');
    loadAt('#/?search=eth');
    expect(window.location.hash).toBe('#/pools?search=eth');
  });

  it("put another page's template in place, hiding the pools markup until then", () => {
    expect(loadAt('#/simulator')).toEqual({ hidden: true, heading: 'Simulator', prerendered: true });
    expect(document.documentElement.hasAttribute('data-route')).toBe(false);
  });

  it('leave #root empty and unmarked for a page the build could not prerender as linked', () => {
    // A query the simulator's template cannot show, and a page with no template.
    for (const hash of ['#/simulator?leverage=5', '#/nothing'])
      expect(loadAt(hash), hash).toEqual({ hidden: true, heading: null, prerendered: false });
  });
});
