import { useState } from 'react';
import { useAppConfig } from '../chain/react/DeploymentContext.tsx';
import { switchWalletChain, useWallet, type WalletState } from '../chain/wallet/wallet.ts';
import { Button } from '../ui/Button.tsx';
import { Notice } from '../ui/Notice.tsx';

/** Says plainly when the wallet is on a chain the app does not serve, and offers the switch. */
export function NetworkGuard() {
  const wallet = useWallet();
  // No wallet, nothing to guard (and no need for the chains before one is connected).
  return wallet.status === 'connected' ? <ChainCheck wallet={wallet} /> : null;
}

function ChainCheck({ wallet }: { wallet: Extract<WalletState, { status: 'connected' }> }) {
  const app = useAppConfig();
  const [switching, setSwitching] = useState(false);
  const [refusal, setRefusal] = useState<string>();
  if (app.chains.some((c) => c.id === wallet.chainId)) return null;
  const target = app.defaultChain;
  const onSwitch = async () => {
    setSwitching(true);
    setRefusal(undefined);
    try {
      await switchWalletChain(target.id);
    } catch (error) {
      setRefusal(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
    } finally {
      setSwitching(false);
    }
  };
  return (
    <div className="mx-auto max-w-7xl px-4 pt-4">
      <Notice
        tone="warn"
        action={
          <Button busy={switching} onClick={() => void onSwitch()}>
            Switch to {target.name}
          </Button>
        }
      >
        Your wallet is on an unsupported network (chain id {wallet.chainId}). Nothing can be read or sent
        until you switch to {app.chains.map((c) => c.name).join(' or ')}.
        {refusal ? <span className="block pt-1">The wallet refused the switch: {refusal}</span> : null}
      </Notice>
    </div>
  );
}
