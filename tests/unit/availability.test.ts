/**
 * unit: what makes an instance unavailable, without a database:
 * - `isDatabaseUnavailable`: which errors mean "the database cannot be reached" (a 503) rather
 *   than a query it refused (PostgreSQL and SQLite alike: on SQLite, only these codes show an
 *   outage; a file that cannot be opened or read);
 * - the database probe: one ping per cache period, a fresh check on a cached "up", a timeout;
 * - the drain: resolves once the requests under way are answered, or at its deadline.
 */

import { EventEmitter } from 'node:events';
import http, { type ServerResponse } from 'node:http';

import { createDatabaseProbe, createDrain, isDatabaseUnavailable } from '../../src/availability';

const withCode = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a network timeout', withCode('ETIMEDOUT')],
    ['an unknown host', withCode('ENOTFOUND')],
    ['PostgreSQL shutting down (57P01)', withCode('57P01', 'terminating connection')],
    ['PostgreSQL cannot connect now (57P03)', withCode('57P03')],
    ['a PostgreSQL connection exception (08006)', withCode('08006')],
    [
      'the pool waiting too long',
      new Error('Knex: Timeout acquiring a connection. The pool is probably full.'),
    ],
    ['pg losing its socket', new Error('Connection terminated unexpectedly')],
    ['SQLite unable to open its file', withCode('SQLITE_CANTOPEN')],
    ['SQLite unable to read its file', withCode('SQLITE_IOERR_READ')],
    ['every address of a host refused', new AggregateError([withCode('ECONNREFUSED')], '')],
    ['a wrapped cause', new Error('query failed', { cause: withCode('ECONNREFUSED') })],
    ['an error from another realm (a plain object)', { code: 'ECONNREFUSED', message: 'x' }],
  ])('is true for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a malformed value (22P02)', withCode('22P02', 'invalid input syntax')],
    ['a unique violation (23505)', withCode('23505')],
    ['SQLite busy', withCode('SQLITE_BUSY')],
    ['SQLite constraint', withCode('SQLITE_CONSTRAINT')],
    ['an application error', new Error('Missing or invalid credentials')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('is false for %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('the database probe', () => {
  const setup = (answer: () => Promise<unknown>) => {
    let now = 0;
    const ping = jest.fn(answer);
    const changes: boolean[] = [];
    const probe = createDatabaseProbe({
      ping,
      timeoutMs: 50,
      cacheMs: 1000,
      now: () => now,
      onChange: (result) => changes.push(result.up),
    });
    return { probe, ping, changes, advance: (ms: number) => (now += ms) };
  };

  it('pings once per cache period, concurrent checks sharing one ping', async () => {
    const { probe, ping, advance } = setup(async () => undefined);
    await Promise.all([probe.check(), probe.check(), probe.check()]);
    advance(999);
    expect(await probe.check()).toEqual({ up: true });
    expect(ping).toHaveBeenCalledTimes(1);
    advance(1);
    await probe.check();
    expect(ping).toHaveBeenCalledTimes(2);
  });

  it('asks again on a fresh check when the cached answer is up, not when it is down', async () => {
    let down = false;
    const { probe, ping, changes } = setup(async () => {
      if (down) throw withCode('ECONNREFUSED');
    });
    await probe.check();
    down = true;
    expect(await probe.check()).toEqual({ up: true });
    expect(await probe.check({ fresh: true })).toEqual({ up: false, reason: 'ECONNREFUSED' });
    await probe.check({ fresh: true });
    expect(ping).toHaveBeenCalledTimes(2);
    expect(changes).toEqual([false]);
  });

  it('counts a ping that does not answer in time as down', async () => {
    const { probe } = setup(() => new Promise(() => undefined));
    expect(await probe.check()).toEqual({ up: false, reason: 'no answer within 50 ms' });
  });

  it('takes a connection error a request met as down, until the cache period ends', async () => {
    const { probe, ping, changes, advance } = setup(async () => undefined);
    await probe.check();
    probe.reportDown('connect ECONNREFUSED');
    expect(await probe.check()).toEqual({ up: false, reason: 'connect ECONNREFUSED' });
    advance(1000);
    expect(await probe.check()).toEqual({ up: true });
    expect(ping).toHaveBeenCalledTimes(2);
    expect(changes).toEqual([false, true]);
  });
});

describe('the drain', () => {
  const response = () => new EventEmitter() as unknown as ServerResponse;

  it('resolves once every request under way is answered, and refuses from its start', async () => {
    const drain = createDrain();
    const server = http.createServer();
    const [first, second] = [response(), response()];
    drain.track(first);
    drain.track(second);
    let finished = false;
    const drained = drain.drain(server, 60_000).then((left) => {
      finished = true;
      return left;
    });
    expect(drain.draining).toBe(true);
    first.emit('close');
    await Promise.resolve();
    expect(finished).toBe(false);
    second.emit('close');
    expect(await drained).toBe(0);
  });

  it('gives up at its deadline and answers how many were still under way', async () => {
    const drain = createDrain();
    drain.track(response());
    expect(await drain.drain(http.createServer(), 10)).toBe(1);
  });
});
