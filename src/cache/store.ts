import { LRUCache } from 'lru-cache';

/** One stored answer: a 200 with its body bytes, ready to send again. */
export interface CachedAnswer {
  body: Buffer;
  contentType: string;
  /** Strong validator: a hash of the body bytes, quoted. */
  etag: string;
  tags: string[];
  /** When it was stored (ms, the store's clock). */
  storedAt: number;
  /** Fresh for this long (ms); kept `staleMs` longer, for outages. */
  ttlMs: number;
  staleMs: number;
}

/** A raw key that normalised to another key: looked up in its place. */
interface Alias {
  alias: string;
}

type Slot = CachedAnswer | Alias;

const isAlias = (slot: Slot): slot is Alias => 'alias' in slot;

/** What {@link ResponseStore.get} finds: the answer, and whether it is past its TTL. */
export interface Found {
  answer: CachedAnswer;
  key: string;
  stale: boolean;
}

/** Bytes a JS string takes at most in memory (UTF-16). */
const stringBytes = (text: string): number => text.length * 2;
/** What an entry's bookkeeping (the LRU node, the object, the tag index) costs, roughly. */
const OVERHEAD_BYTES = 200;

export const sizeOf = (key: string, slot: Slot): number =>
  OVERHEAD_BYTES +
  stringBytes(key) +
  (isAlias(slot)
    ? stringBytes(slot.alias)
    : slot.body.length +
      stringBytes(slot.contentType) +
      stringBytes(slot.etag) +
      slot.tags.reduce((sum, tag) => sum + stringBytes(tag) * 2, 0));

export interface ResponseStore {
  /** The entry under `key` (an alias followed once), fresh or stale; expired ones are gone. */
  get(key: string): Found | undefined;
  set(key: string, answer: CachedAnswer): void;
  /** Remembers that `raw` answers as `normalised` does. */
  alias(raw: string, normalised: string): void;
  /** Forgets every entry holding any of `tags`; returns how many. */
  purgeTags(tags: string[]): number;
  purgeAll(): void;
  /** Bumped by every purge: a load that began before a purge must not store its answer. */
  readonly generation: number;
  readonly bytes: number;
  readonly size: number;
}

/**
 * The in-process store: an LRU bounded in bytes (`maxBytes`), least recently used out first, with
 * a tag index (tag -> keys) kept in step with evictions.
 */
export const createResponseStore = ({
  maxBytes,
  now = Date.now,
}: {
  maxBytes: number;
  now?: () => number;
}): ResponseStore => {
  const byTag = new Map<string, Set<string>>();
  let generation = 0;
  const unindex = (key: string, slot: Slot) => {
    if (isAlias(slot)) return;
    for (const tag of slot.tags) {
      const keys = byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) byTag.delete(tag);
    }
  };
  const lru = new LRUCache<string, Slot>({
    maxSize: maxBytes,
    sizeCalculation: (slot, key) => sizeOf(key, slot),
    dispose: (slot, key) => unindex(key, slot),
  });

  const answerAt = (key: string): Found | undefined => {
    const slot = lru.get(key);
    if (!slot || isAlias(slot)) return undefined;
    const age = now() - slot.storedAt;
    if (age >= slot.ttlMs + slot.staleMs) {
      lru.delete(key);
      return undefined;
    }
    return { answer: slot, key, stale: age >= slot.ttlMs };
  };

  return {
    get(key) {
      const slot = lru.get(key);
      if (!slot) return undefined;
      return isAlias(slot) ? answerAt(slot.alias) : answerAt(key);
    },
    set(key, answer) {
      // Larger than the whole store: not kept (lru-cache would refuse it anyway).
      if (sizeOf(key, answer) > maxBytes) return;
      lru.set(key, answer);
      for (const tag of answer.tags) {
        let keys = byTag.get(tag);
        if (!keys) byTag.set(tag, (keys = new Set()));
        keys.add(key);
      }
    },
    alias(raw, normalised) {
      if (raw !== normalised) lru.set(raw, { alias: normalised });
    },
    purgeTags(tags) {
      generation += 1;
      const keys = new Set<string>();
      for (const tag of tags) for (const key of byTag.get(tag) ?? []) keys.add(key);
      for (const key of keys) lru.delete(key);
      return keys.size;
    },
    purgeAll() {
      generation += 1;
      lru.clear();
      byTag.clear();
    },
    get generation() {
      return generation;
    },
    get bytes() {
      return lru.calculatedSize;
    },
    get size() {
      return lru.size;
    },
  };
};
