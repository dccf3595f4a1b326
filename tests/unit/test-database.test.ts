/**
 * The guard the test helpers put in front of CREATE and DROP DATABASE: a configurable, safe name
 * prefix, and no server other than this machine's unless the operator allows it.
 */

import { assertTestServer, databasePrefix } from '../helpers/database';

describe('the test database name prefix', () => {
  it('is newsroom_test unless TEST_DATABASE_PREFIX says otherwise', () => {
    expect(databasePrefix('')).toBe('newsroom_test');
    expect(databasePrefix('ci_run_42')).toBe('ci_run_42');
  });

  it.each([
    ['a quote', 'evil"; DROP DATABASE postgres; --'],
    ['capitals', 'Newsroom'],
    ['a hyphen', 'news-room'],
    ['a leading digit', '1newsroom'],
    ['more than 40 characters', 'n'.repeat(41)],
  ])('is refused with %s', (_what, prefix) => {
    expect(() => databasePrefix(prefix)).toThrow(/TEST_DATABASE_PREFIX must be/);
  });
});

describe('the PostgreSQL server tests may create databases on', () => {
  it.each(['127.0.0.1', '127.0.1.1', 'localhost', '::1', '/var/run/postgresql'])(
    'is any loopback or socket address (%s)',
    (host) => {
      expect(() => assertTestServer(host, false)).not.toThrow();
    },
  );

  it.each(['db.example.com', '10.0.0.5', '128.0.0.1', '0.0.0.0'])(
    'is not another machine (%s) unless TEST_PG_ALLOW_REMOTE=true',
    (host) => {
      expect(() => assertTestServer(host, false)).toThrow(/TEST_PG_ALLOW_REMOTE=true/);
      expect(() => assertTestServer(host, true)).not.toThrow();
    },
  );
});
