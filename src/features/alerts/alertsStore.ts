/**
 * The alerts of this visit: the memory of the last snapshot seen (alertEvents.ts) and the notices on screen.
 * Kept at module level, not in a component, so that a remount of the notices (a page error, a hot reload) does
 * not start a new session and tell what already holds a second time.
 */
import type { Address } from 'viem';
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  type AlertEvent,
  type AlertMemory,
  alertEvents,
  alertStillHolds,
  NO_MEMORY,
  type SnapshotRead,
} from './alertEvents.ts';

export type NoticeTone = 'success' | 'warn' | 'error' | 'info';

export interface AlertNotice {
  id: string;
  /** A newer notice with the same tag takes the older one's place. */
  tag: string;
  tone: NoticeTone;
  body: string;
  link?: { to: string; label: string };
  /** What the notice told, to take it away once it no longer holds; absent for notes about the alerts. */
  about?: { event: AlertEvent; user: Address | undefined };
}

/** Beyond this many, the oldest notices go: a stack, not a log. */
const MAX_NOTICES = 8;

const TONE: Record<AlertEvent['kind'], NoticeTone> = { claimable: 'success', late: 'warn', paused: 'error' };

interface AlertsState {
  memory: AlertMemory;
  notices: readonly AlertNotice[];
}

const alerts = createStore<AlertsState>()(() => ({ memory: NO_MEMORY, notices: [] }));

const setNotices = (notices: readonly AlertNotice[]) => alerts.setState({ notices });

/** Newest first; one per tag. */
function push(list: readonly AlertNotice[], added: readonly AlertNotice[]): readonly AlertNotice[] {
  const tags = new Set(added.map((n) => n.tag));
  return [...[...added].reverse(), ...list.filter((n) => !tags.has(n.tag))].slice(0, MAX_NOTICES);
}

/** Takes one snapshot read in; returns what newly happened (already added as notices). */
export function observeSnapshot(read: SnapshotRead): AlertEvent[] {
  const { memory: before, notices } = alerts.getState();
  const result = alertEvents(before, read);
  const memory = result.memory;
  const current = notices.filter((n) => !n.about || alertStillHolds(n.about.event, n.about.user, memory));
  const added = result.events.map((event) => ({
    id: event.id,
    tag: event.tag,
    tone: TONE[event.kind],
    body: event.body,
    link: event.link,
    about: { event, user: read.user },
  }));
  const changed = added.length > 0 || current.length !== notices.length;
  alerts.setState({ memory, notices: changed ? push(current, added) : notices });
  return result.events;
}

/** One sentence about the alerts themselves (a refused permission), told in the same place. */
export function sayNote(tag: string, body: string): void {
  setNotices(push(alerts.getState().notices, [{ id: `${tag}:${Date.now()}`, tag, tone: 'info', body }]));
}

export function dismissNotice(id: string): void {
  setNotices(alerts.getState().notices.filter((n) => n.id !== id));
}

export function dismissAllNotices(): void {
  setNotices([]);
}

export function useNotices(): readonly AlertNotice[] {
  return useStore(alerts, (state) => state.notices);
}

/** A new visit's alerts: no memory of earlier snapshots and no notices. For tests, between cases. */
export function resetAlertsForTests(): void {
  alerts.setState(alerts.getInitialState(), true);
}
