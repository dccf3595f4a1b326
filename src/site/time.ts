const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Largest unit first: the first one the distance reaches is the one said. */
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/**
 * How long ago `date` was at `now`, in words ("3 days ago", "yesterday", "now"), with
 * `Intl.RelativeTimeFormat`. Whole units, rounded down: 3 days and 20 hours is "3 days ago". A
 * date in the future (clocks apart) reads "now".
 */
export const relativeTime = (date: Date, now: Date, locale = 'en'): string => {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const elapsed = Math.max(0, now.getTime() - date.getTime());
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
};

/** A date as readers of `locale` write it in full ("28 November 2026, 22:16 UTC"). */
export const fullDate = (date: Date, locale = 'en'): string =>
  new Intl.DateTimeFormat(locale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date);
