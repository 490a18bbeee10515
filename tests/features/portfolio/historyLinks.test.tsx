/**
 * The Portfolio's history links each row to its transaction on the chain's explorer, in a new tab, and shows
 * the hash unlinked on a chain without one; "Export CSV" hands the browser the ledger's CSV (docs/ledger.md)
 * through an object URL it frees afterwards.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import type { Chain } from 'viem';
import { arbitrum } from 'viem/chains';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { UserPoolHistory } from '../../../src/chain/history/userHistory.ts';
import { CommitType } from '../../../src/engine/commits.ts';
import { REVOKE_AFTER_MS } from '../../../src/features/portfolio/downloadText.ts';
import { ledgerCsv } from '../../../src/features/portfolio/ledgerCsv.ts';
import { DEVNET_FIXTURE } from '../../fixtures/deployment.ts';
import { historyPool } from '../../fixtures/pools.ts';
import { showHistory } from './showHistory.tsx';

const EXPLORER = 'https://scan.example';
const withExplorer: Chain = {
  ...arbitrum,
  id: 31337,
  name: 'Olympus devnet',
  blockExplorers: { default: { name: 'Scan', url: EXPLORER } },
};
const withoutExplorer: Chain = { ...arbitrum, id: 31337, name: 'Olympus devnet', blockExplorers: undefined };

const MINT_TX = `0x${'a1'.repeat(32)}` as const;
const TRANSFER_TX = `0x${'b2'.repeat(32)}` as const;

const pool = historyPool();

const data: UserPoolHistory[] = [
  {
    pool,
    events: [
      {
        kind: 'commit',
        blockNumber: 10n,
        logIndex: 1,
        transactionHash: MINT_TX,
        timestamp: 1_796_667_950,
        commitType: CommitType.LongMint,
        amount: 10n ** 18n,
        intervalId: 2n,
        fromEscrow: false,
        mintingFeeWad: 0n,
      },
      {
        kind: 'transfer',
        blockNumber: 12n,
        logIndex: 0,
        transactionHash: TRANSFER_TX,
        side: 'long',
        direction: 'out',
        amount: 400n,
      },
    ],
    priceHistory: new Map(),
    burnFeeHistory: new Map(),
    updateIntervalId: 3n,
    mintingFeeWad: 0n,
    secondaryFeePercent: 0n,
  },
];

function show(chain: Chain) {
  showHistory(data, { appChains: [chain], devnet: DEVNET_FIXTURE });
}

const objectUrls = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  URL.createObjectURL = objectUrls.create;
  URL.revokeObjectURL = objectUrls.revoke;
});

describe("the history's transaction links", () => {
  it('links every row to <explorer>/tx/<hash>, in a new tab that cannot reach back', async () => {
    show(withExplorer);
    const table = await screen.findByRole('table');
    const links = within(table).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `${EXPLORER}/tx/${TRANSFER_TX}`,
      `${EXPLORER}/tx/${MINT_TX}`,
    ]);
    for (const a of links) {
      expect(a).toHaveAttribute('target', '_blank');
      expect(a.getAttribute('rel')?.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
      // As tall as a fingertip on a touch screen (the phone journey measures it).
      expect(a.className).toContain('pointer-coarse:min-h-11');
    }
  });

  it('shows the hash without a link on a chain with no explorer', async () => {
    show(withoutExplorer);
    const table = await screen.findByRole('table');
    expect(within(table).queryAllByRole('link')).toEqual([]);
    expect(within(table).getByTitle(MINT_TX)).toBeInTheDocument();
  });
});

describe('Export CSV', () => {
  it("downloads the ledger's CSV through an object URL, and frees the URL afterwards", async () => {
    show(withExplorer);
    const blobs: Blob[] = [];
    const create = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:ledger';
    });
    const revoke = vi.fn();
    // jsdom has no object URLs: these stand-ins record what the page does with them.
    URL.createObjectURL = create;
    URL.revokeObjectURL = revoke;
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const button = await screen.findByRole('button', { name: 'Export CSV' });
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    fireEvent.click(button);
    // The rows are read (here: cut from the ledger in memory) before the file is made.
    for (let i = 0; i < 20 && create.mock.calls.length === 0; i++) await act(async () => {});
    expect(create).toHaveBeenCalledTimes(1);
    expect(revoke).not.toHaveBeenCalled();
    vi.advanceTimersByTime(REVOKE_AFTER_MS);
    expect(revoke).toHaveBeenCalledWith('blob:ledger');
    vi.useRealTimers();

    expect(create).toHaveBeenCalledTimes(1);
    expect(blobs[0]?.type).toBe('text/csv;charset=utf-8');
    expect(await blobs[0]?.text()).toBe(ledgerCsv(data));
    expect(clicked).toHaveLength(1);
    expect(clicked[0]?.getAttribute('href')).toBe('blob:ledger');
    expect(clicked[0]?.download).toMatch(/^olympus-pools-ledger-31337-\d{4}-\d{2}-\d{2}\.csv$/);
    // The link was only passing through.
    expect(clicked[0]?.isConnected).toBe(false);
  });
});
