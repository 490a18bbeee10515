import { isOn, toggleAlerts, useAlertPreference } from './alertPreference.ts';

/**
 * "Alerts: off / on": browser notifications for the alerts. Turning them on is the only thing that asks the
 * browser's permission; a refusal is said in the notices (alertPreference.ts).
 */
export function AlertsToggle({ className = '' }: { className?: string }) {
  const preference = useAlertPreference();
  const on = isOn(preference);
  return (
    <button
      type="button"
      onClick={() => {
        if (!preference.asking) void toggleAlerts();
      }}
      aria-busy={preference.asking || undefined}
      title="Browser notifications when a commit of yours is ready to claim, a pool's upkeep is late or a pool is paused"
      className={`inline-flex h-10 items-center gap-2 rounded-lg px-3 text-sm text-ink-200 hover:bg-ink-800 hover:text-ink-50 ${className}`}
    >
      <svg viewBox="0 0 20 20" width="18" height="18" aria-hidden="true" fill="none" stroke="currentColor">
        <path
          d="M10 3a4 4 0 0 0-4 4v3l-1.5 3h11L14 10V7a4 4 0 0 0-4-4zM8.5 16a1.5 1.5 0 0 0 3 0"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
        {on ? null : <path d="M4 4l12 12" strokeWidth="1.5" strokeLinecap="round" />}
      </svg>
      <span>Alerts: {on ? 'on' : 'off'}</span>
    </button>
  );
}
