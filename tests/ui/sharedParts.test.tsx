/**
 * Parts that several places draw alike: the explorer link (src/ui/ExplorerLink.tsx), a table's column
 * headers (HeadCells in src/ui/ListTableHead.tsx, under both ListTableHead and SummaryTable), and the shell's
 * add-ons beside the pages (src/app/AddOn.tsx: the alerts and the wallet connection).
 */
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { AddOn } from '../../src/app/AddOn.tsx';
import { ExplorerLink } from '../../src/ui/ExplorerLink.tsx';
import { ListTableHead } from '../../src/ui/ListTableHead.tsx';
import { SummaryTable } from '../../src/ui/SummaryTable.tsx';

const HASH = `0x${'ab'.repeat(32)}`;

describe('ExplorerLink', () => {
  it('opens the explorer’s page in a new tab that cannot reach back, tall enough for a finger', () => {
    render(
      <ExplorerLink explorer="https://arbiscan.io" path={`tx/${HASH}`} className="underline" title={HASH}>
        0xabab…abab
      </ExplorerLink>,
    );
    const link = screen.getByRole('link', { name: '0xabab…abab' });
    expect(link.getAttribute('href')).toBe(`https://arbiscan.io/tx/${HASH}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')?.split(' ')).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    expect(link).toHaveAttribute('title', HASH);
    expect(link).toHaveClass('underline', 'pointer-coarse:min-h-11');
  });

  it('shows the text alone, with its title, on a chain without an explorer', () => {
    render(
      <ExplorerLink explorer={undefined} path={`tx/${HASH}`} title={HASH}>
        0xabab…abab
      </ExplorerLink>,
    );
    expect(screen.queryByRole('link')).toBeNull();
    expect(screen.getByText('0xabab…abab')).toHaveAttribute('title', HASH);
  });
});

describe('table column headers', () => {
  it('heads a list of items with its name, its columns (with their explanations) and an unnamed actions column', () => {
    render(
      <table>
        <ListTableHead
          first="Pool"
          columns={[{ label: 'Skew' }, { label: 'Health', title: 'Keeper on time' }]}
        />
      </table>,
    );
    const heads = screen.getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['Pool', 'Skew', 'Health', 'Actions']);
    expect(heads[2]).toHaveAttribute('title', 'Keeper on time');
    expect(heads[1]).not.toHaveAttribute('title');
    expect(within(heads[3]!).getByText('Actions')).toHaveClass('sr-only');
  });

  it('heads a summary with its corner, then one header a figure', () => {
    render(
      <SummaryTable
        caption="Payoff"
        corner="Side"
        columns={[{ header: 'Gain' }, { header: 'Loss', tone: 'text-short' }]}
        rows={[{ name: 'Long', cells: ['2x', '3x'] }]}
      />,
    );
    const heads = screen.getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual(['Side', 'Gain', 'Loss']);
    expect(heads.every((h) => h.getAttribute('scope') === 'col')).toBe(true);
  });
});

function Broken(): never {
  throw new Error('chunk failed to load\nat line 2');
}

describe('AddOn', () => {
  it('draws nothing until it is wanted', () => {
    const { container } = render(
      <AddOn wanted={false} what="The alerts">
        <p>alerts</p>
      </AddOn>,
    );
    expect(container).toBeEmptyDOMElement();
  });

  it('tells its own failure in its place and leaves what is beside it standing', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <>
        <p>the page</p>
        <AddOn wanted what="The wallet connection">
          <Broken />
        </AddOn>
      </>,
    );
    expect(screen.getByText('the page')).toBeInTheDocument();
    expect(
      screen.getByText(/The wallet connection could not be loaded \(chunk failed to load\)/),
    ).toBeInTheDocument();
    vi.restoreAllMocks();
  });
});
