/**
 * A test wallet for the browser: an EIP-1193 provider announced over EIP-6963, as an extension would, so it
 * shows in RainbowKit's modal as an installed wallet. Transactions go to the node's unlocked dev account (the
 * node signs them); `window.__e2eWallet` lets a test move the wallet to another chain or reject the next request.
 */
export interface TestWalletOptions {
  rpcUrl: string;
  address: string;
  /** The chain the wallet is on when the page loads (hex). */
  chainId: string;
}

/** What the test wallet adds to the endpoint's URL, so its traffic can be told from the app's. */
export const TEST_WALLET_QUERY = 'from=test-wallet';

/** The init script's source: runs in the page before any of the app's code. */
export function testWalletScript(options: TestWalletOptions): string {
  return `(() => {
  const options = ${JSON.stringify(options)};
  const TEST_WALLET_QUERY = ${JSON.stringify(TEST_WALLET_QUERY)};
  const listeners = {};
  // Like a wallet extension, it remembers that this site was allowed to see the account, across reloads.
  // (about:blank has no storage: there it remembers nothing.)
  const remembered = () => {
    try {
      return localStorage.getItem('e2e-wallet-connected') === '1';
    } catch {
      return false;
    }
  };
  const remember = (on) => {
    try {
      localStorage.setItem('e2e-wallet-connected', on ? '1' : '0');
    } catch {}
  };
  const state = { chainId: options.chainId, connected: remembered(), rejectNext: false };
  const emit = (event, value) => (listeners[event] || []).forEach((fn) => fn(value));
  // Marks the wallet's own traffic in the URL (a custom header would need a CORS preflight the node may
  // refuse), so a benchmark can count only what the app asks of the endpoint.
  const walletUrl = options.rpcUrl + (options.rpcUrl.includes('?') ? '&' : '?') + TEST_WALLET_QUERY;
  // A wallet has its own RPC: behind the provider-like proxy, it waits out a 429 as a wallet's provider would.
  const rpc = async (method, params) => {
    let res;
    for (let attempt = 0; ; attempt++) {
      res = await fetch(walletUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: Date.now(), method, params: params || [] }),
      });
      if (res.status !== 429 || attempt === 8) break;
      await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after') || 1)));
    }
    const body = await res.json();
    if (body.error) throw Object.assign(new Error(body.error.message), { code: body.error.code });
    return body.result;
  };
  const rejection = () => Object.assign(new Error('User rejected the request.'), { code: 4001 });
  const provider = {
    isE2EWallet: true,
    async request({ method, params }) {
      switch (method) {
        case 'eth_requestAccounts':
          state.connected = true;
          remember(true);
          return [options.address];
        case 'eth_accounts':
          return state.connected ? [options.address] : [];
        case 'eth_chainId':
          return state.chainId;
        case 'net_version':
          return String(parseInt(state.chainId, 16));
        case 'wallet_requestPermissions':
          state.connected = true;
          remember(true);
          return [{ parentCapability: 'eth_accounts' }];
        case 'wallet_getPermissions':
          return state.connected ? [{ parentCapability: 'eth_accounts' }] : [];
        case 'wallet_revokePermissions':
          state.connected = false;
          remember(false);
          return null;
        case 'wallet_switchEthereumChain': {
          const wanted = params[0].chainId;
          if (wanted !== '0x7a69') throw Object.assign(new Error('Unrecognized chain'), { code: 4902 });
          state.chainId = wanted;
          emit('chainChanged', wanted);
          return null;
        }
        case 'eth_sendTransaction':
        case 'personal_sign':
        case 'eth_signTypedData_v4':
          if (state.rejectNext) {
            state.rejectNext = false;
            throw rejection();
          }
          return rpc(method, params);
        default:
          return rpc(method, params);
      }
    },
    on(event, fn) {
      (listeners[event] = listeners[event] || []).push(fn);
    },
    removeListener(event, fn) {
      listeners[event] = (listeners[event] || []).filter((f) => f !== fn);
    },
  };
  // What a user does in the wallet itself: move it to another network.
  state.switchChain = (hex) => {
    state.chainId = hex;
    emit('chainChanged', hex);
  };
  window.__e2eWallet = state;
  const info = {
    uuid: '6f3b0d4e-5c1a-4c8e-9e7a-2b9d1f0e8a11',
    name: 'E2E Test Wallet',
    icon: 'data:image/svg+xml;base64,' + btoa('<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32"><rect width="32" height="32" fill="#F8CC82"/></svg>'),
    rdns: 'test.e2e.wallet',
  };
  const announce = () =>
    window.dispatchEvent(new CustomEvent('eip6963:announceProvider', { detail: Object.freeze({ info, provider }) }));
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
})();`;
}
