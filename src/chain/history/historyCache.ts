/**
 * Where scanned history is kept between visits: IndexedDB through idb-keyval (values are stored as structured
 * clones, so bigints survive), one store for the app. Where IndexedDB is missing or refuses (a private window,
 * a test in Node), history is kept in memory for the session instead: slower on the next visit, never wrong.
 */
import { createStore, get, set, type UseStore } from 'idb-keyval';

export interface HistoryCache {
  get<T>(key: string): Promise<T | undefined>;
  set<T>(key: string, value: T): Promise<void>;
}

export function memoryCache(): HistoryCache {
  const entries = new Map<string, unknown>();
  return {
    get: async <T>(key: string) => entries.get(key) as T | undefined,
    set: async <T>(key: string, value: T) => {
      entries.set(key, value);
    },
  };
}

export function persistentCache(): HistoryCache {
  const memory = memoryCache();
  let store: UseStore | undefined;
  try {
    store = typeof indexedDB === 'undefined' ? undefined : createStore('olympus-pools-history', 'logs');
  } catch {
    store = undefined;
  }
  if (!store) return memory;
  const idb = store;
  return {
    async get<T>(key: string) {
      try {
        return (await get<T>(key, idb)) ?? (await memory.get<T>(key));
      } catch {
        return memory.get<T>(key);
      }
    },
    async set<T>(key: string, value: T) {
      await memory.set(key, value);
      try {
        await set(key, value, idb);
      } catch {
        // Quota or a closed database: the session copy in memory still serves.
      }
    },
  };
}
