import { createContext, type ReactNode, useContext } from 'react';
import type { DevnetDeployment } from './devnet.ts';
import type { AppConfig } from './wagmi.ts';

interface DeploymentContextValue {
  devnet: DevnetDeployment | undefined;
  app: AppConfig;
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

export function useDeployment(): DeploymentContextValue {
  const value = useContext(DeploymentContext);
  if (!value) throw new Error('useDeployment must be used inside DeploymentProvider');
  return value;
}
