import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, loadEnv, type Plugin } from 'vite';
import { prerenderFirstScreen } from './build/prerender.ts';
import { ROUTE_SCRIPT_SOURCES } from './build/routeScripts.ts';
import { arbitrumRpcUrls } from './src/chain/config/rpcUrls.ts';

/**
 * Serves the running devnet's deployment at `/devnet.json` (dev server and preview alike), so the app
 * learns the local chain's addresses at run time and none is written into `src/` or the bundle. Only a
 * devnet build (VITE_DEVNET_RPC_URL set, by `npm start` and the test stage) asks for it: a production build
 * never requests the file, and without a devnet the route answers 404 and the app offers Arbitrum One alone.
 */
function devnetDeployment(): Plugin {
  const file = resolve(process.env.DEVNET_DEPLOYMENT_FILE ?? '.devnet/deployment.json');
  const serve = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    if (req.url?.split('?')[0] !== '/devnet.json') return next();
    res.setHeader('cache-control', 'no-store');
    if (!existsSync(file)) {
      res.statusCode = 404;
      res.end('no devnet is running');
      return;
    }
    res.setHeader('content-type', 'application/json');
    res.end(readFileSync(file));
  };
  return {
    name: 'devnet-deployment',
    configureServer: (server) => void server.middlewares.use(serve),
    configurePreviewServer: (server) => void server.middlewares.use(serve),
  };
}

/** The devnet build asks for the deployment while its scripts load; a production build never does. */
function devnetPreload(devnetRpcUrl: string | undefined): Plugin {
  return {
    name: 'devnet-preload',
    transformIndexHtml: () =>
      devnetRpcUrl
        ? [
            {
              tag: 'link',
              attrs: { rel: 'preload', href: '/devnet.json', as: 'fetch', crossorigin: 'anonymous' },
              injectTo: 'head',
            },
          ]
        : [],
  };
}

/**
 * The built app's Content-Security-Policy, as a meta tag (a static host may not let us set headers): only
 * the app's own scripts, and network access only to the RPC endpoints and history indexers it is configured
 * with, WalletConnect's relay when a project id is set, and the devnet's node in a devnet build. Styles may be inline (RainbowKit,
 * recharts and sonner set them); scripts may not. Not applied to the dev server, whose hot reload injects
 * scripts.
 */
function contentSecurityPolicy(env: Record<string, string>): Plugin {
  const origin = (url: string) => new URL(url).origin;
  const rpc = arbitrumRpcUrls(env.VITE_ARBITRUM_RPC_URLS).map(origin);
  const devnet = env.VITE_DEVNET_RPC_URL ? [origin(env.VITE_DEVNET_RPC_URL)] : [];
  // The history indexers: Arbitrum One's, and the devnet's in a devnet build.
  const indexers = [env.VITE_INDEXER_URL, env.VITE_DEVNET_INDEXER_URL].flatMap((url) =>
    url ? [origin(url)] : [],
  );
  const walletConnect = env.VITE_WALLETCONNECT_PROJECT_ID ? WALLETCONNECT_ORIGINS : undefined;
  const directives = [
    "default-src 'self'",
    // The two inline scripts that pick the prerendered first screen by the hash (build/prerender.ts) are
    // allowed by their hashes alone.
    `script-src 'self' ${ROUTE_SCRIPT_SOURCES}`,
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${walletConnect ? ` ${walletConnect.images.join(' ')}` : ''}`,
    "font-src 'self' data:",
    `connect-src 'self' ${[...new Set([...rpc, ...devnet, ...indexers, ...(walletConnect?.connect ?? [])])].join(' ')}`,
    `frame-src ${walletConnect ? walletConnect.frames.join(' ') : "'none'"}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ];
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: directives.join('; ') },
        injectTo: 'head-prepend',
      },
    ],
  };
}

/** Where WalletConnect's SDK connects, loads wallet images from and verifies the app (when configured). */
const WALLETCONNECT_ORIGINS = {
  connect: [
    'wss://relay.walletconnect.com',
    'wss://relay.walletconnect.org',
    'https://rpc.walletconnect.com',
    'https://rpc.walletconnect.org',
    'https://explorer-api.walletconnect.com',
    'https://pulse.walletconnect.org',
    'https://api.web3modal.org',
  ],
  images: ['https://explorer-api.walletconnect.com', 'https://api.web3modal.org'],
  frames: ['https://verify.walletconnect.com', 'https://verify.walletconnect.org'],
};

export default defineConfig(({ mode }) => {
  // .env files and the process's own VITE_ variables (loadEnv reads both).
  const env = loadEnv(mode, process.cwd(), 'VITE_');
  return {
    plugins: [
      react(),
      tailwindcss(),
      devnetDeployment(),
      devnetPreload(env.VITE_DEVNET_RPC_URL),
      contentSecurityPolicy(env),
      prerenderFirstScreen(),
    ],
    server: { host: '127.0.0.1', port: Number(process.env.VITE_PORT ?? 5173), strictPort: true },
    preview: { host: '127.0.0.1', port: Number(process.env.VITE_PORT ?? 4173), strictPort: true },
    build: {
      target: 'es2022',
      rolldownOptions: {
        plugins: [
          {
            // Safe's app provider (the Safe connector's, loaded inside a Safe) is CommonJS only, and through
            // Safe's SDK it `require`s viem, which then resolved to viem's CommonJS build: a second viem of
            // 650 KB beside the app's own. Any `require` of viem gets the ES build the app already ships.
            name: 'one-viem',
            resolveId: {
              order: 'pre',
              handler(source, importer, options) {
                if (options.kind !== 'require-call' || !/^viem(\/|$)/.test(source)) return null;
                return this.resolve(source, importer, { kind: 'import-statement' });
              },
            },
          },
        ],
        output: {
          codeSplitting: {
            // MetaMask's SDK (used on phones and beside the extension) is one prebuilt file of 455 KB; alone
            // in its chunk, with the socket and fetch libraries it imports left to a chunk of their own,
            // rather than 540 KB together.
            groups: [
              {
                name: 'metamask-sdk',
                test: /node_modules[\\/]@metamask[\\/]sdk[\\/]/,
                includeDependenciesRecursively: false,
              },
            ],
          },
        },
      },
    },
  };
});
