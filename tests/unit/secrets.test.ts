/**
 * The app's secrets: all from the environment in production (a missing one named), elsewhere
 * generated once into a local file and reused, the environment winning.
 */

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
  generateSecrets,
  MissingSecretsError,
  resolveSecrets,
  SECRET_NAMES,
} from '../../src/setup/secrets';

const ALL_SET: Record<string, string> = {
  APP_KEYS: 'k1,k2',
  API_TOKEN_SALT: 'salt',
  ADMIN_JWT_SECRET: 'admin-jwt',
  TRANSFER_TOKEN_SALT: 'transfer',
  JWT_SECRET: 'jwt',
  ENCRYPTION_KEY: 'enc',
  PREVIEW_SECRET: 'preview',
};

describe('resolveSecrets', () => {
  let dir: string;
  let file: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-secrets-'));
    file = path.join(dir, 'nested', 'secrets.json');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const readFile = () => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;

  it('takes every secret from the environment, and writes no file', () => {
    expect(resolveSecrets({ env: { ...ALL_SET }, localFile: file })).toEqual(ALL_SET);
    expect(
      resolveSecrets({ env: { ...ALL_SET, NODE_ENV: 'production' }, localFile: file }),
    ).toEqual(ALL_SET);
    expect(fs.existsSync(file)).toBe(false);
  });

  it('in production, refuses to start, naming every missing secret', () => {
    const env = { NODE_ENV: 'production', APP_KEYS: 'k1', JWT_SECRET: 'jwt', ENCRYPTION_KEY: '' };
    let error: unknown;
    try {
      resolveSecrets({ env, localFile: file });
    } catch (caught) {
      error = caught;
    }

    expect(error).toBeInstanceOf(MissingSecretsError);
    const missing = [
      'API_TOKEN_SALT',
      'ADMIN_JWT_SECRET',
      'TRANSFER_TOKEN_SALT',
      'ENCRYPTION_KEY',
      'PREVIEW_SECRET',
    ];
    expect((error as MissingSecretsError).missing).toEqual(missing);
    expect((error as MissingSecretsError).name).toBe('MissingSecretsError');
    expect((error as Error).message).toContain(
      `Missing required secrets for production: ${missing.join(', ')}.`,
    );
    expect((error as Error).message).not.toContain('APP_KEYS');
    expect(fs.existsSync(file)).toBe(false);
  });

  it('in production, with nothing set, names all six', () => {
    expect(() => resolveSecrets({ env: { NODE_ENV: 'production' }, localFile: file })).toThrow(
      expect.objectContaining({ missing: [...SECRET_NAMES] }),
    );
  });

  it('in production, does not fall back on a local file', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(ALL_SET));

    expect(() => resolveSecrets({ env: { NODE_ENV: 'production' }, localFile: file })).toThrow(
      MissingSecretsError,
    );
  });

  it('elsewhere, generates the missing secrets once, keeps them in the file (0600), and reuses them', () => {
    const first = resolveSecrets({ env: { NODE_ENV: 'development' }, localFile: file });

    for (const name of SECRET_NAMES) expect(first[name]).toEqual(expect.any(String));
    for (const name of SECRET_NAMES) expect(first[name].length).toBeGreaterThanOrEqual(16);
    expect(first.APP_KEYS.split(',')).toHaveLength(4);
    expect(new Set(Object.values(first)).size).toBe(SECRET_NAMES.length);
    expect(readFile()).toEqual(first);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const mtime = fs.statSync(file).mtimeMs;
    const second = resolveSecrets({ env: {}, localFile: file });
    expect(second).toEqual(first);
    expect(fs.statSync(file).mtimeMs).toBe(mtime);
  });

  it('lets the environment win over the file, without writing it into the file', () => {
    const stored = resolveSecrets({ env: {}, localFile: file });

    const resolved = resolveSecrets({ env: { JWT_SECRET: 'from-env' }, localFile: file });

    expect(resolved).toEqual({ ...stored, JWT_SECRET: 'from-env' });
    expect(readFile().JWT_SECRET).toBe(stored.JWT_SECRET);
  });

  it('counts an empty variable as missing', () => {
    const resolved = resolveSecrets({ env: { ...ALL_SET, JWT_SECRET: '' }, localFile: file });

    expect(resolved.JWT_SECRET).not.toBe('');
    expect(resolved.JWT_SECRET).toBe(readFile().JWT_SECRET);
  });

  it('completes a file that lacks some secrets, keeping those it has', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ APP_KEYS: 'kept-a,kept-b', JWT_SECRET: 'kept-jwt' }));

    const resolved = resolveSecrets({ env: {}, localFile: file });

    expect(resolved.APP_KEYS).toBe('kept-a,kept-b');
    expect(resolved.JWT_SECRET).toBe('kept-jwt');
    expect(resolved.ADMIN_JWT_SECRET).toEqual(expect.any(String));
    expect(readFile()).toEqual(resolved);
  });

  it('replaces a file that is not JSON', () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '{ not json');

    const resolved = resolveSecrets({ env: {}, localFile: file });

    expect(readFile()).toEqual(resolved);
  });

  it('uses SECRETS_FILE when no file is given', () => {
    const resolved = resolveSecrets({ env: { SECRETS_FILE: file } });

    expect(readFile()).toEqual(resolved);
  });
});

describe('generateSecrets', () => {
  it('makes six different random secrets each time', () => {
    const a = generateSecrets();
    const b = generateSecrets();

    expect(Object.keys(a).sort()).toEqual([...SECRET_NAMES].sort());
    for (const name of SECRET_NAMES) expect(a[name]).not.toBe(b[name]);
  });
});
