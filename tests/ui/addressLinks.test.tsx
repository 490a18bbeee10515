/**
 * A pool address carried by a link is read by the same rule as one typed into Add pool
 * (src/chain/config/addressText.ts): an address whose mixed case is not its checksum is refused with one sentence on
 * `#/pool?address=`, `#/trade?pool=` and `#/pools?add=`, and is not read. The RPC is a closed port here.
 */
import { screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { getAddress } from 'viem';
import { arbitrum } from 'viem/chains';
import { afterEach, describe, expect, it } from 'vitest';
import { PoolPage } from '../../src/features/pools/PoolPage.tsx';
import { PoolsPage } from '../../src/features/pools/PoolsPage.tsx';
import { TradePage } from '../../src/features/trade/TradePage.tsx';
import { DEVNET_FIXTURE } from '../fixtures/deployment.ts';
import { renderWithWallet } from './renderWithWallet.tsx';

const devnetChain = { ...arbitrum, id: 31337, name: 'Olympus devnet' };
const CHECKSUMMED = getAddress('0x8ba1f109551bd432803012645ac136ddd64dba72');
/** One letter's case flipped: the same hex, a checksum that no longer matches. */
const ALTERED = CHECKSUMMED.replace(/[a-f]/, (c) => c.toUpperCase());

function open(hash: string, page: ReactNode) {
  window.history.replaceState(null, '', `/#${hash}`);
  renderWithWallet(page, { appChains: [devnetChain], devnet: DEVNET_FIXTURE });
}

const refusal = `The pool address in this link, ${ALTERED}, fails its checksum: a character was changed or mistyped, so it may not be the pool you were sent, and it is not opened.`;

afterEach(() => {
  window.history.replaceState(null, '', '/');
});

describe('a pool address with a wrong checksum in a link', () => {
  it('is a different text from the checksummed address, with the same hex', () => {
    expect(ALTERED).not.toBe(CHECKSUMMED);
    expect(ALTERED.toLowerCase()).toBe(CHECKSUMMED.toLowerCase());
  });

  it('is refused by the pool page with one sentence', async () => {
    open(`/pool?address=${ALTERED}`, <PoolPage />);
    expect(await screen.findByText(refusal)).toBeInTheDocument();
  });

  it('is refused by the trade page with one sentence, and no trade form is drawn', async () => {
    open(`/trade?pool=${ALTERED}`, <TradePage />);
    expect(await screen.findByText(refusal)).toBeInTheDocument();
    expect(screen.queryByLabelText(/^Amount/)).toBeNull();
  });

  it('is set aside by the pools list with one sentence', async () => {
    open(`/pools?add=${ALTERED}`, <PoolsPage />);
    expect(
      await screen.findByText(
        /^Failing its checksum \(a character was changed or mistyped, so it may name another pool\), not\s+shown:/,
      ),
    ).toHaveTextContent(ALTERED);
  });

  it('is not refused when it is all lowercase: such an address carries no checksum', async () => {
    open(`/pool?address=${CHECKSUMMED.toLowerCase()}`, <PoolPage />);
    expect(await screen.findByRole('status', { name: 'Loading pool' })).toBeInTheDocument();
    expect(screen.queryByText(/fails its checksum/)).toBeNull();
  });
});
