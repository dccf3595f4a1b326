/**
 * Two instances on one PostgreSQL database (this test's app and another started with
 * `strapi start`), each writing its buffer as atomic upserts while the other does: 2,000
 * views of distinct readers, 1,000 on each with 100 in flight, are stored exactly. Always on PostgreSQL,
 * whatever `DATABASE_CLIENT` says: skipped without a server, failed on CI.
 */

import { mapLimit } from '../helpers/concurrency';
import { createArticle } from '../helpers/fixtures';
import { startStrapiProcess, type StrapiProcess } from '../helpers/process';
import { describeNeeding } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { dailyTotal, postView, postViewTo, storedViews, viewCounter } from '../helpers/views';

const PER_INSTANCE = 1000;
const IN_FLIGHT = 100;

describeNeeding('postgres')('two instances on one PostgreSQL database', () => {
  let app: TestApp;
  let other: StrapiProcess;

  beforeAll(async () => {
    // This app writes every 200 ms too, so that both instances' upserts overlap.
    app = await bootStrapi({ database: 'postgres', env: { VIEWS_FLUSH_INTERVAL_MS: '200' } });
    other = await startStrapiProcess({
      database: app.db.env,
      env: { VIEWS_FLUSH_INTERVAL_MS: '200' },
    });
  });
  afterAll(async () => {
    await other?.stop('SIGKILL');
    await stopStrapi();
  });

  it('count 2,000 distinct views sent at once to both instances (100 in flight on each), exactly', async () => {
    const { documentId } = await createArticle(app.strapi);

    // Both instances at once, IN_FLIGHT requests each: enough to overlap every flush, without
    // a thousand simultaneous connects overflowing a busy machine's listen backlog (ECONNRESET).
    const readers = Array.from({ length: PER_INSTANCE }, (_, i) => i);
    const [here, there] = await Promise.all([
      mapLimit(readers, IN_FLIGHT, (i) => postView(app, documentId, `${documentId}-here-${i}`)),
      mapLimit(readers, IN_FLIGHT, (i) =>
        postViewTo(other.url, documentId, `${documentId}-there-${i}`),
      ),
    ]);
    const all = [...here, ...there];
    expect(all.filter((res) => res.status !== 200)).toEqual([]);
    expect(all.filter((res) => res.body.data.counted === true)).toHaveLength(2 * PER_INSTANCE);

    // Both write what they still hold: this one now, the other as it stops.
    await viewCounter(app).flush();
    expect(await other.stop('SIGTERM')).toEqual({ code: 0, signal: null });
    expect(await storedViews(app, documentId)).toBe(2 * PER_INSTANCE);
    expect(await dailyTotal(app, documentId)).toBe(2 * PER_INSTANCE);
  });
});
