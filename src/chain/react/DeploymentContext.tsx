/**
 * What the app runs against: the devnet deployment (known at boot, before the first paint) and the app's
 * chain configuration, which is built from viem and arrives just after (appConfig.ts). `useAppConfig`
 * suspends until it has, so a page shows its loading state meanwhile while the shell is already drawn.
 */
import { createContext, type ReactNode, use, useContext } from 'react';
import { browser } from 'react-dom';
import type { AppConfig } from '../config/appConfig.ts';
import type { DevnetDeployment } from '../config/devnet.ts';

/** The app config once loaded (`current`), and the promise of it until then. */
export interface AppConfigSource {
  current: AppConfig | undefined;
  ready: Promise<AppConfig>;
  /**
   * Set only by the build's prerender (docs/first-paint.md), which has no chain: whatever needs the config is
   * left to the browser, and the nearest Suspense boundary's fallback goes into the HTML instead.
   */
  browserOnly?: true;
}

/**
 * A promise that carries its outcome on itself once settled, in the fields React's `use` reads first
 * (`status`, `value`, `reason`: React marks a promise it has seen the same way): `use` then returns a loaded
 * config at once instead of suspending for a moment.
 */
type SettledPromise<T> = Promise<T> & {
  status?: 'fulfilled' | 'rejected';
  value?: T;
  reason?: unknown;
};

function marked<T>(promise: Promise<T>): Promise<T> {
  const settled: SettledPromise<T> = promise;
  promise.then(
    (value) => Object.assign(settled, { status: 'fulfilled', value }),
    (reason: unknown) => Object.assign(settled, { status: 'rejected', reason }),
  );
  return promise;
}

export function loadAppConfig(load: () => Promise<AppConfig>): AppConfigSource {
  const source: AppConfigSource = { current: undefined, ready: Promise.resolve(undefined as never) };
  source.ready = marked(
    load().then((app) => {
      source.current = app;
      return app;
    }),
  );
  return source;
}

/** The build-time prerender's source: it never loads, and what reads it is drawn in the browser. */
export function prerenderAppConfig(): AppConfigSource {
  return { current: undefined, ready: new Promise<AppConfig>(() => {}), browserOnly: true };
}

/** An app config that is already there (tests, and anything built synchronously). */
export function readyAppConfig(app: AppConfig): AppConfigSource {
  const ready: SettledPromise<AppConfig> = Promise.resolve(app);
  return { current: app, ready: Object.assign(ready, { status: 'fulfilled' as const, value: app }) };
}

interface DeploymentContextValue {
  devnet: DevnetDeployment | undefined;
  app: AppConfigSource;
}

const DeploymentContext = createContext<DeploymentContextValue | undefined>(undefined);

export function DeploymentProvider({
  value,
  children,
}: {
  value: DeploymentContextValue;
  children: ReactNode;
}) {
  return <DeploymentContext.Provider value={value}>{children}</DeploymentContext.Provider>;
}

function useDeploymentContext(): DeploymentContextValue {
  const value = useContext(DeploymentContext);
  if (!value) throw new Error('useDeployment must be used inside DeploymentProvider');
  return value;
}

/** The devnet deployment, when the app runs on the local chain. */
export function useDevnet(): DevnetDeployment | undefined {
  return useDeploymentContext().devnet;
}

/**
 * The app's chains and clients; suspends until they have loaded. `use` is called on every render, loaded or
 * not: React replays a component that suspended once the promise settles, and a replay that skipped `use`
 * (the config being there by then) called the hooks after it out of order, which React reports as an error
 * ("Update hook called on initial render", then "recovered by rendering the entire root").
 */
export function useAppConfig(): AppConfig {
  const { app } = useDeploymentContext();
  // On the server this throws React's "render in the browser" signal, which the client's hydration takes as
  // planned rather than as an error; in the browser it does nothing.
  if (app.browserOnly) use(browser('The chain config exists only in the browser'));
  return use(app.ready);
}
