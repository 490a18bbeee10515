/**
 * Pages wait for the app's chains and clients (src/chain/react/DeploymentContext.tsx `useAppConfig`), which load
 * just after the first paint. A page drawn in a transition (a navigation) is suspended while they load and,
 * when they arrive before React resumes its work, replayed: it must come through that replay without an
 * error for React to recover from, which the production build logs as error #520.
 */
import { type ReactNode, StrictMode, Suspense, startTransition, useMemo } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { arbitrum } from 'viem/chains';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AppConfig } from '../../src/chain/config/appConfig.ts';
import {
  type AppConfigSource,
  DeploymentProvider,
  loadAppConfig,
  readyAppConfig,
  useAppConfig,
} from '../../src/chain/react/DeploymentContext.tsx';

const APP: AppConfig = { chains: [arbitrum], defaultChain: arbitrum, clients: new Map() };

/** A page in miniature: the config, then a hook after it, as every page has. */
function Page() {
  const app = useAppConfig();
  const names = useMemo(() => app.chains.map((c) => c.name).join(', '), [app]);
  return <p>Chains: {names}</p>;
}

/** Lets the config arrive right after this part is drawn: between React's suspending and its resuming. */
function ArrivesWhileDrawn({ arrive }: { arrive: () => void }) {
  queueMicrotask(arrive);
  return null;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

// React's real scheduler, not act()'s queue: act() runs React's resumed work without letting the config
// arrive in between, which is what happens in a browser.
const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
let wasAct: boolean | undefined;
const roots: Root[] = [];
beforeEach(() => {
  wasAct = actEnvironment.IS_REACT_ACT_ENVIRONMENT;
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
});
afterEach(async () => {
  for (const root of roots.splice(0)) root.unmount();
  await settle();
  actEnvironment.IS_REACT_ACT_ENVIRONMENT = wasAct;
  vi.restoreAllMocks();
});

function draw(source: AppConfigSource, ui: ReactNode) {
  const container = document.createElement('div');
  const recovered: unknown[] = [];
  const root = createRoot(container, { onRecoverableError: (error) => recovered.push(error) });
  roots.push(root);
  startTransition(() =>
    root.render(
      <StrictMode>
        <DeploymentProvider value={{ app: source, devnet: undefined }}>
          <Suspense fallback={<p>Loading</p>}>{ui}</Suspense>
        </DeploymentProvider>
      </StrictMode>,
    ),
  );
  return { container, recovered };
}

describe('the app config', () => {
  it('a page drawn while it loads is drawn once it arrives, with no error React recovers from', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let arrive: (app: AppConfig) => void = () => {};
    const source = loadAppConfig(() => new Promise<AppConfig>((resolve) => (arrive = resolve)));
    const { container, recovered } = draw(
      source,
      <>
        <ArrivesWhileDrawn arrive={() => arrive(APP)} />
        <Page />
      </>,
    );
    await vi.waitFor(() => expect(container.textContent).toBe('Chains: Arbitrum One'));
    expect(recovered.map((error) => String((error as Error).cause ?? error))).toEqual([]);
    expect(errors.mock.calls.map((call) => String(call[0]))).toEqual([]);
  });

  it('once loaded, is there at the first render: the page never shows its loading state', async () => {
    for (const source of [readyAppConfig(APP), loadAppConfig(async () => APP)]) {
      await source.ready;
      const container = document.createElement('div');
      const root = createRoot(container);
      roots.push(root);
      flushSync(() =>
        root.render(
          <DeploymentProvider value={{ app: source, devnet: undefined }}>
            <Suspense fallback={<p>Loading</p>}>
              <Page />
            </Suspense>
          </DeploymentProvider>,
        ),
      );
      expect(container.textContent).toBe('Chains: Arbitrum One');
    }
  });
});
