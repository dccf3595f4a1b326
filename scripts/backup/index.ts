/**
 * `npm run backup -- --file <path>` and `npm run restore -- --file <path>`: Strapi's own export
 * and import (content types, links, assets, core store, webhooks) plus the tables it does not
 * carry (`./tables.ts`), in one file. Run against the app's database as configured (the
 * environment, then `.env`), with the compiled app in dist/. docs/operations.md, "Backups".
 */

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

import type { Knex } from 'knex';

import articleSchema from '../../src/api/article/content-types/article/schema.json';
import { purgeAllFromOutside } from '../../src/cache/purge';
import { APP_ROOT } from '../../tests/helpers/env';
import {
  FORMAT,
  MANIFEST,
  type Manifest,
  packDirectory,
  seal,
  STRAPI_BASE,
  TABLES_FILE,
  unpackInto,
  unseal,
  VERSION,
} from './archive';
import { connectAppDatabase, databaseClient, loadDotEnv } from './connection';
import { CUSTOM_TABLES, readTable, replaceTable, type Row } from './tables';

const HELP = `npm run backup -- --file <path> [--force] [--no-encrypt]
npm run restore -- --file <path> [--force]

backup   writes one file: Strapi's export (content, links, uploads, core store, webhooks) and the
         tables it does not carry (view totals, daily views, slug redirects). Refuses to
         overwrite an existing file without --force. Encrypted when BACKUP_ENCRYPTION_KEY is set,
         unless --no-encrypt.
restore  empties the database's content and those tables and loads the backup (Strapi's import,
         then the tables in one transaction). Refuses a database that holds articles or views
         without --force. An encrypted backup needs BACKUP_ENCRYPTION_KEY.

Stop the app first (its counter writes views every second); restart it after a restore. The
database is the app's (DATABASE_* from the environment, then .env); dist/ must be compiled
(npx tsc -p tsconfig.json or npm run build).`;

class UsageError extends Error {}

interface Command {
  command: 'backup' | 'restore';
  file: string;
  force: boolean;
  encrypt: boolean;
}

const parseCommand = (argv: string[]): Command | undefined => {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      file: { type: 'string', short: 'f' },
      force: { type: 'boolean' },
      'no-encrypt': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return undefined;
  const [command, ...rest] = positionals;
  if ((command !== 'backup' && command !== 'restore') || rest.length > 0) {
    throw new UsageError('Say backup or restore.');
  }
  if (!values.file)
    throw new UsageError(
      `--file <path> is required: where to ${command === 'backup' ? 'write' : 'read'} the backup.`,
    );
  if (command === 'restore' && values['no-encrypt'])
    throw new UsageError('--no-encrypt is for backup.');
  return {
    command,
    file: path.resolve(values.file),
    force: values.force ?? false,
    encrypt: !values['no-encrypt'],
  };
};

/** BACKUP_ENCRYPTION_KEY, checked: at least 16 characters when set. */
const encryptionKey = (): string | undefined => {
  const key = process.env.BACKUP_ENCRYPTION_KEY;
  if (!key) return undefined;
  if (key.length < 16) {
    throw new UsageError(
      'BACKUP_ENCRYPTION_KEY must be at least 16 characters (or unset for a plain backup).',
    );
  }
  return key;
};

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

/** `strapi <args>` on the compiled app, in this environment; throws unless it exits with 0. */
const strapi = (args: string[], what: string): void => {
  // This process's own node flags (tsx's loader) run the TypeScript wrapper.
  const cli = path.join(__dirname, 'compiled-cli.ts');
  const result = spawnSync(process.execPath, [...process.execArgv, cli, ...args], {
    cwd: APP_ROOT,
    stdio: 'inherit',
    env: process.env,
  });
  if (result.status !== 0) {
    throw new Error(
      `${what} failed (strapi ${args[0]} exited with ${result.signal ?? result.status}).`,
    );
  }
};

