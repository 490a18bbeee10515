import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import {
  type AlertNotice,
  dismissAllNotices,
  dismissNotice,
  type NoticeTone,
  useNotices,
} from './alertsStore.ts';
import { useAlertWatcher } from './useAlertWatcher.ts';

const TONES: Record<NoticeTone, string> = {
  info: 'border-ink-700 bg-ink-900 text-ink-200',
  warn: 'border-warn/40 bg-warn/10 text-warn',
  error: 'border-short/40 bg-short/10 text-short',
  success: 'border-long/40 bg-long/10 text-long',
};

function NoticeItem({ notice, onDismiss }: { notice: AlertNotice; onDismiss: () => void }) {
  const bodyId = `alert-${notice.id}`;
  return (
    <li
      className={`flex flex-wrap items-center justify-end gap-x-2 rounded-xl border py-1 pr-1 pl-4 text-sm ${TONES[notice.tone]}`}
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
 * The alerts of this visit, under the header on every page: a polite live region, newest first, each with
 * where to act and a dismiss button. It also runs the watcher that turns snapshots into alerts.
 */
export function AlertNotices() {
  useAlertWatcher();
  const notices = useNotices();
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
    <div ref={frame} tabIndex={-1} className={notices.length > 0 ? 'mx-auto max-w-7xl px-4 pt-4' : undefined}>
      {/* Always in the page, so that what is added to it is announced. */}
      <div role="status" aria-label="Alerts">
        {notices.length > 0 ? (
          <ul className="flex flex-col gap-2">
            {notices.map((notice, index) => (
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
        <div className="flex justify-end pt-1">
          <button
            type="button"
            onClick={() => {
              dismissAllNotices();
              setFocusAfter({ index: 0 });
            }}
            className="inline-flex min-h-11 items-center rounded-lg px-3 text-sm text-ink-200 hover:bg-ink-800 hover:text-ink-50"
          >
            Dismiss all alerts
          </button>
        </div>
      ) : null}
    </div>
  );
}
