/**
 * The view buffer: views held per article and day until one flush writes them; a failed write
 * put back and retried; concurrent flushes share one write and lose nothing.
 */

import { createViewBuffer } from '../../src/views/buffer';
import type { DayCount } from '../../src/views/store';

const sorted = (counts: DayCount[]) =>
  [...counts].sort((a, b) => `${a.documentId}${a.day}`.localeCompare(`${b.documentId}${b.day}`));

/** A write that records what it was given (and can be told to fail or to wait). */
const recorder = () => {
  const writes: DayCount[][] = [];
  let failNext = false;
  let hold: Promise<void> | undefined;
  return {
    writes,
    failNext: () => (failNext = true),
    holdWith: (promise: Promise<void>) => (hold = promise),
    write: async (counts: DayCount[]) => {
      if (hold) await hold;
      if (failNext) {
        failNext = false;
        throw new Error('database down');
      }
      writes.push(counts);
    },
  };
};

describe('the view buffer', () => {
  it('holds added views per article and day until a flush writes them once', async () => {
    const db = recorder();
    const buffer = createViewBuffer(db.write);
    buffer.add('a', '2026-03-01');
    buffer.add('a', '2026-03-01');
    buffer.add('a', '2026-03-02');
    buffer.add('b', '2026-03-01', 5);

    expect(buffer.unwritten('a')).toBe(3);
    expect(buffer.unwritten('b')).toBe(5);
    expect(buffer.unwritten('c')).toBe(0);
    expect(buffer.size()).toBe(8);
    expect(db.writes).toEqual([]);

    await buffer.flush();
    expect(db.writes).toHaveLength(1);
    expect(sorted(db.writes[0])).toEqual([
      { documentId: 'a', day: '2026-03-01', views: 2 },
      { documentId: 'a', day: '2026-03-02', views: 1 },
      { documentId: 'b', day: '2026-03-01', views: 5 },
    ]);
    expect(buffer.unwritten('a')).toBe(0);
    expect(buffer.size()).toBe(0);

    // Nothing pending: a flush writes nothing.
    await buffer.flush();
    expect(db.writes).toHaveLength(1);
  });

  it('counts views being written as unwritten until the write ends', async () => {
    const db = recorder();
    let release: () => void = () => undefined;
    db.holdWith(new Promise<void>((resolve) => (release = resolve)));
    const buffer = createViewBuffer(db.write);
    buffer.add('a', '2026-03-01', 4);

    const flushing = buffer.flush();
    buffer.add('a', '2026-03-01');
    expect(buffer.unwritten('a')).toBe(5);
    release();
    await flushing;
    expect(buffer.unwritten('a')).toBe(1);
    expect(db.writes).toEqual([[{ documentId: 'a', day: '2026-03-01', views: 4 }]]);
  });

  it('puts the counts of a failed write back, and writes them with the next flush', async () => {
    const db = recorder();
    const buffer = createViewBuffer(db.write);
    buffer.add('a', '2026-03-01', 2);
    buffer.add('b', '2026-03-01');
    db.failNext();

    await expect(buffer.flush()).rejects.toThrow('database down');
    expect(db.writes).toEqual([]);
    expect(buffer.unwritten('a')).toBe(2);
    expect(buffer.unwritten('b')).toBe(1);
    expect(buffer.size()).toBe(3);

    // Views added after the failure are merged with what is put back.
    buffer.add('a', '2026-03-01');
    await buffer.flush();
    expect(db.writes).toHaveLength(1);
    expect(sorted(db.writes[0])).toEqual([
      { documentId: 'a', day: '2026-03-01', views: 3 },
      { documentId: 'b', day: '2026-03-01', views: 1 },
    ]);
    expect(buffer.size()).toBe(0);
  });

  it('merges views added during a failing write with the ones put back', async () => {
    const db = recorder();
    let release: () => void = () => undefined;
    db.holdWith(new Promise<void>((resolve) => (release = resolve)));
    db.failNext();
    const buffer = createViewBuffer(db.write);
    buffer.add('a', '2026-03-01', 2);
    const flushing = buffer.flush();
    buffer.add('a', '2026-03-01');
    buffer.add('a', '2026-03-02');
    release();
    await expect(flushing).rejects.toThrow('database down');
    expect(buffer.unwritten('a')).toBe(4);
    await buffer.flush();
    expect(sorted(db.writes.flat())).toEqual([
      { documentId: 'a', day: '2026-03-01', views: 3 },
      { documentId: 'a', day: '2026-03-02', views: 1 },
    ]);
  });

  it('shares one write between concurrent flushes and loses nothing added meanwhile', async () => {
    const db = recorder();
    const buffer = createViewBuffer(db.write);
    let expected = 0;
    const flushes: Array<Promise<unknown>> = [];
    for (let i = 0; i < 50; i += 1) {
      buffer.add('a', '2026-03-01');
      expected += 1;
      flushes.push(buffer.flush());
    }
    await Promise.all(flushes);
    await buffer.flush();
    const written = db.writes.flat().reduce((sum, count) => sum + count.views, 0);
    expect(written).toBe(expected);
    expect(buffer.unwritten('a')).toBe(0);
    // Flushes wait for one another: fewer writes than flush calls.
    expect(db.writes.length).toBeLessThan(50);
  });
});
