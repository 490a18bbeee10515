/**
 * The waiting of the log pager (logPager.ts): the budget the scans of one read share, whose pauses (a rate
 * limit's retry-after, a backoff) hold them all, and the waits themselves, each cut short by an abort.
 */

/**
 * What the scans of one read share: the pauses a rate limit asked of any of them, which every scan waits out
 * before its next request, and the count of requests sent.
 */
export class ScanBudget {
  private readonly pauses = new Set<Promise<void>>();
  requests = 0;
  /** Holds every scan until `over` settles (the provider's retry-after, or a backoff, running out). */
  pause(over: Promise<void>): void {
    const pause: Promise<void> = over.then(
      () => void this.pauses.delete(pause),
      () => void this.pauses.delete(pause),
    );
    this.pauses.add(pause);
  }
  /** Resolves once no pause is left, rejecting with the abort reason as soon as `signal` aborts. */
  async ready(signal: AbortSignal | undefined): Promise<void> {
    while (this.pauses.size > 0) {
      signal?.throwIfAborted();
      await untilAborted(Promise.all(this.pauses), signal);
    }
  }
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Waits `ms` with the injected sleep or a timer, rejecting with the abort reason as soon as `signal` aborts. */
export function wait(
  ms: number,
  sleep: ((ms: number) => Promise<void>) | undefined,
  signal: AbortSignal | undefined,
): Promise<void> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const cleanup = () => signal?.removeEventListener('abort', onAbort);
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      cleanup();
      resolve();
    };
    if (sleep)
      sleep(ms).then(done, (error: unknown) => {
        cleanup();
        reject(error);
      });
    else timer = setTimeout(done, ms);
  });
}
