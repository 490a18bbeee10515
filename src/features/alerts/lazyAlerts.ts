/**
 * The alerts feature has no page of its own: the shell mounts its two parts on every page (docs/alerts.md).
 * `AlertNotices` listens to the pools snapshots the pages read and draws the notices under the header;
 * `AlertsToggle` is the "Alerts: off / on" control for browser notifications. Both load lazily beside the
 * page; if their code cannot load, the app goes on without alerts rather than failing.
 */
import { type ComponentType, lazy } from 'react';

function quietly<P>(load: () => Promise<ComponentType<P>>) {
  const nothing: ComponentType<P> = () => null;
  return lazy(() =>
    load().then(
      (component) => ({ default: component }),
      () => ({ default: nothing }),
    ),
  );
}

export const AlertNotices = quietly(() => import('./AlertNotices.tsx').then((m) => m.AlertNotices));

export const AlertsToggle = quietly<{ className?: string }>(() =>
  import('./AlertsToggle.tsx').then((m) => m.AlertsToggle),
);
