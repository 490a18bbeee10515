import { useAccount, useSwitchChain } from 'wagmi';
import { useDeployment } from '../chain/DeploymentContext.tsx';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';

/** Says plainly when the wallet is on a chain the app does not serve, and offers the switch. */
export function NetworkGuard() {
  const { isConnected, chainId } = useAccount();
  const { app } = useDeployment();
  const { switchChain, isPending, error } = useSwitchChain();
  if (!isConnected || chainId === undefined || app.chains.some((c) => c.id === chainId)) return null;
  const target = app.defaultChain;
  return (
    <div className="mx-auto max-w-7xl px-4 pt-4">
      <Notice
        tone="warn"
        action={
          <Button busy={isPending} onClick={() => switchChain({ chainId: target.id })}>
            Switch to {target.name}
          </Button>
        }
      >
        Your wallet is on an unsupported network (chain id {chainId}). Nothing can be read or sent until you
        switch to {app.chains.map((c) => c.name).join(' or ')}.
        {error ? (
          <span className="block pt-1">The wallet refused the switch: {error.message.split('\n')[0]}</span>
        ) : null}
      </Notice>
    </div>
  );
}
