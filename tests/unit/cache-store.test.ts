/**
 * The response cache's store and keys, without Strapi: the byte bound holds with 100,000
 * distinct URLs, tags purge what holds them, aliases follow their entry, entries go stale then
 * expire on the store's clock, and every purge moves the generation on.
 */

import { CONTENT_API_QUERY_KEYS, normalisedKey, rawKey } from '../../src/cache/key';
import { parseCacheSettings } from '../../src/cache/settings';
import { type CachedAnswer, createResponseStore } from '../../src/cache/store';
import { inspectBody } from '../../src/cache/tags';

const answer = (tags: string[], body = '{"data":[]}', now = 0): CachedAnswer => ({
  body: Buffer.from(body),
  contentType: 'application/json; charset=utf-8',
  etag: '"etag"',
  tags,
  storedAt: now,
  ttlMs: 60_000,
  staleMs: 300_000,
});

describe('the response store', () => {
  it('stays under its byte bound with 100,000 distinct URLs, evicting the oldest', () => {
    const maxBytes = 4 * 1024 * 1024;
    const store = createResponseStore({ maxBytes, now: () => 0 });
    const body = JSON.stringify({ data: { title: 'x'.repeat(800) } });
    for (let i = 0; i < 100_000; i += 1) {
      store.set(`/api/articles/slug/story-${i}`, answer([`doc-${i}`, 'articles'], body));
      store.alias(`/api/articles/slug/story-${i}?utm=${i}`, `/api/articles/slug/story-${i}`);
    }
    expect(store.bytes).toBeLessThanOrEqual(maxBytes);
    expect(store.size).toBeGreaterThan(1000);
    expect(store.get('/api/articles/slug/story-0')).toBeUndefined();
    expect(store.get('/api/articles/slug/story-99999')).toMatchObject({ stale: false });
    // The tag index forgets evicted keys: purging an evicted entry's tag finds nothing.
    expect(store.purgeTags(['doc-0'])).toBe(0);
    const held = store.size;
    expect(store.purgeTags(['articles'])).toBeGreaterThan(0);
    expect(store.size).toBeLessThan(held);
  });

  it('refuses an entry larger than the whole store', () => {
    const store = createResponseStore({ maxBytes: 1024 * 1024, now: () => 0 });
    store.set('/big', answer(['a'], 'x'.repeat(2 * 1024 * 1024)));
    expect(store.size).toBe(0);
  });

  it('purges by tag: entries holding any of the tags, and only those', () => {
    const store = createResponseStore({ maxBytes: 1024 * 1024, now: () => 0 });
    store.set('/a', answer(['doc-a', 'articles']));
    store.set('/b', answer(['doc-b', 'articles']));
    store.set('/s', answer(['sec-1', 'sections']));
    expect(store.purgeTags(['doc-a'])).toBe(1);
    expect(store.get('/a')).toBeUndefined();
    expect(store.get('/b')).toBeDefined();
    expect(store.purgeTags(['articles', 'nothing'])).toBe(1);
    expect(store.get('/s')).toBeDefined();
  });

  it('follows an alias to its entry, and to nothing once the entry is purged', () => {
    const store = createResponseStore({ maxBytes: 1024 * 1024, now: () => 0 });
    store.set('/a', answer(['doc-a']));
    store.alias('/a?status=draft', '/a');
    expect(store.get('/a?status=draft')).toMatchObject({ key: '/a' });
    store.purgeTags(['doc-a']);
    expect(store.get('/a?status=draft')).toBeUndefined();
  });

  it('serves an entry fresh within its TTL, stale within the stale window, then never', () => {
    let now = 0;
    const store = createResponseStore({ maxBytes: 1024 * 1024, now: () => now });
    store.set('/a', answer(['doc-a']));
    expect(store.get('/a')).toMatchObject({ stale: false });
    now = 60_000;
    expect(store.get('/a')).toMatchObject({ stale: true });
    now = 360_000;
    expect(store.get('/a')).toBeUndefined();
  });

  it('moves its generation on at every purge (a load begun before must not store)', () => {
    const store = createResponseStore({ maxBytes: 1024 * 1024, now: () => 0 });
    const before = store.generation;
    store.purgeTags(['nothing']);
    store.purgeAll();
    expect(store.generation).toBe(before + 2);
  });
});

describe('cache keys', () => {
  const keys = CONTENT_API_QUERY_KEYS;

  it('keeps the raw query string as it came', () => {
    expect(rawKey('/api/articles', '')).toBe('/api/articles');
    expect(rawKey('/api/articles', 'b=1&a=2')).toBe('/api/articles?b=1&a=2');
  });

  it('drops what the guards override and unknown keys, and sorts the rest', () => {
    const plain = normalisedKey('/api/articles', 'sort=title&pagination[pageSize]=5', keys);
    expect(
      normalisedKey(
        '/api/articles',
        'pagination[pageSize]=5&status=draft&publicationFilter=x&hasPublishedVersion=false&sort=title&utm=1',
        keys,
      ),
    ).toBe(plain);
    expect(normalisedKey('/api/articles', 'status=draft&x=1', keys)).toBe('/api/articles');
  });

  it('keeps what changes the answer distinct', () => {
    const a = normalisedKey('/api/articles', 'filters[title][$eq]=A', keys);
    const b = normalisedKey('/api/articles', 'filters[title][$eq]=B', keys);
    expect(a).not.toBe(b);
    expect(normalisedKey('/api/articles', 'sort[0]=a&sort[1]=b', keys)).not.toBe(
      normalisedKey('/api/articles', 'sort[0]=b&sort[1]=a', keys),
    );
  });
});

describe('what an answer holds', () => {
  it('lists every document id, nested ones too', () => {
    expect(
      inspectBody({
        data: [{ documentId: 'a', section: { documentId: 's' }, authors: [{ documentId: 'p' }] }],
      }).documentIds.sort(),
    ).toEqual(['a', 'p', 's']);
  });

  it('tells a draft anywhere in it', () => {
    expect(inspectBody({ data: { publishedAt: '2026-01-01' } }).holdsDraft).toBe(false);
    expect(inspectBody({ data: [{ x: { y: [{ publishedAt: null }] } }] }).holdsDraft).toBe(true);
  });
});

describe('the cache settings', () => {
  const valid = { enabled: 'true', maxBytes: '67108864', ttlSeconds: '60', staleSeconds: '300' };

  it('reads the defaults', () => {
    expect(parseCacheSettings(valid)).toMatchObject({
      enabled: true,
      maxBytes: 67_108_864,
      ttlSeconds: 60,
      staleSeconds: 300,
    });
    expect(parseCacheSettings({ ...valid, enabled: 'FALSE' }).enabled).toBe(false);
  });

  it.each([
    [{ enabled: 'yes' }, 'CACHE_ENABLED must be "true" or "false", not "yes".'],
    [
      { maxBytes: '64MB' },
      'CACHE_MAX_BYTES must be a whole number of 1048576 or more, not "64MB".',
    ],
    [{ maxBytes: '1000' }, 'CACHE_MAX_BYTES must be a whole number of 1048576 or more.'],
    [{ ttlSeconds: '0' }, 'CACHE_TTL_SECONDS must be a whole number of 1 or more.'],
    [{ staleSeconds: '-1' }, 'CACHE_STALE_SECONDS must be a whole number of 0 or more, not "-1".'],
  ])('refuses %j, naming the variable', (change, message) => {
    expect(() => parseCacheSettings({ ...valid, ...change })).toThrow(message);
  });
});
