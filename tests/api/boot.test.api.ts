/**
 * Booting as an operator does, `strapi start` in a child process: production refuses to start
 * without its secrets, naming each missing one, and the first-admin variables (and TRUST_PROXY=true
 * in production) are checked before anything is served.
 */

import { SECRET_NAMES } from '../../src/setup/secrets';
import { createTestDatabase, type TestDatabase } from '../helpers/database';
import { startStrapiProcess, StrapiStartError } from '../helpers/process';

/** Every secret blank: what a fresh server without secrets has (a `.env` cannot fill them in). */
const NO_SECRETS = Object.fromEntries(SECRET_NAMES.map((name) => [name, '']));

describe('booting with strapi start', () => {
  let db: TestDatabase;

  beforeEach(async () => {
    db = await createTestDatabase('sqlite');
  });
  afterEach(async () => {
    await db.drop();
  });

  /** Starts the app with `secrets` and `env`, expecting it to stop by itself; answers how it stopped. */
  const refusedStart = async (
    secrets: Record<string, string>,
    env: Record<string, string> = {},
  ): Promise<StrapiStartError> => {
    try {
      const started = await startStrapiProcess({
        database: db.env,
        // Outside production, missing secrets are generated into this file: keep it in the test's dir.
        env: { SECRETS_FILE: `${db.env.DATABASE_FILENAME}.secrets.json`, ...env },
        secrets,
        startTimeoutMs: 60_000,
      });
      await started.stop();
    } catch (error) {
      if (error instanceof StrapiStartError && error.exit) return error;
      throw error;
    }
    throw new Error('the app started');
  };

  it('refuses to start in production without secrets, naming every missing variable', async () => {
    const run = await refusedStart(NO_SECRETS, { NODE_ENV: 'production' });

    expect(run.exit?.code).not.toBe(0);
    expect(run.output).toContain('Missing required secrets for production');
    for (const name of SECRET_NAMES) expect(run.output).toContain(name);
  });

  it('names only the secret that is missing in production', async () => {
    const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, `value-of-${name}`]));

    const run = await refusedStart({ ...secrets, JWT_SECRET: '' }, { NODE_ENV: 'production' });

    expect(run.exit?.code).not.toBe(0);
    expect(run.output).toMatch(/Missing required secrets for production: JWT_SECRET\./);
  });

  it('stops when ADMIN_PASSWORD breaks a password rule, saying which', async () => {
    const run = await refusedStart(NO_SECRETS, {
      ADMIN_EMAIL: 'chief@newsroom.test',
      ADMIN_PASSWORD: 'alllowercase1',
    });

    expect(run.exit?.code).not.toBe(0);
    expect(run.output).toContain('ADMIN_PASSWORD');
    expect(run.output).toContain('contain at least one uppercase letter');
    expect(run.output).not.toContain('at least 8 characters');
  });

  it('stops when ADMIN_EMAIL is set without ADMIN_PASSWORD', async () => {
    const run = await refusedStart(NO_SECRETS, { ADMIN_EMAIL: 'chief@newsroom.test' });

    expect(run.exit?.code).not.toBe(0);
    expect(run.output).toContain('ADMIN_PASSWORD is not set');
  });

  it('refuses TRUST_PROXY=true in production, saying to list the proxies instead', async () => {
    const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, `value-of-${name}`]));

    const run = await refusedStart(secrets, {
      NODE_ENV: 'production',
      CORS_ORIGINS: 'https://www.example.com',
      TRUST_PROXY: 'true',
    });

    expect(run.exit?.code).not.toBe(0);
    expect(run.output).toContain('TRUST_PROXY=true trusts X-Forwarded-For from any client');
    expect(run.output).toContain("List your proxies' addresses or CIDRs instead");
  });
});
