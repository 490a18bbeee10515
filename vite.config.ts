import { existsSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * Serves the running devnet's deployment at `/devnet.json` (dev server and preview alike), so the app
 * learns the local chain's addresses at run time and none is written into `src/` or the bundle.
 * Without a devnet the route answers 404 and the app offers Arbitrum One alone.
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

export default defineConfig({
  plugins: [react(), tailwindcss(), devnetDeployment()],
  server: { host: '127.0.0.1', port: Number(process.env.VITE_PORT ?? 5173), strictPort: true },
  preview: { host: '127.0.0.1', port: Number(process.env.VITE_PORT ?? 4173), strictPort: true },
  build: { target: 'es2022' },
});
