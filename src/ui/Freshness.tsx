import type { ReactNode } from 'react';
import { formatAge } from './age.ts';
import { type ProblemView, ProviderReply, type ReplyView } from './EndpointProblem.tsx';
import { ErrorState } from './ErrorState.tsx';
import { Notice } from './Notice.tsx';
import { PageHeader } from './PageHeader.tsx';

/** How fresh the figures on screen are (the chain layer's FreshnessState, as this part displays it). */
export type FreshnessView =
  | { kind: 'loading' }
  | { kind: 'unreachable'; endpoint: string; reason: string; reply?: ReplyView }
  | { kind: 'live'; ageSeconds: number; blockNumber: bigint }
  | {
      kind: 'stale';
      ageSeconds: number;
      blockNumber: bigint;
      endpoint: string;
      /** The app's one sentence for why reads fail; never the endpoint's words, which are `reply`. */
      reason: string | undefined;
      reply?: ReplyView;
    };

/** One line for a page header: live with its block, or how old the figures are. */
export function FreshnessBadge({ state }: { state: FreshnessView }) {
  const [dot, text] =
    state.kind === 'live'
      ? ['bg-long', `Live, block ${state.blockNumber.toString()}`]
      : state.kind === 'stale'
        ? ['bg-warn', `Reconnecting… figures from ${formatAge(state.ageSeconds)} ago`]
        : state.kind === 'unreachable'
          ? ['bg-short', `Cannot reach ${state.endpoint}`]
          : ['bg-ink-500', 'Reading the chain…'];
  return (
    <p
      className="flex min-w-32 items-center justify-end gap-2 text-right text-xs text-ink-400"
      aria-live="polite"
    >
      <span aria-hidden className={`inline-block size-2 rounded-full ${dot}`} />
      <span data-freshness={state.kind}>{text}</span>
    </p>
  );
}

/**
 * The sentence a page shows while its figures cannot be trusted as current: which endpoint fails and why (in
 * the app's words, with the endpoint's own reply behind a toggle), and how old what is shown is. Nothing when
 * the figures are live.
 */
export function FreshnessNotice({ state, what }: { state: FreshnessView; what: string }) {
  if (state.kind === 'stale') {
    return (
      <Notice tone="warn">
        Reconnecting to {state.endpoint}… The {what} shown are from {formatAge(state.ageSeconds)} ago (block{' '}
        {state.blockNumber.toString()}).{state.reason ? ` ${state.reason}` : ''} Countdowns are approximate
        and nothing can be sent until fresh figures arrive.
        {state.reply ? <ProviderReply reply={state.reply} /> : null}
      </Notice>
    );
  }
  if (state.kind === 'unreachable') {
    return (
      <Notice tone="error">
        Cannot reach {state.endpoint}. {state.reason} Trying again every few seconds.
        {state.reply ? <ProviderReply reply={state.reply} /> : null}
      </Notice>
    );
  }
  return null;
}

/**
 * The one problem a page shows above its figures: stale or unreachable figures first (they say why and how
 * old), otherwise a failed read of the pool list with a retry, otherwise nothing.
 */
export function ReadProblem({
  state,
  figures,
  listProblem,
  list,
  onRetry,
}: {
  state: FreshnessView;
  /** What the figures are, for the freshness notice: "pool figures". */
  figures: string;
  /** Why the pool list failed to load, already in the app's words; undefined when it did not fail. */
  listProblem: ProblemView | undefined;
  /** What failed to load, for the error: "the pools". */
  list: string;
  onRetry: () => void;
}) {
  if (state.kind === 'stale' || state.kind === 'unreachable')
    return (
      <div className="mb-4">
        <FreshnessNotice state={state} what={figures} />
      </div>
    );
  if (!listProblem) return null;
  return (
    <div className="mb-4">
      <ErrorState what={list} problem={listProblem} onRetry={onRetry} />
    </div>
  );
}

/**
 * The head of a page that shows live chain figures: its title, how fresh the figures are, and (under it) the
 * one notice for a read that is stale, unreachable or failing.
 */
export function LivePageHeader({
  title,
  subtitle,
  problem,
}: {
  title: string;
  subtitle: ReactNode;
  problem: Parameters<typeof ReadProblem>[0];
}) {
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} actions={<FreshnessBadge state={problem.state} />} />
      <ReadProblem {...problem} />
    </>
  );
}
