/**
 * "Last update: 3 days ago": the relative time the reader pages print, read on an injected clock
 * (whole units rounded down, the largest unit reached, `Intl.RelativeTimeFormat` wording).
 */

import { relativeTime } from '../../src/site/time';

const NOW = new Date('2026-11-28T12:00:00.000Z');
const before = (ms: number) => new Date(NOW.getTime() - ms);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it.each([
    [0, 'now'],
    [59_000, 'now'],
    [MINUTE, '1 minute ago'],
    [59 * MINUTE, '59 minutes ago'],
    [2 * HOUR + 59 * MINUTE, '2 hours ago'],
    [DAY, 'yesterday'],
    [3 * DAY, '3 days ago'],
    [3 * DAY + 20 * HOUR, '3 days ago'],
    [8 * DAY, 'last week'],
    [21 * DAY, '3 weeks ago'],
    [65 * DAY, '2 months ago'],
    [800 * DAY, '2 years ago'],
  ])('%d ms before now reads "%s"', (ms, words) => {
    expect(relativeTime(before(ms), NOW)).toBe(words);
  });

  it('reads a date ahead of the clock (clocks apart) as "now"', () => {
    expect(relativeTime(new Date(NOW.getTime() + HOUR), NOW)).toBe('now');
  });

  it('speaks the publication language', () => {
    expect(relativeTime(before(3 * DAY), NOW, 'fr')).toBe('il y a 3 jours');
  });
});
