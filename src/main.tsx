import './styles.css';
import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { Providers } from './app/Providers.tsx';
import { preloadLandingPage } from './app/router.tsx';
import { loadDevnetDeployment } from './chain/config/devnet.ts';
import { loadAppConfig } from './chain/react/DeploymentContext.tsx';

async function boot() {
  preloadLandingPage(window.location.hash);
  const root = document.getElementById('root');
  if (!root) throw new Error('index.html has no #root');
  let devnet: Awaited<ReturnType<typeof loadDevnetDeployment>>;
  // Only a devnet build looks for a devnet: a production build makes no request for it.
  if (import.meta.env.VITE_DEVNET_RPC_URL) {
    try {
      devnet = await loadDevnetDeployment();
    } catch (error) {
      // A broken deployment file must not hide the app: say so and carry on with Arbitrum One.
      console.error('The devnet deployment could not be read; continuing without the devnet.', error);
    }
  }
  // viem and the read clients load alongside the first paint; pages wait for them, the shell does not.
  const app = loadAppConfig(() =>
    import('./chain/config/appConfig.ts').then((m) => m.createAppConfig(devnet)),
  );
  const tree = (
    <StrictMode>
      <Providers app={app} devnet={devnet}>
        <App />
      </Providers>
    </StrictMode>
  );
  // The build prerendered this page's first screen from the same tree (docs/first-paint.md): React takes it
  // over as it is. Without that mark (the dev server, a devnet build, a page the build did not prerender),
  // #root is empty and React draws it.
  if (root.hasAttribute('data-prerendered')) hydrateRoot(root, tree);
  else createRoot(root).render(tree);
}

void boot();
