/**
 * Puts each page's first screen (the shell, the page's head and its skeleton) into the built index.html,
 * rendered from the app's own components (src/app/prerender/renderRoute.tsx), so the browser paints it
 * before any script has run; src/main.tsx then hydrates it. Why and how: docs/first-paint.md.
 *
 * The pools list (the home page) is #root's own content, so it shows with JavaScript off. Every other page
 * waits in a `<template>`; two small inline scripts, run before the first paint, move the one the hash names
 * into #root. Routing stays in the hash (static hosts, IPFS), and the CSP allows those two scripts by their
 * sha256 rather than by 'unsafe-inline'.
 */
import react from '@vitejs/plugin-react';
import { createServer, type Plugin } from 'vite';
import type { PrerenderedRoute } from '../src/app/prerender/renderRoute.tsx';
import { HIDE_UNTIL_CHOSEN, ROUTE_EARLY, ROUTE_SWAP } from './routeScripts.ts';

/** Where the built HTML takes the prerendered markup (index.html). */
const ROOT = '<div id="root"></div>';

/** The first of Vite's tags in the head (the entry script), before which the early script goes. */
const ENTRY = '<script type="module"';

interface RenderModule {
  PRERENDERED_ROUTES: readonly PrerenderedRoute[];
  renderRoute: (path: string) => Promise<string>;
}

/** Each route's markup, rendered in Node through a throwaway Vite server's SSR loader. */
async function renderAll(root: string, mode: string): Promise<Map<PrerenderedRoute, string>> {
  const server = await createServer({
    root,
    mode,
    configFile: false,
    logLevel: 'error',
    plugins: [react()],
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    appType: 'custom',
  });
  try {
    const module = (await server.ssrLoadModule('/src/app/prerender/renderRoute.tsx')) as RenderModule;
    const pages = new Map<PrerenderedRoute, string>();
    for (const route of module.PRERENDERED_ROUTES) pages.set(route, await module.renderRoute(route.path));
    return pages;
  } finally {
    await server.close();
  }
}

/**
 * Devnet builds are prerendered too (the bench measures them): the devnet's nav entry, known only at run time,
 * joins the nav just after hydration (src/app/Layout.tsx).
 */
export function prerenderFirstScreen(): Plugin {
  let root = process.cwd();
  let mode = 'production';
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      mode = config.mode;
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html) {
        if (!html.includes(ROOT)) throw new Error(`index.html has no ${ROOT} to prerender into`);
        if (!html.includes(ENTRY)) throw new Error('the built index.html has no entry script');
        const pages = await renderAll(root, mode);
        const [home, ...others] = [...pages];
        // The early script takes an empty hash, and the HTML's own content, for the pools list.
        if (home?.[0].path !== '/pools')
          throw new Error('the pools list must be the first prerendered route');
        const templates = others
          .map(
            ([route, markup]) =>
              `<template data-route="${route.path}"${route.anyQuery ? ' data-any-query' : ''}>${markup}</template>`,
          )
          .join('');
        return html
          .replace(ENTRY, () => `<script>${ROUTE_EARLY}</script>${HIDE_UNTIL_CHOSEN}${ENTRY}`)
          .replace('</head>', () => `${templates}</head>`)
          .replace(
            ROOT,
            () => `<div id="root" data-prerendered>${home[1]}</div><script>${ROUTE_SWAP}</script>`,
          );
      },
    },
  };
}
