/**
 * What the app runs against: the devnet deployment (known at boot, before the first paint) and the app's
 * chain configuration, which is built from viem and arrives just after (appConfig.ts). `useAppConfig`
 * suspends until it has, so a page shows its loading state meanwhile while the shell is already drawn.
 */
import { createContext, type ReactNode, use, useContext } from 'react';
import type { AppConfig } from './appConfig.ts';
import type { DevnetDeployment } from './devnet.ts';

/** The app config once loaded (`current`), and the promise of it until then. */
export interface AppConfigSource {
  current: AppConfig | undefined;
  ready: Promise<AppConfig>;
}

export function loadAppConfig(load: () => Promise<AppConfig>): AppConfigSource {
  const source: AppConfigSource = { current: undefined, ready: Promise.resolve(undefined as never) };
  source.ready = load().then((app) => {
    source.current = app;
    return app;
  });
  return source;
}

/** An app config that is already there (tests, and anything built synchronously). */
export function readyAppConfig(app: AppConfig): AppConfigSource {
  return { current: app, ready: Promise.resolve(app) };
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

/** The app's chains and clients; suspends until they have loaded. */
export function useAppConfig(): AppConfig {
  const { app } = useDeploymentContext();
  return app.current ?? use(app.ready);
}
