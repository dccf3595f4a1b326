/**
 * The backup file: one tar holding Strapi's own export, our tables as NDJSON (one row a line,
 * `{"table": ..., "row": {...}}`) and a manifest. With a key, Strapi encrypts its export itself and
 * our tables are sealed with AES-256-GCM under a key derived from the same passphrase (scrypt).
 */

import { execFileSync } from 'node:child_process';
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto';

export const FORMAT = 'newsroom-backup';
export const VERSION = 1;
export const MANIFEST = 'manifest.json';
export const STRAPI_BASE = 'strapi-export';
export const TABLES_FILE = 'custom-tables.ndjson';

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  /** The database the backup was taken from (a restore may go to the other one). */
  database: string;
  /** Strapi's export, as `strapi import --file` takes it. */
  strapiFile: string;
  /** Our tables' file (`.enc` when sealed). */
  tablesFile: string;
  encrypted: boolean;
  /** Rows per custom table. */
  tables: Record<string, number>;
}

const SALT = 16;
const IV = 12;
const TAG = 16;

const keyOf = (passphrase: string, salt: Buffer): Buffer => scryptSync(passphrase, salt, 32);

export const seal = (plain: Buffer, passphrase: string): Buffer => {
  const salt = randomBytes(SALT);
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', keyOf(passphrase, salt), iv);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([salt, iv, cipher.getAuthTag(), body]);
};

export const unseal = (sealed: Buffer, passphrase: string): Buffer => {
  const salt = sealed.subarray(0, SALT);
  const iv = sealed.subarray(SALT, SALT + IV);
  const tag = sealed.subarray(SALT + IV, SALT + IV + TAG);
  const decipher = createDecipheriv('aes-256-gcm', keyOf(passphrase, salt), iv);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(sealed.subarray(SALT + IV + TAG)), decipher.final()]);
  } catch {
    throw new Error(
      'Cannot decrypt the custom tables: wrong BACKUP_ENCRYPTION_KEY, or a damaged file.',
    );
  }
};

/** `tar` of the files in `dir` into `file` (the system's tar: GNU, BSD and Windows 10+ have one). */
export const packDirectory = (dir: string, file: string): void => {
  execFileSync('tar', ['-cf', file, '-C', dir, '.'], { stdio: 'inherit' });
};

export const unpackInto = (file: string, dir: string): void => {
  execFileSync('tar', ['-xf', file, '-C', dir], { stdio: 'inherit' });
};
