import path from 'node:path';

/** The repository root: `dist/` (the app the tests boot) and `node_modules` are under it. */
export const APP_ROOT = path.resolve(__dirname, '..', '..');

/** Fixed secrets for tests: never used anywhere else. */
export const TEST_SECRETS = {
  APP_KEYS: 'test-key-a,test-key-b',
  API_TOKEN_SALT: 'test-api-token-salt',
  ADMIN_JWT_SECRET: 'test-admin-jwt-secret',
  TRANSFER_TOKEN_SALT: 'test-transfer-token-salt',
  JWT_SECRET: 'test-jwt-secret',
  ENCRYPTION_KEY: 'test-encryption-key',
  PREVIEW_SECRET: 'test-preview-secret',
};

export const TEST_ADMIN = {
  email: 'super.admin@newsroom.test',
  password: 'Sup3rSecretPass',
};

/**
 * What every Strapi under test runs with, in this process or as a child: no example content, no
 * cron, no rate limit or per-address cap, no Redis, no trusted proxy and no public registration
 * unless a test asks (tests measure counting, not the guards).
 * Set explicitly because Strapi loads a developer's `.env` for whatever is not set.
 */
export const TEST_APP_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  STRAPI_TELEMETRY_DISABLED: 'true',
  SEED_EXAMPLE_CONTENT: 'false',
  CRON_ENABLED: 'false',
  VIEWS_RATE_LIMIT_PER_MINUTE: '0',
  // Many readers here share 127.0.0.1: the per-address cap is as good as off unless a test sets it.
  VIEWS_MAX_PER_IP_PER_ARTICLE: '1000000',
  REDIS_URL: '',
  TRUST_PROXY: '',
  TRUST_PROXY_HOPS: '',
  PUBLIC_REGISTRATION: '',
  // Most tests read right after writing through db.query: the cache's own tests turn it on.
  CACHE_ENABLED: 'false',
};

/**
 * The whole environment of a child process running the app or one of its commands: the test
 * environment, no first admin unless `env` asks for one, the test secrets unless `env` gives others.
 * Nothing else of this process's environment leaks in (a developer's DATABASE_* say).
 */
export const childProcessEnv = (env: Record<string, string | undefined>): NodeJS.ProcessEnv => ({
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  ...TEST_APP_ENV,
  ADMIN_EMAIL: '',
  ADMIN_PASSWORD: '',
  ...TEST_SECRETS,
  ...env,
});
