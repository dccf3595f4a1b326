import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SECRET_NAMES } from '../../src/setup/secrets';
import { APP_ROOT } from '../helpers/strapi';

const STRAPI_BIN = path.join(APP_ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

interface Run {
  code: number | null;
  output: string;
}

/** `strapi start` in a child process, as an operator would run it, with `env` over a clean environment. */
const strapiStart = (env: Record<string, string>): Promise<Run> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-boot-'));
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) =>
        !(SECRET_NAMES as readonly string[]).includes(key) &&
        !key.startsWith('DATABASE_') &&
        !key.startsWith('ADMIN_') &&
        !key.startsWith('JEST'),
    ),
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [STRAPI_BIN, 'start'],
      {
        cwd: APP_ROOT,
        timeout: 60000,
        env: {
          ...base,
          STRAPI_TELEMETRY_DISABLED: 'true',
          SEED_EXAMPLE_CONTENT: 'false',
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_CLIENT: 'sqlite',
          DATABASE_FILENAME: path.join(dir, 'boot.db'),
          SECRETS_FILE: path.join(dir, 'secrets.json'),
          ...env,
        },
      },
      (error, stdout, stderr) => {
        fs.rmSync(dir, { recursive: true, force: true });
        resolve({
          code: error ? (typeof error.code === 'number' ? error.code : 1) : 0,
          output: `${stdout}\n${stderr}`,
        });
      },
    );
  });
};

describe('booting', () => {
  it('refuses to start in production without secrets, naming every missing variable', async () => {
    const run = await strapiStart({ NODE_ENV: 'production' });

    expect(run.code).not.toBe(0);
    expect(run.output).toContain('Missing required secrets for production');
    for (const name of SECRET_NAMES) expect(run.output).toContain(name);
  });

  it('names only the secret that is missing in production', async () => {
    const secrets = Object.fromEntries(SECRET_NAMES.map((name) => [name, `value-of-${name}`]));
    delete secrets.JWT_SECRET;

    const run = await strapiStart({ NODE_ENV: 'production', ...secrets });

    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/Missing required secrets for production: JWT_SECRET\./);
  });

  it('stops when ADMIN_PASSWORD breaks a password rule, saying which', async () => {
    const run = await strapiStart({
      ADMIN_EMAIL: 'chief@newsroom.test',
      ADMIN_PASSWORD: 'alllowercase1',
    });

    expect(run.code).not.toBe(0);
    expect(run.output).toContain('ADMIN_PASSWORD');
    expect(run.output).toContain('contain at least one uppercase letter');
    expect(run.output).not.toContain('at least 8 characters');
  });

  it('stops when ADMIN_EMAIL is set without ADMIN_PASSWORD', async () => {
    const run = await strapiStart({ ADMIN_EMAIL: 'chief@newsroom.test' });

    expect(run.code).not.toBe(0);
    expect(run.output).toContain('ADMIN_PASSWORD is not set');
  });
});
