/**
 * The two inline scripts that choose the prerendered first screen by the hash (docs/first-paint.md), and
 * the CSP sources that allow them. Apart from the plugin (build/prerender.ts) so that the CSP and the tests
 * read them without loading Vite.
 */
import { createHash } from 'node:crypto';

/**
 * Run in the head, before the stylesheet: reads the page from the hash. An empty hash (or `#/`) is the pools
 * list, which the app would redirect to anyway: it is written into the hash now, so the app's first render is
 * the pools list the HTML already shows. Any other page marks the document (`data-route`), and
 * `HIDE_UNTIL_CHOSEN` keeps #root's pools markup from being painted while the rest of the HTML arrives:
 * without it a slow network showed the pools list for a moment on every other page.
 */
export const ROUTE_EARLY = `(function(){var h=location.hash.slice(1),q=h.indexOf('?'),p=q<0?h:h.slice(0,q);if(p===''||p==='/'){history.replaceState(history.state,'','#/pools'+(q<0?'':h.slice(q)))}else if(p!=='/pools'){document.documentElement.setAttribute('data-route',p)}})()`;

export const HIDE_UNTIL_CHOSEN = '<style>html[data-route] #root{visibility:hidden}</style>';

/**
 * Run just after #root: puts the marked page's template in place of the pools markup. A page without a
 * template (or with a link query its template cannot show) gets an empty #root without the
 * `data-prerendered` mark, and the app renders it from scratch.
 */
export const ROUTE_SWAP = `(function(){var d=document.documentElement,p=d.getAttribute('data-route');if(p===null)return;var r=document.getElementById('root'),t=document.querySelector('template[data-route="'+p+'"]');if(t&&(location.hash.indexOf('?')<0||t.hasAttribute('data-any-query'))){r.replaceChildren(t.content.cloneNode(true))}else{r.replaceChildren();r.removeAttribute('data-prerendered')}d.removeAttribute('data-route')})()`;

const sha256 = (script: string) => `'sha256-${createHash('sha256').update(script).digest('base64')}'`;

/** The CSP sources that allow the two route scripts and no other inline script. */
export const ROUTE_SCRIPT_SOURCES = `${sha256(ROUTE_EARLY)} ${sha256(ROUTE_SWAP)}`;
