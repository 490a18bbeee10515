/**
 * Some browsers refuse storage to a page in a frame of another site (a Safe app, framed by the Safe's UI,
 * in Safari or with third-party storage blocked): reading `window.localStorage` then throws. wagmi and
 * RainbowKit read it directly, so the wallet layer gives them an in-memory one instead. The visit works;
 * only the memory of the last wallet used is lost on reload.
 */
class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  clear() {
    this.items.clear();
  }
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
  setItem(key: string, value: string) {
    this.items.set(key, String(value));
  }
}

/** Makes `window.localStorage` usable, in memory if the browser refuses it; true when it had to. */
export function ensureLocalStorage(): boolean {
  try {
    window.localStorage.getItem('olympus-probe');
    return false;
  } catch {
    Object.defineProperty(window, 'localStorage', { configurable: true, value: new MemoryStorage() });
    return true;
  }
}
