'use strict';

/* global fetch, AbortSignal */

/**
 * The processes and databases a bench run needs: a fresh database (a temporary SQLite file, or a
 * PostgreSQL database made here and dropped at the end), the built app started as a child process,
 * and the bare Node `http` server that serves as the ceiling. Every child is killed when the bench
 * exits, however it exits.
 */

const { spawn } = require('node:child_process');
const { randomBytes } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { clearTimeout, setTimeout } = require('node:timers');

const ROOT = path.resolve(__dirname, '..', '..');
const STRAPI_BIN = path.join(ROOT, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');

const PG = {
  host: process.env.BENCH_PG_HOST || '127.0.0.1',
  port: Number(process.env.BENCH_PG_PORT || 5432),
  user: process.env.BENCH_PG_USER || 'postgres',
  password: process.env.BENCH_PG_PASSWORD || '',
};

/** Every child process still running, killed on exit. */
const children = new Set();
/** Clean-ups still owed (temporary files, databases), run on exit. */
const cleanups = new Set();

const killChildren = (signal = 'SIGKILL') => {
  for (const child of children) {
    try {
      child.kill(signal);
    } catch {
      // already gone
    }
  }
};

let exiting = false;
/** Kills children and runs clean-ups, then exits with `code`. */
const shutdown = async (code) => {
  if (exiting) return;
  exiting = true;
  killChildren('SIGKILL');
  for (const cleanup of [...cleanups].reverse()) {
    try {
      await cleanup();
    } catch (error) {
      process.stderr.write(`bench: clean-up failed: ${error.message}\n`);
    }
  }
  process.exit(code);
};

process.on('exit', () => killChildren('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    process.stderr.write(`\nbench: ${signal} received, stopping.\n`);
    void shutdown(130);
  });
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on the loopback interface. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const randomHex = (bytes) => randomBytes(bytes).toString('hex');

/** The secrets production needs, random for this run. */
const randomSecrets = () => ({
  APP_KEYS: [randomHex(16), randomHex(16)].join(','),
  API_TOKEN_SALT: randomHex(16),
  ADMIN_JWT_SECRET: randomHex(16),
  TRANSFER_TOKEN_SALT: randomHex(16),
  JWT_SECRET: randomHex(16),
  ENCRYPTION_KEY: randomHex(16),
});

const pgAdmin = async (sql) => {
  const { Client } = require('pg');
  const client = new Client({ ...PG, database: 'postgres' });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
};

/**
 * A fresh database for one run. `env` holds every `DATABASE_*` variable (so a developer's `.env`
 * cannot leak in), `knex()` a direct connection for checks and seeding, `drop()` removes it.
 */
const createDatabase = async (client) => {
  const name = `newsroom_bench_${randomHex(4)}`;
  let knexInstance;
  let dropped = false;
  const closeKnex = async () => {
    if (knexInstance) await knexInstance.destroy().catch(() => undefined);
    knexInstance = undefined;
  };

  if (client === 'postgres') {
    await pgAdmin(`CREATE DATABASE "${name}"`);
    const db = {
      client,
      name,
      env: {
        DATABASE_CLIENT: 'postgres',
        DATABASE_URL: '',
        DATABASE_HOST: PG.host,
        DATABASE_PORT: String(PG.port),
        DATABASE_NAME: name,
        DATABASE_USERNAME: PG.user,
        DATABASE_PASSWORD: PG.password,
        DATABASE_SSL: 'false',
        DATABASE_SCHEMA: 'public',
        DATABASE_FILENAME: '',
      },
      knex() {
        knexInstance ??= require('knex')({
          client: 'pg',
          connection: { ...PG, database: name },
          pool: { min: 0, max: 4 },
        });
        return knexInstance;
      },
      async drop() {
        if (dropped) return;
        dropped = true;
        cleanups.delete(db.drop);
        await closeKnex();
        await pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
    cleanups.add(db.drop);
    return db;
  }

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-bench-'));
  const filename = path.join(dir, `${name}.db`);
  const db = {
    client,
    name: filename,
    env: {
      DATABASE_CLIENT: 'sqlite',
      DATABASE_URL: '',
      DATABASE_HOST: '',
      DATABASE_PORT: '',
      DATABASE_NAME: '',
      DATABASE_USERNAME: '',
      DATABASE_PASSWORD: '',
      DATABASE_SSL: 'false',
      DATABASE_SCHEMA: '',
      DATABASE_FILENAME: filename,
    },
    knex() {
      knexInstance ??= require('knex')({
        client: 'better-sqlite3',
        connection: { filename },
        useNullAsDefault: true,
      });
      return knexInstance;
    },
    async drop() {
      if (dropped) return;
      dropped = true;
      cleanups.delete(db.drop);
      await closeKnex();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  cleanups.add(db.drop);
  return db;
};

/** Polls `url` until it answers (any status) or `timeoutMs` passes. */
const waitForHttp = async (url, { timeoutMs, child, log }) => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) {
      throw new Error(`the server exited with code ${child.exitCode} before answering.\n${log()}`);
    }
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await response.arrayBuffer();
      return;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.\n${log()}`);
      }
      await sleep(200);
    }
  }
};

/** Keeps the last `max` characters a child printed, for error messages. */
const tail = (max = 6000) => {
  let text = '';
  return {
    push(chunk) {
      text = (text + chunk.toString()).slice(-max);
    },
    text: () => text,
  };
};

/** Waits for `child` to exit; kills it after `timeoutMs`. Resolves with its exit code. */
const waitForExit = (child, timeoutMs) =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve(child.exitCode);
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

/**
 * Starts the built app (`dist/`) with `strapi start` on `db`, in production mode, with the bench
 * routes on. Resolves once `/_health` answers.
 */
const startStrapi = async (db, { extraEnv = {}, nodeArgs = [], verbose = false } = {}) => {
  const port = await freePort();
  const env = {
    ...process.env,
    ...randomSecrets(),
    ...db.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    PUBLIC_URL: '',
    SEED_EXAMPLE_CONTENT: 'true',
    ADMIN_EMAIL: '',
    ADMIN_PASSWORD: '',
    VIEWS_RATE_LIMIT_PER_MINUTE: '0',
    BENCH_ROUTES: 'true',
    STRAPI_TELEMETRY_DISABLED: 'true',
    CRON_ENABLED: 'false',
    REDIS_URL: '',
    ...extraEnv,
  };
  const log = tail();
  const child = spawn(process.execPath, [...nodeArgs, STRAPI_BIN, 'start'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const onOutput = (chunk) => {
    log.push(chunk);
    if (verbose) process.stderr.write(chunk);
  };
  child.stdout.on('data', onOutput);
  child.stderr.on('data', onOutput);

  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  await waitForHttp(`${baseUrl}/_health`, { timeoutMs: 120_000, child, log: log.text });

  return {
    baseUrl,
    pid: child.pid,
    bootMs: Date.now() - started,
    log: log.text,
    /** SIGTERM: the app writes its buffered views, then exits. Resolves with the exit code. */
    async stop() {
      if (child.exitCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      return waitForExit(child, 30_000);
    },
  };
};

/** The bare Node `http` server (a child process of its own, like Strapi), answering 204. */
const startBareServer = async () => {
  const port = await freePort();
  const log = tail();
  const child = spawn(process.execPath, [path.join(__dirname, 'bare-server.js'), String(port)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  child.stdout.on('data', log.push);
  child.stderr.on('data', log.push);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(baseUrl, { timeoutMs: 10_000, child, log: log.text });
  return {
    baseUrl,
    pid: child.pid,
    async stop() {
      child.kill('SIGTERM');
      return waitForExit(child, 5_000);
    },
  };
};

module.exports = {
  ROOT,
  PG,
  createDatabase,
  shutdown,
  sleep,
  startBareServer,
  startStrapi,
};
