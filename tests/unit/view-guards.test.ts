import { createGuards } from '../../src/views/guards';

/**
 * The in-process dedupe and rate-limit windows: timed by an injected clock, and bounded, so a
 * flood of distinct visitors costs a fixed amount of memory.
 */

const clockAt = (start: number) => {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
};

describe('the dedupe window in process memory', () => {
  it('counts a visitor once per window and again once the window has ended', async () => {
    const clock = clockAt(0);
    const guards = createGuards({ dedupeWindowSeconds: 60, rateLimitPerMinute: 0, ...clock });
    expect(await guards.firstInWindow('a', 'v1')).toBe(true);
    expect(await guards.firstInWindow('a', 'v1')).toBe(false);
    expect(await guards.firstInWindow('b', 'v1')).toBe(true);
    clock.advance(59_999);
    expect(await guards.firstInWindow('a', 'v1')).toBe(false);
    clock.advance(1);
    expect(await guards.firstInWindow('a', 'v1')).toBe(true);
  });

  it('remembers at most memoryMaxEntries visitors: the least recently seen is forgotten first', async () => {
    const guards = createGuards({
      dedupeWindowSeconds: 60,
      rateLimitPerMinute: 0,
      memoryMaxEntries: 2,
      now: () => 0,
    });
    expect(await guards.firstInWindow('a', 'v1')).toBe(true);
    expect(await guards.firstInWindow('a', 'v2')).toBe(true);
    expect(await guards.firstInWindow('a', 'v1')).toBe(false);
    expect(await guards.firstInWindow('a', 'v3')).toBe(true);
    // v2 was the least recently seen of the three: it is the one forgotten.
    expect(await guards.firstInWindow('a', 'v1')).toBe(false);
    expect(await guards.firstInWindow('a', 'v2')).toBe(true);
  });

  it('counts every view with a window of 0', async () => {
    const guards = createGuards({ dedupeWindowSeconds: 0, rateLimitPerMinute: 0 });
    expect(await guards.firstInWindow('a', 'v1')).toBe(true);
    expect(await guards.firstInWindow('a', 'v1')).toBe(true);
  });
});

describe('the rate limit in process memory', () => {
  it('lets an IP in `rateLimitPerMinute` times per window, then says how long to wait', async () => {
    const clock = clockAt(1_000);
    const guards = createGuards({
      dedupeWindowSeconds: 0,
      rateLimitPerMinute: 2,
      rateLimitWindowSeconds: 60,
      ...clock,
    });
    expect(await guards.retryAfter('192.0.2.1')).toBeNull();
    clock.advance(10_500);
    expect(await guards.retryAfter('192.0.2.1')).toBeNull();
    expect(await guards.retryAfter('192.0.2.1')).toBe(50);
    expect(await guards.retryAfter('192.0.2.2')).toBeNull();
    clock.advance(49_500);
    expect(await guards.retryAfter('192.0.2.1')).toBeNull();
  });

  it('is off with a limit of 0', async () => {
    const guards = createGuards({ dedupeWindowSeconds: 0, rateLimitPerMinute: 0 });
    for (let i = 0; i < 5; i += 1) expect(await guards.retryAfter('192.0.2.1')).toBeNull();
  });
});

describe('the per-address cap in process memory (VIEWS_MAX_PER_IP_PER_ARTICLE)', () => {
  it('lets one address add maxPerIpPerArticle views to an article per dedupe window, then again after it', async () => {
    const clock = clockAt(0);
    const guards = createGuards({
      dedupeWindowSeconds: 60,
      rateLimitPerMinute: 0,
      maxPerIpPerArticle: 3,
      ...clock,
    });
    for (let i = 0; i < 3; i += 1) expect(await guards.underAddressCap('a', 'ip1')).toBe(true);
    expect(await guards.underAddressCap('a', 'ip1')).toBe(false);
    // Another article, another address: allowances of their own.
    expect(await guards.underAddressCap('b', 'ip1')).toBe(true);
    expect(await guards.underAddressCap('a', 'ip2')).toBe(true);
    clock.advance(59_999);
    expect(await guards.underAddressCap('a', 'ip1')).toBe(false);
    clock.advance(1);
    expect(await guards.underAddressCap('a', 'ip1')).toBe(true);
  });

  it('remembers at most memoryMaxEntries article + address pairs: the least recently seen is forgotten first', async () => {
    const guards = createGuards({
      dedupeWindowSeconds: 60,
      rateLimitPerMinute: 0,
      maxPerIpPerArticle: 1,
      memoryMaxEntries: 2,
      now: () => 0,
    });
    expect(await guards.underAddressCap('a', 'ip1')).toBe(true);
    expect(await guards.underAddressCap('a', 'ip2')).toBe(true);
    expect(await guards.underAddressCap('a', 'ip1')).toBe(false);
    expect(await guards.underAddressCap('a', 'ip3')).toBe(true);
    // ip2 was the least recently seen: forgotten, its allowance starts afresh.
    expect(await guards.underAddressCap('a', 'ip1')).toBe(false);
    expect(await guards.underAddressCap('a', 'ip2')).toBe(true);
  });

  it('does not apply with a dedupe window of 0 (every view counts)', async () => {
    const guards = createGuards({
      dedupeWindowSeconds: 0,
      rateLimitPerMinute: 0,
      maxPerIpPerArticle: 1,
    });
    for (let i = 0; i < 5; i += 1) expect(await guards.underAddressCap('a', 'ip1')).toBe(true);
  });
});
