/**
 * A pool that is not an Olympus pool: what failed, one sentence each, and (where money would move) a button
 * the user must press before the page lets them go on. Presentational: the reasons come from the caller.
 */
export function TrustWarning({
  title,
  reasons,
  onAcknowledge,
  acknowledgeLabel = 'I understand the risk: let me trade this pool',
}: {
  title: string;
  reasons: readonly string[];
  /** Where trading (or another write) waits on the user: the button that lets it go on. */
  onAcknowledge?: () => void;
  /** What that button says the user goes on to do. */
  acknowledgeLabel?: string;
}) {
  return (
    <section
      role="alert"
      aria-label={title}
      className="rounded-xl border border-short/50 bg-short/10 px-4 py-3 text-sm text-ink-100"
    >
      <h2 className="font-semibold text-short">{title}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 [overflow-wrap:anywhere]">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {onAcknowledge ? (
        <button
          type="button"
          onClick={onAcknowledge}
          className="mt-3 rounded-lg border border-short/60 px-4 py-2 font-semibold text-short hover:bg-short/20"
        >
          {acknowledgeLabel}
        </button>
      ) : null}
    </section>
  );
}
