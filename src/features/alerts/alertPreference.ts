/**
 * Whether the user asked for browser notifications, remembered across reloads in IndexedDB (idb-keyval, the
 * app's persistence dependency), and the browser's permission for them. The permission is asked for only when
 * the user turns alerts on, never on load (docs/alerts.md). Where IndexedDB is missing or refuses (a private
 * window, a frame denied storage), the choice holds for this visit only.
 */
import { createStore as createIdbStore, get, set, type UseStore } from 'idb-keyval';
import { useEffect } from 'react';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { sayNote } from './alertsStore.ts';

export type AlertPermission = NotificationPermission | 'unsupported';

export interface AlertPreference {
  /** False until the stored choice has been read. */
  loaded: boolean;
  /** What the user chose last. */
  wanted: boolean;
  permission: AlertPermission;
  /** The browser's permission prompt is open. */
  asking: boolean;
}

const KEY = 'browser-alerts';
const NOTE_TAG = 'alerts-permission';

export const UNSUPPORTED_SENTENCE =
  'This browser cannot show notifications, so alerts appear on this page only.';
export const DENIED_SENTENCE =
  "Notifications are blocked for this site in your browser's settings, so alerts appear on this page only.";
export const DISMISSED_SENTENCE = 'Notifications were not allowed, so alerts appear on this page only.';

function currentPermission(): AlertPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

function openStore(): UseStore | undefined {
  try {
    return typeof indexedDB === 'undefined' ? undefined : createIdbStore('olympus-alerts', 'preferences');
  } catch {
    return undefined;
  }
}

const store = openStore();
const unread = (): AlertPreference => ({
  loaded: false,
  wanted: false,
  permission: currentPermission(),
  asking: false,
});
const preference = createStore<AlertPreference>()(unread);
const update = (patch: Partial<AlertPreference>) => preference.setState(patch);

async function readWanted(): Promise<boolean> {
  if (!store) return false;
  try {
    return (await get<boolean>(KEY, store)) === true;
  } catch {
    return false;
  }
}

async function remember(wanted: boolean): Promise<void> {
  update({ wanted });
  if (!store) return;
  try {
    await set(KEY, wanted, store);
  } catch {
    // Quota or a closed database: the choice still holds for this visit.
  }
}

/** Read once, when the alerts' code loads; a click before it is read decides on its own. */
const load = () =>
  readWanted().then((wanted) => {
    if (!preference.getState().loaded) update({ loaded: true, wanted });
  });
let loaded = load();

/** Resolves once the stored choice has been read (for tests and the first render). */
export function preferenceLoaded(): Promise<void> {
  return loaded;
}

/** Older Safari answers through a callback rather than a promise. */
function requestPermission(): Promise<NotificationPermission> {
  return new Promise((resolve) => {
    const answer = Notification.requestPermission(resolve);
    if (answer) answer.then(resolve, () => resolve(Notification.permission));
  });
}

/** The control's click: on asks the browser (only now) and remembers a yes; off just remembers. */
export async function toggleAlerts(): Promise<void> {
  if (isOn(preference.getState())) {
    await remember(false);
    return;
  }
  update({ loaded: true });
  if (currentPermission() === 'unsupported') {
    update({ permission: 'unsupported' });
    sayNote(NOTE_TAG, UNSUPPORTED_SENTENCE);
    return;
  }
  update({ asking: true });
  const permission = await requestPermission();
  update({ asking: false, permission });
  if (permission === 'granted') await remember(true);
  else sayNote(NOTE_TAG, permission === 'denied' ? DENIED_SENTENCE : DISMISSED_SENTENCE);
}

/** On: the user asked for them and the browser still allows them (a permission revoked since reads as off). */
export function isOn(preference: AlertPreference): boolean {
  return preference.wanted && preference.permission === 'granted';
}

/** The current preference, outside React (whether to show an OS notification now). */
export function alertPreference(): AlertPreference {
  return preference.getState();
}

export function useAlertPreference(): AlertPreference {
  // The permission may have been changed in the browser's settings while the page was open.
  useEffect(() => {
    const permission = currentPermission();
    if (preference.getState().permission !== permission) update({ permission });
  }, []);
  return useStore(preference);
}

/** A new visit over the same storage: the choice unread, then read again. For tests, between cases. */
export function resetAlertPreferenceForTests(): Promise<void> {
  preference.setState(unread(), true);
  loaded = load();
  return loaded;
}
