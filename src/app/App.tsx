import { useDevnet } from '../chain/react/DeploymentContext.tsx';
import { AppRouter } from './router.tsx';

export function App() {
  const devnet = useDevnet();
  // The devnet page exists only when the app runs on the local chain.
  return <AppRouter withDevnet={devnet !== undefined} />;
}
