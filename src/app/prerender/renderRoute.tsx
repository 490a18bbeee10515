/**
 * The first screen of each page as HTML, rendered at build time from the app's own components
 * (docs/first-paint.md). Only the build's prerender plugin loads this file, in Node; the browser then hydrates
 * the same tree. The chain config never arrives here: whatever reads it is left to the browser, and the
 * Suspense fallback around it (a page's head and skeleton) is what goes into the HTML.
 */
import { StrictMode } from 'react';
import { prerender } from 'react-dom/static';
import { createPath, Router, type To } from 'react-router';
import { prerenderAppConfig } from '../../chain/react/DeploymentContext.tsx';
import { poolsNav } from '../../features/pools/links.ts';
import { portfolioNav } from '../../features/portfolio/links.ts';
import { protocolNav } from '../../features/protocol/links.ts';
import { simulatorNav } from '../../features/simulator/links.ts';
import { tradeNav } from '../../features/trade/links.ts';
import { treasuryNav } from '../../features/treasury/links.ts';
import { Providers } from '../Providers.tsx';
import { AppRoutes } from '../router.tsx';

export interface PrerenderedRoute {
  /** The route's path, as the hash names it (`#/pools`). */
  path: string;
  /**
   * Whether the first screen is the same whatever the link's query (`#/pools?search=…`). The pools list
   * draws its filters only once the chain config is there; the other pages may draw their inputs from the
   * query at once, so their prerender serves only the plain link.
   */
  anyQuery: boolean;
}

/** The pools list first: it is the home page, and the HTML's default content. */
export const PRERENDERED_ROUTES: readonly PrerenderedRoute[] = [
  { path: poolsNav.to, anyQuery: true },
  { path: simulatorNav.to, anyQuery: false },
  { path: tradeNav.to, anyQuery: false },
  { path: portfolioNav.to, anyQuery: false },
  { path: protocolNav.to, anyQuery: false },
  { path: treasuryNav.to, anyQuery: false },
];

/** A router that stays at `path` and writes links as the browser's hash router does (`#/trade`). */
function HashLinksAt({ path, children }: { path: string; children: React.ReactNode }) {
  const stay = () => {};
  const navigator = {
    createHref: (to: To) => `#${typeof to === 'string' ? to : createPath(to)}`,
    go: stay,
    push: stay,
    replace: stay,
  };
  return (
    <Router location={path} navigator={navigator} static>
      {children}
    </Router>
  );
}

/** The markup `#root` holds for `path`, as the browser's first render produces it (src/main.tsx). */
export async function renderRoute(path: string): Promise<string> {
  const failures: unknown[] = [];
  const render = async () => {
    const { prelude } = await prerender(
      <StrictMode>
        <Providers app={prerenderAppConfig()} devnet={undefined}>
          <HashLinksAt path={path}>
            <AppRoutes withDevnet={false} />
          </HashLinksAt>
        </Providers>
      </StrictMode>,
      // React writes a large finished page apart from the shell, to be moved in by a script: the whole
      // screen is written in place instead (see the check below).
      { onError: (error) => void failures.push(error), progressiveChunkSize: Number.POSITIVE_INFINITY },
    );
    return new Response(prelude).text();
  };
  // The first pass loads the lazy page's code; the second finds it loaded and writes the page in place.
  // Had the page suspended, React would write it apart with an inline script to move it in, which neither
  // the CSP nor a browser without JavaScript would run.
  await render();
  const html = await render();
  if (failures.length > 0) throw new Error(`prerendering ${path} failed`, { cause: failures[0] });
  if (html.includes('<script') || html.includes('<!--$?-->'))
    throw new Error(`the prerender of ${path} still waits for code: ${html.slice(0, 200)}`);
  // React puts a preload link for the logo before the markup; in the HTML the logo's own <img> comes a few
  // bytes later, so the hint gains nothing, and it is not part of the tree the browser hydrates.
  return html.replace(/^(<link rel="preload" as="image"[^>]*>)+/, '');
}
