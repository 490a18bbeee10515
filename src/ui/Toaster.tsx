/**
 * Transaction toasts: one per write, updated in place from "confirm in wallet" to "confirmed" or the reason it
 * failed, with an explorer link where the chain has one. Announced politely to screen readers.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';

export type ToastTone = 'pending' | 'success' | 'error' | 'info';

export interface Toast {
  id: string;
  tone: ToastTone;
  title: string;
  body?: string;
  link?: { href: string; label: string };
}

interface ToastApi {
  show(toast: Toast): void;
  dismiss(id: string): void;
}

const ToastContext = createContext<ToastApi | undefined>(undefined);

const TONE: Record<ToastTone, string> = {
  pending: 'border-ink-600',
  success: 'border-long/60',
  error: 'border-short/60',
  info: 'border-ink-600',
};

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: string) => setToasts((all) => all.filter((t) => t.id !== id)), []);
  const show = useCallback(
    (toast: Toast) => {
      setToasts((all) => [...all.filter((t) => t.id !== toast.id), toast].slice(-5));
      if (toast.tone === 'success' || toast.tone === 'info') setTimeout(() => dismiss(toast.id), 8000);
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section
        aria-label="Notifications"
        aria-live="polite"
        className="fixed right-4 bottom-4 z-50 flex w-96 max-w-[90vw] flex-col gap-2"
      >
        {toasts.map((t) => (
          <div key={t.id} className={`rounded-xl border bg-ink-900 p-4 shadow-lg ${TONE[t.tone]}`}>
            <div className="flex items-start justify-between gap-3">
              <p className="font-semibold">
                {t.tone === 'pending' ? (
                  <span
                    className="mr-2 inline-block size-3 animate-spin rounded-full border-2 border-current border-t-transparent"
                    aria-hidden
                  />
                ) : null}
                {t.title}
              </p>
              <button
                type="button"
                className="text-ink-400 hover:text-ink-50"
                aria-label="Dismiss"
                onClick={() => dismiss(t.id)}
              >
                ×
              </button>
            </div>
            {t.body ? <p className="mt-1 text-sm text-ink-200">{t.body}</p> : null}
            {t.link ? (
              <a
                className="mt-1 inline-block text-sm text-sand-400 underline"
                href={t.link.href}
                target="_blank"
                rel="noreferrer"
              >
                {t.link.label}
              </a>
            ) : null}
          </div>
        ))}
      </section>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts must be used inside ToastProvider');
  return api;
}
