/**
 * The log format (config/logger.ts) writes exactly what Strapi's default `prettyPrint` writes:
 * the same `[YYYY-MM-DD HH:mm:ss.SSS] level: message` line, colours and error stacks included,
 * with its timestamp formatted once per second.
 */

import { Writable } from 'node:stream';

import { createLogger, winston } from '@strapi/logger';

import { logFormat } from '../../src/http/log-format';

const linesOf = (format?: ReturnType<typeof logFormat>) => {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logger = createLogger({
    level: 'http',
    ...(format ? { format } : {}),
    transports: [new winston.transports.Stream({ stream })],
  });
  return { logger, lines };
};

describe('the log format', () => {
  afterEach(() => jest.useRealTimers());

  it("writes Strapi's own line, colours included, at a fixed clock", () => {
    jest.useFakeTimers({ now: new Date(2026, 10, 29, 3, 4, 5, 67) });
    const ours = linesOf(logFormat());
    const strapis = linesOf();
    for (const { logger } of [ours, strapis]) {
      logger.http('POST /api/articles/abc/views (1 ms) 200');
      logger.warn('a warning');
      logger.error(new Error('a failure'));
    }
    expect(ours.lines).toEqual(strapis.lines);
    expect(ours.lines[0]).toContain('[2026-11-29 03:04:05.067] ');
    expect(ours.lines[2]).toContain('a failure\nError: a failure');
  });

  it('moves on with the clock: a new second, and the milliseconds within one', () => {
    jest.useFakeTimers({ now: new Date(2026, 10, 29, 23, 59, 59, 998) });
    const { logger, lines } = linesOf(logFormat());
    logger.http('one');
    jest.advanceTimersByTime(1);
    logger.http('two');
    jest.advanceTimersByTime(2);
    logger.http('three');
    expect(lines.map((line) => line.slice(0, 25))).toEqual([
      '[2026-11-29 23:59:59.998]',
      '[2026-11-29 23:59:59.999]',
      '[2026-11-30 00:00:00.001]',
    ]);
  });
});
