/**
 * Amounts where exactness matters show the exact figure on hover and copy (src/ui/TokenAmount.tsx), not only
 * the six significant digits: what waits in escrow for the holder, and the ETH a paid claim costs, to the
 * unit of the token and to the wei.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { formatUnits, parseUnits } from 'viem';
import { arbitrum } from 'viem/chains';
import { describe, expect, it } from 'vitest';
import { connect } from 'wagmi/actions';
import type { PoolSnapshot } from '../../src/chain/pools/poolSnapshot.ts';
import { emptyTotals } from '../../src/engine/commits.ts';
import { AutoClaimOption } from '../../src/features/trade/AutoClaimOption.tsx';
import { MyCommits } from '../../src/features/trade/MyCommits.tsx';
import { formatTokenAmount } from '../../src/ui/format.ts';
import { DEVNET_FIXTURE } from '../fixtures/deployment.ts';
import { NOW, OHM_POOL, withUser } from '../fixtures/pools.ts';
import { renderInRouter, renderWithWallet } from './renderWithWallet.tsx';

const devnet = { ...arbitrum, id: 31337, name: 'Olympus devnet' };
/** More digits than six significant ones: the rounded figure and the exact one differ. */
const REWARD_WEI = 123_456_789_012_345_678n;
const ESCROW_OHM = parseUnits('1.234567891', 9);
const ESCROW_L = parseUnits('12.345678912', 9);

/** The element showing `shown`, whose hover text and copy are the exact amount. */
function exactBehind(scope: HTMLElement, shown: string, exact: string) {
  const element = within(scope).getByText(shown);
  expect(element).toHaveAttribute('title', exact);
  const selection = window.getSelection();
  selection?.selectAllChildren(element);
  const data = new Map<string, string>();
  fireEvent.copy(element, {
    clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
  });
  selection?.removeAllRanges();
  expect(data.get('text/plain')).toBe(exact);
}

describe('exact amounts', () => {
  it('the paid claim’s cost in the trade form', () => {
    renderInRouter(<AutoClaimOption checked onChange={() => undefined} reward={REWARD_WEI} />);
    const shown = `${formatTokenAmount(REWARD_WEI, 18)} ETH`;
    expect(shown).not.toBe(`${formatUnits(REWARD_WEI, 18)} ETH`);
    exactBehind(document.body, shown, '0.123456789012345678 ETH');
  });

  it('what waits in escrow, and the reward of a paid claim among the pending commits', async () => {
    const base = withUser(OHM_POOL, 0n);
    const pool: PoolSnapshot = {
      ...base,
      escrowHeld: { longTokens: ESCROW_L, shortTokens: 0n },
      user: {
        ...base.user!,
        escrow: { longTokens: ESCROW_L, shortTokens: 0n, settlementTokens: ESCROW_OHM },
        commits: [
          {
            intervalId: 6n,
            totals: { ...emptyTotals(), longMintSettlement: parseUnits('1', 9) },
          },
        ],
        paidClaim: { intervalId: 6n, reward: REWARD_WEI },
      },
    };
    const { wagmi } = renderWithWallet(
      <MyCommits pools={[pool]} chainNow={NOW} blockTimestamp={BigInt(NOW)} />,
      {
        appChains: [devnet, arbitrum],
        devnet: DEVNET_FIXTURE,
      },
    );
    await act(async () => {
      await connect(wagmi, { connector: wagmi.connectors[0]!, chainId: 31337 });
    });
    const escrow = (await screen.findByText('Escrow: ready to claim')).closest('section') ?? document.body;
    exactBehind(escrow, '1.23457 OHM', '1.234567891 OHM');
    exactBehind(escrow, '12.3457 L', '12.345678912 L');
    const pending = screen.getByText(/Claim paid for/);
    exactBehind(pending, `${formatTokenAmount(REWARD_WEI, 18)} ETH`, '0.123456789012345678 ETH');
  });
});
