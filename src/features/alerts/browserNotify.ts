/**
 * Alerts as the operating system's notifications, when the user turned them on and the browser allows them.
 * Only while the user is not looking at the page (it is hidden, or another window has the focus): on a page in
 * front of them, the in-page notice already says it, and a second copy from the OS would be noise
 * (docs/alerts.md).
 */

import type { AlertEvent } from './alertEvents.ts';
import { alertPreference, isOn } from './alertPreference.ts';

function userIsAway(): boolean {
  return document.visibilityState === 'hidden' || !document.hasFocus();
}

/** Shows each event as an OS notification if alerts are on and the user is away; `open` follows its link. */
export function notifyBrowser(events: readonly AlertEvent[], open: (to: string) => void): void {
  if (events.length === 0 || !isOn(alertPreference()) || !userIsAway()) return;
  for (const event of events) {
    try {
      // One tag per pool and kind: a newer alert replaces the older one instead of stacking beside it.
      const notification = new Notification(event.title, { body: event.body, tag: event.tag });
      notification.onclick = () => {
        window.focus();
        open(event.link.to);
        notification.close();
      };
    } catch {
      // Chrome on Android shows notifications only from a service worker, which this app does not have: the
      // in-page notice stands.
    }
  }
}
