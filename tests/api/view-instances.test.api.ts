import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

import { createArticle } from '../helpers/fixtures';
import { APP_ROOT, bootStrapi, stopStrapi, TEST_SECRETS, type TestApp } from '../helpers/strapi';
import { browserUserAgent, postView, storedViews, viewCounter } from '../helpers/views';

/**
 * More than one Strapi on one database: this test's app (in this process) and others started as
 * child processes with `strapi start`, sharing Redis for deduplication. The child that tests the
 * shutdown never reaches its flush interval, so what it counted reaches the database only through
 * its shutdown; the other writes every 200 ms, so its counts do not depend on the shutdown.
 */

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const onPostgres = process.env.DATABASE_CLIENT === 'postgres';

const freePort = async (): Promise<number> => {
  const server = net.createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as net.AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A second Strapi, started with `strapi start` on the test app's database. */
class ChildStrapi {
  readonly output: string[] = [];
  private exit?: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    readonly process: ChildProcess,
    readonly url: string,
  ) {}

  static async start(app: TestApp, env: Record<string, string> = {}): Promise<ChildStrapi> {
    const port = await freePort();
    const processEnv: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: String(port),
      STRAPI_TELEMETRY_DISABLED: 'true',
      SEED_EXAMPLE_CONTENT: 'false',
      CRON_ENABLED: 'false',
      VIEWS_FLUSH_INTERVAL_MS: '60000',
      VIEWS_RATE_LIMIT_PER_MINUTE: '0',
      ...TEST_SECRETS,
      ...app.db.env,
      ...env,
    };
    const child = spawn(
      process.execPath,
      [`${APP_ROOT}/node_modules/@strapi/strapi/bin/strapi.js`, 'start'],
      { cwd: APP_ROOT, env: processEnv, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const instance = new ChildStrapi(child, `http://127.0.0.1:${port}`);
    instance.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const keep = (chunk: Buffer) => instance.output.push(chunk.toString());
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    running.add(instance);

    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      try {
        if ((await fetch(`${instance.url}/_health`)).status === 204) return instance;
      } catch {
        // Not listening yet.
      }
      await sleep(200);
    }
    instance.kill();
    throw new Error(`the child Strapi did not start:\n${instance.output.join('')}`);
  }

  get alive(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  view(documentId: string, visitor: number | string) {
    return fetch(`${this.url}/api/articles/${documentId}/views`, {
      method: 'POST',
      headers: { 'User-Agent': browserUserAgent(visitor) },
    });
  }

  /** Sends `signal` and waits for the process to end (killed after `timeoutMs`). */
  async stop(signal: NodeJS.Signals = 'SIGTERM', timeoutMs = 30_000) {
    if (this.alive) this.process.kill(signal);
    const timer = setTimeout(() => this.kill(), timeoutMs);
    try {
      return await this.exit;
    } finally {
      clearTimeout(timer);
      running.delete(this);
    }
  }

  kill(): void {
    if (this.alive) this.process.kill('SIGKILL');
    running.delete(this);
  }
}

/** Every child still running: killed in `afterAll` whatever happened. */
const running = new Set<ChildStrapi>();

describe('view counting across instances', () => {
  let app: TestApp;

  /** Polls until the stored total is `expected` (another process writes it), then answers it. */
  const storedEventually = async (documentId: string, expected: number, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    let views = await storedViews(app, documentId);
    while (views !== expected && Date.now() < deadline) {
      await sleep(100);
      views = await storedViews(app, documentId);
    }
    return views;
  };

  const dailyTotal = async (documentId: string): Promise<number> => {
    const rows: Array<{ views: unknown }> = await app.strapi.db
      .connection('article_views_daily')
      .where({ document_id: documentId });
    return rows.reduce((sum, row) => sum + Number(row.views), 0);
  };

  beforeAll(async () => {
    app = await bootStrapi({ env: { REDIS_URL } });
  });
  afterAll(async () => {
    for (const child of [...running]) child.kill();
    await stopStrapi();
  });

  describe('graceful shutdown', () => {
    it('writes every buffered view when the instance gets SIGTERM', async () => {
      const article = await createArticle(app.strapi);
      const child = await ChildStrapi.start(app);
      const N = 40;
      const responses = await Promise.all(
        Array.from({ length: N }, (_, i) => child.view(article.documentId, `shutdown-${i}`)),
      );
      const bodies = (await Promise.all(responses.map((res) => res.json()))) as Array<{
        data: { counted: boolean; views: number };
      }>;
      expect(responses.map((res) => res.status)).toEqual(Array(N).fill(200));
      expect(bodies.filter((body) => body.data.counted)).toHaveLength(N);
      // Nothing is written yet: the views are only in the child's memory.
      expect(await storedViews(app, article.documentId)).toBeUndefined();

      const exit = await child.stop('SIGTERM');
      // One expectation, so that a failure shows what was lost and how the process ended.
      expect({
        stored: await storedViews(app, article.documentId),
        daily: await dailyTotal(article.documentId),
        exit,
      }).toEqual({ stored: N, daily: N, exit: { code: 0, signal: null } });
    });
  });

  describe('two instances sharing Redis and the database', () => {
    let other: ChildStrapi;

    beforeAll(async () => {
      other = await ChildStrapi.start(app, { REDIS_URL, VIEWS_FLUSH_INTERVAL_MS: '200' });
    });
    afterAll(async () => {
      other?.kill();
    });

    it('counts a visitor seen by one instance and then the other once', async () => {
      const article = await createArticle(app.strapi);
      const { documentId } = article;
      // Visitors named after the article: no earlier run's Redis keys can match them.
      const visitor = (name: string) => `${documentId}-${name}`;

      const hereFirst = await postView(app, documentId, visitor('a'));
      expect(hereFirst.body.data).toMatchObject({ counted: true });
      const thereSecond = await other.view(documentId, visitor('a'));
      expect(thereSecond.status).toBe(200);
      expect(((await thereSecond.json()) as { data: { counted: boolean } }).data.counted).toBe(
        false,
      );

      const thereFirst = await other.view(documentId, visitor('b'));
      expect(((await thereFirst.json()) as { data: { counted: boolean } }).data.counted).toBe(true);
      const hereSecond = await postView(app, documentId, visitor('b'));
      expect(hereSecond.body.data.counted).toBe(false);

      // Another visitor counts on either instance.
      const third = await other.view(documentId, visitor('c'));
      expect(((await third.json()) as { data: { counted: boolean } }).data.counted).toBe(true);

      // The same visitor arriving at both instances at once is counted once.
      const [here, there] = await Promise.all([
        postView(app, documentId, visitor('d')),
        other.view(documentId, visitor('d')),
      ]);
      const thereBody = (await there.json()) as { data: { counted: boolean } };
      expect([here.body.data.counted, thereBody.data.counted].filter(Boolean)).toHaveLength(1);

      // Four visitors in all, once each, whichever instance wrote them.
      await viewCounter(app).flush();
      expect(await storedEventually(documentId, 4)).toBe(4);
      await sleep(500); // a few more of the other's flushes: nothing more arrives
      expect(await storedViews(app, documentId)).toBe(4);
      expect(await dailyTotal(documentId)).toBe(4);
    });

    (onPostgres ? describe : describe.skip)('on one PostgreSQL database', () => {
      it('counts 2,000 concurrent distinct views, 1,000 on each instance, exactly', async () => {
        const article = await createArticle(app.strapi);
        const { documentId } = article;
        const PER_INSTANCE = 1000;

        const [here, there] = await Promise.all([
          Promise.all(
            Array.from({ length: PER_INSTANCE }, (_, i) =>
              postView(app, documentId, `${documentId}-here-${i}`),
            ),
          ),
          Promise.all(
            Array.from({ length: PER_INSTANCE }, async (_, i) => {
              const res = await other.view(documentId, `${documentId}-there-${i}`);
              return {
                status: res.status,
                body: (await res.json()) as { data: { counted: boolean } },
              };
            }),
          ),
        ]);
        const all = [...here, ...there];
        expect(all.filter((res) => res.status !== 200)).toEqual([]);
        expect(all.filter((res) => res.body.data.counted === true)).toHaveLength(2 * PER_INSTANCE);

        await viewCounter(app).flush();
        expect(await storedEventually(documentId, 2 * PER_INSTANCE)).toBe(2 * PER_INSTANCE);
        await sleep(500);
        expect(await storedViews(app, documentId)).toBe(2 * PER_INSTANCE);
        expect(await dailyTotal(documentId)).toBe(2 * PER_INSTANCE);
      });
    });
  });
});
