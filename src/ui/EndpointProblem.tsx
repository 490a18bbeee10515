/**
 * A failed read as the app says it: its own sentence, and apart from it, behind a toggle, what the endpoint
 * replied (docs/errors.md). The reply is someone else's text: it is labelled as theirs, drawn as plain text in
 * monospace (never as HTML or a link), and kept to a few wrapped lines that scroll inside their own box, so a
 * long error page cannot push the page's controls away.
 */

/** What an endpoint sent, already cleaned and cut short by the chain layer. */
export interface ReplyView {
  /** The endpoint's host; undefined when no endpoint is known to have sent the text. */
  from: string | undefined;
  text: string;
  cut: boolean;
}

/** A failure as a screen shows it: the app's sentence, and the endpoint's reply when it sent one. */
export interface ProblemView {
  sentence: string;
  reply?: ReplyView | undefined;
}

export function ProviderReply({ reply }: { reply: ReplyView }) {
  const label = reply.from
    ? `Reply from ${reply.from} (not checked by this app)`
    : 'The error as it was raised (not checked by this app)';
  return (
    <details className="mt-2 min-w-0 text-xs text-ink-400" data-provider-reply="">
      {/* A fingertip's height on touch screens, as every other control (src/styles.css). */}
      <summary className="cursor-pointer underline decoration-dotted underline-offset-2 hover:text-ink-200 pointer-coarse:min-h-11 pointer-coarse:py-3.5">
        {label}
      </summary>
      {/* About six lines: a cut reply fits, and anything taller scrolls inside the box (browsers let the
          keyboard reach a box that scrolls). */}
      <pre className="mt-1 max-h-24 max-w-full overflow-auto rounded-lg border border-ink-700 bg-ink-950 p-2 font-mono whitespace-pre-wrap text-ink-200 [overflow-wrap:anywhere]">
        {reply.cut ? `${reply.text}…` : reply.text}
      </pre>
      {reply.cut ? <p className="mt-1">Cut short: the reply was longer.</p> : null}
    </details>
  );
}
