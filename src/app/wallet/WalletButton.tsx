import { useConnectWallet } from '../../chain/wallet/connectWallet.ts';
import { WALLET_SLOT_ID } from './walletSlot.ts';

/**
 * The header's wallet slot: RainbowKit's button is drawn into it once loaded; until then a button that
 * looks the same and remembers the click.
 */
export function WalletButton() {
  const { ready, connectRequested, openConnectModal } = useConnectWallet();
  return (
    // A fixed height, and at least the placeholder's width with the button at its right end: RainbowKit's
    // narrower button replaces the placeholder (the slot empty for a moment between) without moving the page.
    <div id={WALLET_SLOT_ID} className="flex h-10 min-w-[10.75rem] items-center justify-end">
      {ready ? null : (
        <button
          type="button"
          onClick={openConnectModal}
          aria-busy={connectRequested || undefined}
          className="h-10 rounded-xl bg-sand-400 px-4 text-base font-bold text-ink-950 hover:bg-sand-300"
        >
          Connect Wallet
        </button>
      )}
    </div>
  );
}