const ensureCompiled = (): void => {
  if (!fs.existsSync(path.join(APP_ROOT, 'dist', 'config', 'database.js'))) {
    throw new UsageError(
      'dist/ is not compiled: run `npx tsc -p tsconfig.json` (or `npm run build`) first.',
    );
  }
};

/** A fresh directory beside `file` (same disk, so the final rename is atomic). */
const stagingBeside = (file: string): string =>
  fs.mkdtempSync(path.join(path.dirname(file), `.${path.basename(file)}.`));

const backup = async ({ file, force, encrypt }: Command, db: Knex): Promise<void> => {
  if (!fs.existsSync(path.dirname(file)))
    throw new UsageError(`No such directory: ${path.dirname(file)}`);
  if (fs.existsSync(file) && !force)
    throw new UsageError(`${file} exists: pass --force to overwrite it.`);
  const key = encrypt ? encryptionKey() : undefined;
  const staging = stagingBeside(file);
  try {
    say(`Exporting Strapi's content${key ? ' (encrypted)' : ''} ...`);
    strapi(
      [
        'export',
        '--file',
        path.join(staging, STRAPI_BASE),
        ...(key ? ['--key', key] : ['--no-encrypt']),
      ],
      "Strapi's export",
    );
    const strapiFile = fs.readdirSync(staging).find((name) => name.startsWith(STRAPI_BASE));
    if (!strapiFile) throw new Error(`strapi export wrote no ${STRAPI_BASE}.* file.`);

    say('Exporting the view counts and slug history ...');
    const lines: string[] = [];
    const tables: Record<string, number> = {};
    // One read transaction: the three tables as of one moment (PostgreSQL's snapshot; SQLite's lock).
    await db.transaction(async (trx) => {
      for (const table of CUSTOM_TABLES) {
        tables[table.name] = await readTable(trx, table, (row) =>
          lines.push(JSON.stringify({ table: table.name, row })),
        );
      }
    });
    const plain = Buffer.from(lines.length > 0 ? `${lines.join('\n')}\n` : '');
    const tablesFile = key ? `${TABLES_FILE}.enc` : TABLES_FILE;
    fs.writeFileSync(path.join(staging, tablesFile), key ? seal(plain, key) : plain);
    const manifest: Manifest = {
      format: FORMAT,
      version: VERSION,
      createdAt: new Date().toISOString(),
      database: databaseClient(),
      strapiFile,
      tablesFile,
      encrypted: Boolean(key),
      tables,
    };
    fs.writeFileSync(path.join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const partial = `${staging}.tar`;
    packDirectory(staging, partial);
    fs.renameSync(partial, file);
    const counts = Object.entries(tables)
      .map(([name, n]) => `${name} ${n}`)
      .join(', ');
    say(`Backup written: ${file} (${counts})`);
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
    fs.rmSync(`${staging}.tar`, { force: true });
  }
};

const readManifest = (dir: string): Manifest => {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(file)) throw new UsageError('Not a Newsroom backup: it has no manifest.json.');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== FORMAT) throw new UsageError('Not a Newsroom backup (unknown format).');
  if (manifest.version !== VERSION) {
    throw new UsageError(
      `Backup format version ${manifest.version}: this restore reads version ${VERSION}.`,
    );
  }
  return manifest;
};

