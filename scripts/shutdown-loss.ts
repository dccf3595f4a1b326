/**
 * How many acknowledged views a stop loses: starts the built app (`strapi start`) on a fresh
 * database of `DATABASE_CLIENT`'s kind, streams views at it (a new visitor each, 16 senders),
 * stops it with a signal mid-stream and compares the views answered "counted" with the views
 * stored. `npx tsx scripts/shutdown-loss.ts [SIGTERM|SIGKILL] [runs]`; needs `npm run build`
 * or `npx tsc` first. With SIGKILL this is the crash window (docs/operations.md); with any other
 * signal a lost view makes the exit code 1 (CI runs one SIGTERM with Redis).
 */

import {
  connectTestDatabase,
  createTestDatabase,
  type DatabaseClient,
} from '../tests/helpers/database';
import { startStrapiProcess } from '../tests/helpers/process';
import { streamViews } from '../tests/helpers/view-requests';

const SENDERS = 16;
const BEFORE_STOP = 300;

const main = async () => {
  const signal = (process.argv[2] ?? 'SIGTERM') as NodeJS.Signals;
  const runs = Number(process.argv[3] ?? 3);
  const db = await createTestDatabase(process.env.DATABASE_CLIENT as DatabaseClient | undefined);
  const env = {
    SEED_EXAMPLE_CONTENT: 'true',
    ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
  };
  const sql = connectTestDatabase(db);
  let lostOnStop = 0;
  const stored = async (documentId: string): Promise<number> => {
    const row = await sql('article_views').where({ document_id: documentId }).first();
    return Number(row?.views ?? 0);
  };
  try {
    for (let run = 1; run <= runs; run += 1) {
      const app = await startStrapiProcess({ database: db.env, env });
      const article = await sql('articles').whereNotNull('published_at').first('document_id');
      const documentId = String(article.document_id);
      const before = await stored(documentId);
      const started = Date.now();
      const stream = streamViews(app.url, documentId, SENDERS);
      await stream.reached(BEFORE_STOP);
      const rate = (stream.acknowledged * 1000) / (Date.now() - started);
      await app.stop(signal);
      await stream.done;
      const written = (await stored(documentId)) - before;
      const lost = stream.acknowledged - written;
      lostOnStop += lost;
      process.stdout.write(
        `${db.client} ${signal} run ${run}: acknowledged ${stream.acknowledged}, stored ${written}, ` +
          `lost ${lost} (${((lost / rate) * 1000).toFixed(0)} ms of views at ${rate.toFixed(0)} views/s)\n`,
      );
    }
  } finally {
    await sql.destroy();
    await db.drop();
  }
  // A normal stop must lose nothing; a SIGKILL's loss is the figure asked for, not a failure.
  if (signal !== 'SIGKILL' && lostOnStop !== 0) {
    process.stderr.write(`${signal} lost ${lostOnStop} acknowledged views\n`);
    process.exitCode = 1;
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
