/**
 * The built app (`dist/`) started as an operator starts it, `strapi start` in a child process,
 * for tests and scripts that need a real process: a shutdown, a second instance, a refused boot,
 * a benchmark. Plain Node (no Jest globals), so a `tsx` script can use it too.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import { APP_ROOT, childProcessEnv, TEST_SECRETS } from './env';

export const STRAPI_BIN = path.join(
  APP_ROOT,
  'node_modules',
  '@strapi',
  'strapi',
  'bin',
  'strapi.js',
);

/** How a process ended: its exit code, or the signal that ended it. */
export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface StartOptions {
  /** The `DATABASE_*` variables of the database to serve (a `TestDatabase`'s `env`). */
  database: Record<string, string>;
  /** Variables over everything else (e.g. `NODE_ENV: 'production'`, `REDIS_URL`). */
  env?: Record<string, string>;
  /** The app's secrets; `TEST_SECRETS` unless given (pass blanks to start without any). */
  secrets?: Record<string, string>;
  /** Arguments for `node` itself, before the Strapi binary (e.g. `--cpu-prof`). */
  nodeArgs?: string[];
  /** How long to wait for `/_health` before giving up (the process is then killed). */
  startTimeoutMs?: number;
  /** Called with each chunk the process writes (stdout and stderr), e.g. to echo it. */
  onOutput?: (chunk: string) => void;
  /** How many characters of output to keep for `output()` (the latest ones). */
  outputLimit?: number;
}

export interface StrapiProcess {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Whether the process is still running. */
  readonly alive: boolean;
  /** Resolves when the process has ended (and its output is read). */
  readonly exited: Promise<ProcessExit>;
  /** What it wrote to stdout and stderr, interleaved (the latest `outputLimit` characters). */
  output(): string;
  /**
   * Sends `signal` to the process group and waits for the process to end; SIGKILL after
   * `timeoutMs`. Answers how it ended.
   */
  stop(signal?: NodeJS.Signals, timeoutMs?: number): Promise<ProcessExit>;
}

/**
 * The start failed: the process ended before `/_health` answered (`exit` says how), or it did
 * not answer in time (`exit` undefined; the process was killed).
 */
export class StrapiStartError extends Error {
  constructor(
    message: string,
    readonly exit: ProcessExit | undefined,
    readonly output: string,
  ) {
    super(`${message}\n--- output ---\n${output}`);
    this.name = 'StrapiStartError';
  }
}

/** A TCP port free on the loopback interface at the time of asking. */
export const freePort = async (): Promise<number> => {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
};

/**
 * Every process group started here and not yet ended: killed if this process exits first, since
 * a child in its own group does not die with its parent.
 */
const groups = new Set<number>();
let exitHookInstalled = false;

const signalGroup = (pid: number, signal: NodeJS.Signals): void => {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
};

const trackGroup = (pid: number): void => {
  groups.add(pid);
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => groups.forEach((group) => signalGroup(group, 'SIGKILL')));
};

/** Keeps the latest `limit` characters written. */
const outputTail = (limit: number) => {
  let chunks: string[] = [];
  let length = 0;
  return {
    push(chunk: string) {
      chunks.push(chunk);
      length += chunk.length;
      if (length > limit * 2) {
        const text = chunks.join('').slice(-limit);
        chunks = [text];
        length = text.length;
      }
    },
    text: () => chunks.join('').slice(-limit),
  };
};

const isHealthy = async (url: string): Promise<boolean> => {
  try {
    const res = await fetch(`${url}/_health`, { signal: AbortSignal.timeout(2000) });
    return res.status === 204;
  } catch {
    return false; // not listening yet
  }
};

/**
 * Starts the built app with `strapi start` (cwd: the repository root) on a free loopback port,
 * in a process group of its own, and resolves once `/_health` answers. The environment is only
 * `PATH`, `HOME`, `TEST_APP_ENV`, the secrets, the database and `env`: nothing else of this
 * process leaks in. Throws a `StrapiStartError` when the app does not start.
 */
export const startStrapiProcess = async ({
  database,
  env = {},
  secrets = TEST_SECRETS,
  nodeArgs = [],
  startTimeoutMs = 90_000,
  onOutput,
  outputLimit = 1_000_000,
}: StartOptions): Promise<StrapiProcess> => {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, STRAPI_BIN, 'start'], {
    cwd: APP_ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childProcessEnv({
      ...secrets,
      ...database,
      HOST: '127.0.0.1',
      PORT: String(port),
      ...env,
    }),
  });
  const pid = child.pid;
  if (pid === undefined) throw new StrapiStartError('could not spawn strapi start', undefined, '');
  trackGroup(pid);

  const tail = outputTail(outputLimit);
  const keep = (chunk: Buffer) => {
    const text = chunk.toString();
    tail.push(text);
    onOutput?.(text);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);

  let ended: ProcessExit | undefined;
  const exited = new Promise<ProcessExit>((resolve) =>
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      ended = { code, signal };
      groups.delete(pid);
      resolve(ended);
    }),
  );

  const stop = async (signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000) => {
    if (ended) return ended;
    signalGroup(pid, signal);
    const abort = new AbortController();
    const timeout = delay(timeoutMs, undefined, { signal: abort.signal }).then(
      () => signalGroup(pid, 'SIGKILL'),
      () => undefined,
    );
    try {
      return await exited;
    } finally {
      abort.abort();
      await timeout;
    }
  };

  const url = `http://127.0.0.1:${port}`;
  const instance: StrapiProcess = {
    url,
    port,
    pid,
    get alive() {
      return ended === undefined;
    },
    exited,
    output: tail.text,
    stop,
  };

  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (ended) throw new StrapiStartError('strapi start ended', ended, tail.text());
    if (await isHealthy(url)) return instance;
    await Promise.race([delay(200), exited]);
  }
  await stop('SIGKILL');
  throw new StrapiStartError(
    `strapi start did not answer /_health within ${startTimeoutMs} ms`,
    undefined,
    tail.text(),
  );
};

/**
 * Resolves with the process's output once it contains `text` (a log line is written after the
 * answer is sent, and reaches this process a little later); throws after `timeoutMs`.
 */
export const outputContaining = async (
  app: StrapiProcess,
  text: string,
  timeoutMs = 10_000,
): Promise<string> => {
  const deadline = Date.now() + timeoutMs;
  while (!app.output().includes(text)) {
    if (Date.now() > deadline || !app.alive) {
      throw new Error(`the output never contained "${text}"\n--- output ---\n${app.output()}`);
    }
    await delay(50);
  }
  return app.output();
};