/** The backup's rows per table, every one checked before anything is written. */
const readRows = (dir: string, manifest: Manifest, key: string | undefined): Map<string, Row[]> => {
  let data: Buffer = fs.readFileSync(path.join(dir, manifest.tablesFile));
  if (manifest.encrypted) {
    if (!key) throw new UsageError('This backup is encrypted: set BACKUP_ENCRYPTION_KEY.');
    data = unseal(data, key);
  }
  const rows = new Map<string, Row[]>(CUSTOM_TABLES.map((table) => [table.name, []]));
  data
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .forEach((line, index) => {
      const { table, row } = JSON.parse(line) as { table: string; row: Row };
      const list = rows.get(table);
      if (!list)
        throw new UsageError(
          `Line ${index + 1} of ${manifest.tablesFile}: unknown table "${table}".`,
        );
      list.push(row);
    });
  for (const [table, list] of rows) {
    const expected = manifest.tables[table] ?? 0;
    if (list.length !== expected) {
      throw new UsageError(
        `The backup is damaged: ${table} has ${list.length} rows, its manifest says ${expected}.`,
      );
    }
  }
  return rows;
};

const count = async (db: Knex, table: string): Promise<number> => {
  if (!(await db.schema.hasTable(table))) return 0;
  const [row] = (await db(table).count({ n: '*' })) as Array<{ n: unknown }>;
  return Number(row?.n ?? 0);
};

/** Whether the database holds anything a restore would destroy. */
const holdsData = async (db: Knex): Promise<boolean> => {
  for (const table of [articleSchema.collectionName, ...CUSTOM_TABLES.map((t) => t.name)]) {
    if ((await count(db, table)) > 0) return true;
  }
  return false;
};

/**
 * After a restore, what the running app keeps from before must go. With REDIS_URL every running
 * instance is told to forget its cached answers and permissions (the invalidation bus's channel);
 * without it there is no way to reach them: they must be restarted (docs/cache.md).
 */
const afterRestore = async (): Promise<void> => {
  const redisUrl = process.env.REDIS_URL ?? '';
  const told = await purgeAllFromOutside(redisUrl, 'restored from a backup').catch(
    (error: Error) => {
      say(`Could not tell the running instances through Redis: ${error.message}`);
      return false;
    },
  );
  if (told) say('Running instances told through Redis to forget their cached answers.');
  say('Start the app again (every instance): caches built before the restore must not survive it.');
};

const restore = async ({ file, force }: Command, db: Knex): Promise<void> => {
  if (!fs.existsSync(file)) throw new UsageError(`No such file: ${file}`);
  if (!force && (await holdsData(db))) {
    throw new UsageError(
      'The database holds articles or views: pass --force to replace them with the backup.',
    );
  }
  const staging = stagingBeside(file);
  try {
    unpackInto(file, staging);
    const manifest = readManifest(staging);
    const key = manifest.encrypted ? encryptionKey() : undefined;
    const rows = readRows(staging, manifest, key);
    say(`Importing Strapi's content from the backup of ${manifest.createdAt} ...`);
    strapi(
      [
        'import',
        '--file',
        path.join(staging, manifest.strapiFile),
        '--force',
        ...(key ? ['--key', key] : []),
      ],
      "Strapi's import",
    );
    say('Restoring the view counts and slug history ...');
    await db.transaction(async (trx) => {
      for (const table of CUSTOM_TABLES) await replaceTable(trx, table, rows.get(table.name) ?? []);
    });
    const counts = CUSTOM_TABLES.map((t) => `${t.name} ${rows.get(t.name)?.length ?? 0}`).join(
      ', ',
    );
    say(`Restored: ${file} (${counts})`);
    await afterRestore();
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
};

const main = async (): Promise<number> => {
  let command: Command | undefined;
  try {
    command = parseCommand(process.argv.slice(2));
    if (!command) {
      say(HELP);
      return 0;
    }
    ensureCompiled();
    loadDotEnv();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${HELP}\n`);
    return 2;
  }
  const db = connectAppDatabase();
  try {
    await (command.command === 'backup' ? backup(command, db) : restore(command, db));
    return 0;
  } catch (error) {
    const usage = error instanceof UsageError;
    process.stderr.write(
      `${command.command} failed: ${usage ? (error as Error).message : (error as Error).stack}\n`,
    );
    return usage ? 2 : 1;
  } finally {
    await db.destroy();
  }
};

main().then((code) => process.exit(code));
