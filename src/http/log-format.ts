import { winston } from '@strapi/logger';

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/**
 * Strapi's log timestamp (`YYYY-MM-DD HH:mm:ss.SSS`, local time), with the part up to the
 * second formatted once per second instead of by fecha on every line: one request-log line per
 * request made fecha a measurable share of a view's CPU time (docs/benchmarks.md).
 */
const cachedTimestamp = () => {
  let second = Number.NaN;
  let prefix = '';
  return (now: number): string => {
    const current = Math.floor(now / 1000);
    if (current !== second) {
      second = current;
      const date = new Date(now);
      prefix =
        `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
        `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
    }
    return `${prefix}.${pad(now % 1000, 3)}`;
  };
};

/**
 * Strapi's default log format (`@strapi/logger`'s `prettyPrint`: timestamp, colours, errors with
 * their stack, `[time] level: message`), line for line, with the timestamp above.
 */
export const logFormat = () => {
  const stamp = cachedTimestamp();
  return winston.format.combine(
    winston.format((info) => {
      info.timestamp = stamp(Date.now());
      return info;
    })(),
    winston.format.colorize(),
    winston.format((info) =>
      info instanceof Error
        ? { ...info, message: `${info.message}${info.stack ? `\n${info.stack}` : ''}` }
        : info,
    )(),
    winston.format.printf(
      ({ level, message, timestamp }) => `[${String(timestamp)}] ${level}: ${String(message)}`,
    ),
  );
};
