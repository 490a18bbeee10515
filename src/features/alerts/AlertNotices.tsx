import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useMediaQuery, WIDE_SCREEN } from '../../ui/useMediaQuery.ts';
import {
  type AlertNotice,
  dismissAllNotices,
  dismissNotice,
  type NoticeTone,
  useNotices,
} from './alertsStore.ts';
import { useAlertWatcher } from './useAlertWatcher.ts';

// Opaque: the notices float over the page.
const TONES: Record<NoticeTone, string> = {
  info: 'border-ink-700 text-ink-200',
  warn: 'border-warn/60 text-warn',
  error: 'border-short/60 text-short',
  success: 'border-long/60 text-long',
};

function NoticeItem({ notice, onDismiss }: { notice: AlertNotice; onDismiss: () => void }) {
  const bodyId = `alert-${notice.id}`;
  return (
    <li
      className={`flex flex-wrap items-center justify-end gap-x-2 rounded-xl border bg-ink-900 py-1 pr-1 pl-4 text-sm shadow-lg shadow-black/40 ${TONES[notice.tone]}`}
    >
      <p id={bodyId} className="min-w-0 flex-1 basis-56 py-2">
        {notice.body}
      </p>
      {notice.link ? (
        <Link
          to={notice.link.to}
          // Following it is acting on it.
          onClick={() => dismissNotice(notice.id)}
          aria-describedby={bodyId}
          className="inline-flex min-h-11 items-center rounded-lg px-3 font-semibold underline hover:bg-ink-800"
        >
          {notice.link.label}
        </Link>
      ) : null}
      <button
        type="button"
        data-dismiss=""
        onClick={onDismiss}
        aria-describedby={bodyId}
        className="inline-flex min-h-11 min-w-11 items-center justify-center rounded-lg px-3 text-ink-200 hover:bg-ink-800 hover:text-ink-50"
      >
        Dismiss
      </button>
    </li>
  );
}

/**
 * The alerts of this visit on every page: a polite live region, newest first, each with where to act and a
 * dismiss button. They float over the page (under the header on a phone, bottom left on a wide screen, away
 * from the toasts) rather than push it down: a notice arriving must not move what the user is about to press.
 * It also runs the watcher that turns snapshots into alerts.
 */
export function AlertNotices() {
  useAlertWatcher();
  const notices = useNotices();
  // The newest few float over the page; the rest wait behind "Dismiss all", so that a phone keeps its page.
  const shown = notices.slice(0, useMediaQuery(WIDE_SCREEN) ? 3 : 1);
  const hidden = notices.length - shown.length;
  const frame = useRef<HTMLDivElement>(null);
  // After a dismiss, focus goes to the notice that took its place, or to the frame when none is left.
  // (A new object each time, so that two dismisses at the same place both move the focus.)
  const [focusAfter, setFocusAfter] = useState<{ index: number }>();
  useEffect(() => {
    if (!focusAfter) return;
    const buttons = frame.current?.querySelectorAll<HTMLButtonElement>('[data-dismiss]') ?? [];
    const next = buttons[Math.min(focusAfter.index, buttons.length - 1)];
    (next ?? frame.current)?.focus();
  }, [focusAfter]);

  return (
    <div
      ref={frame}
      tabIndex={-1}
      className="fixed inset-x-2 top-[4.5rem] z-40 max-h-[60vh] overflow-y-auto md:top-auto md:right-auto md:bottom-4 md:left-4 md:w-[28rem]"
    >
      {/* Always in the page, so that what is added to it is announced. */}
      <div role="status" aria-label="Alerts">
        {shown.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {shown.map((notice, index) => (
              <NoticeItem
                key={notice.id}
                notice={notice}
                onDismiss={() => {
                  dismissNotice(notice.id);
                  setFocusAfter({ index });
                }}
              />
            ))}
          </ul>
        ) : null}
      </div>
      {notices.length > 1 ? (
        <div className="flex items-center justify-end gap-2 pt-1">
          {hidden > 0 ? (
            <span className="rounded-lg bg-ink-900 px-3 py-1 text-xs text-ink-300 shadow-lg">
              {hidden} more {hidden === 1 ? 'alert' : 'alerts'}
            </span>
          ) : null}
          <button
            type="button"
            onClick={() => {
              dismissAllNotices();
              setFocusAfter({ index: 0 });
            }}
            className="inline-flex min-h-11 items-center rounded-lg bg-ink-900 px-3 text-sm text-ink-200 shadow-lg hover:bg-ink-800 hover:text-ink-50"
          >
            Dismiss all alerts
          </button>
        </div>
      ) : null}
    </div>
  );
}
