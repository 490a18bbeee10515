/**
 * A hostile endpoint's reply on screen: the notices say what happened in the app's words, short enough to
 * leave the page's controls in view, and the endpoint's text appears only inside a closed, labelled details
 * toggle, as plain text.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpRequestError, InvalidInputRpcError, RpcRequestError } from 'viem';
import { describe, expect, it } from 'vitest';
import { describeReadFailure } from '../../src/chain/errors/endpointFailure.ts';
import { freshnessOf } from '../../src/chain/pools/freshness.ts';
import { ErrorState } from '../../src/ui/ErrorState.tsx';
import { FreshnessNotice } from '../../src/ui/Freshness.tsx';

const URL_ = 'https://rpc.example.org/v2/SECRETKEY123';
const PHISH = 'URGENT: your funds are at risk, withdraw at https://evil.example/claim now';
const HTML_500 = `<!DOCTYPE html><html><body><h1>${PHISH}</h1>${'<p><a href="https://evil.example">Internal Server Error</a></p>'.repeat(100)}</body></html>`;
/** An HTML 500, as viem's http transport reports one. */
const html500 = () =>
  new HttpRequestError({ url: URL_, status: 500, body: {}, details: JSON.stringify(HTML_500) });

/** The notice's text outside the details toggle: what reads as the app's own words. */
function ownText(notice: HTMLElement): string {
  const copy = notice.cloneNode(true) as HTMLElement;
  for (const details of copy.querySelectorAll('details')) details.remove();
  return copy.textContent ?? '';
}

function expectReplyApart(notice: HTMLElement) {
  const own = ownText(notice);
  expect(own).not.toMatch(/URGENT|evil|html|Internal Server Error|SECRET/i);
  expect(own).not.toMatch(/\.\./);
  expect(own.length).toBeLessThan(320);
  const details = notice.querySelector('details');
  expect(details).not.toBeNull();
  expect(details?.open).toBe(false);
  const summary = details?.querySelector('summary');
  expect(summary?.textContent).toBe('Reply from rpc.example.org (not checked by this app)');
  const reply = details?.querySelector('pre');
  // Text, never markup: the page's tags are characters in a monospace box, not elements.
  expect(reply?.textContent).toMatch(/^<!DOCTYPE html><html><body><h1>URGENT/);
  expect(reply?.textContent?.length).toBeLessThanOrEqual(301);
  expect(reply?.className).toMatch(/max-h-24/);
  expect(reply?.className).toMatch(/overflow-auto/);
  expect(reply?.className).toMatch(/font-mono/);
  expect(notice.querySelector('h1, a, p a')).toBeNull();
  expect(notice.textContent).not.toMatch(/SECRET/);
  return summary as HTMLElement;
}

/** The pool figures' notice when rpc.example.org answers the HTML 500, figures as given (none: undefined). */
function html500Notice(figures: {
  receivedAt: number | undefined;
  blockNumber: bigint | undefined;
  nowMs: number;
}) {
  const state = freshnessOf({
    ...figures,
    pollIntervalMs: 5_000,
    error: html500(),
    endpoint: 'rpc.example.org',
  });
  render(<FreshnessNotice state={state} what="pool figures" />);
  return screen.getByRole('alert');
}

describe('an endpoint’s reply, kept apart from the app’s words', () => {
  it('a 6 KB HTML 500 behind stale figures: a short notice, the page only inside the toggle', async () => {
    const notice = html500Notice({ receivedAt: 1_000, blockNumber: 42n, nowMs: 15_000 });
    expect(ownText(notice)).toMatch(
      /^Reconnecting to rpc\.example\.org… The pool figures shown are from 14 s ago \(block 42\)\. The RPC endpoint rpc\.example\.org answered with a server error\. Countdowns are approximate/,
    );
    const summary = expectReplyApart(notice);
    // A native toggle: reached with Tab (a browser opens it with Enter or Space), and opened by a tap.
    await userEvent.tab();
    expect(document.activeElement).toBe(summary);
    await userEvent.click(summary);
    expect(notice.querySelector('details')?.open).toBe(true);
  });

  it('the same before any figure arrived', () => {
    const notice = html500Notice({ receivedAt: undefined, blockNumber: undefined, nowMs: 0 });
    expect(ownText(notice)).toBe(
      'Cannot reach rpc.example.org. The RPC endpoint rpc.example.org answered with a server error. Trying again every few seconds.',
    );
    expectReplyApart(notice);
  });

  it('a failed history read: the app’s sentence, and the endpoint’s chosen words only behind the toggle', () => {
    const phishing = new InvalidInputRpcError(
      new RpcRequestError({ url: URL_, body: {}, error: { code: -32000, message: PHISH } }),
    );
    render(<ErrorState what="your history" problem={describeReadFailure(phishing)} onRetry={() => {}} />);
    const notice = screen.getByRole('alert');
    expect(ownText(notice)).toBe(
      'Could not read your history. The RPC endpoint rpc.example.org refused the request.Retry',
    );
    expect(notice.querySelector('details pre')?.textContent).toBe(PHISH);
    expect(notice.querySelector('a')).toBeNull();
  });

  it('no toggle when the endpoint sent nothing', () => {
    const down = new HttpRequestError({ url: URL_, body: {}, cause: new TypeError('Failed to fetch') });
    render(<ErrorState what="the pools" problem={describeReadFailure(down)} onRetry={() => {}} />);
    const notice = screen.getByRole('alert');
    expect(ownText(notice)).toBe(
      'Could not read the pools. The RPC endpoint rpc.example.org could not be reached.Retry',
    );
    expect(notice.querySelector('details')).toBeNull();
  });
});
