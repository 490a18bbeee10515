/**
 * Runs `work` again and again, `everyMs` after each run ends (never two at once), until the returned stop
 * function is called. A failing run is logged in one line under `name` and the next one goes ahead.
 */
export function repeat(
  name: string,
  work: () => Promise<void>,
  { everyMs, firstAfterMs, log }: { everyMs: number; firstAfterMs: number; log: (line: string) => void },
): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const run = async () => {
    try {
      await work();
    } catch (error) {
      log(`${name}: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    if (!stopped) timer = setTimeout(run, everyMs);
  };
  timer = setTimeout(run, firstAfterMs);
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
