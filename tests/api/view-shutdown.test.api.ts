/**
 * A normal stop loses no view: an instance started with `strapi start`, whose flush interval is
 * never reached, writes every view it counted when it gets SIGTERM, and exits with 0.
 */

import { createArticle } from '../helpers/fixtures';
import { startStrapiProcess, type StrapiProcess } from '../helpers/process';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { dailyTotal, postViewTo, storedViews } from '../helpers/views';

describeWithDatabase('an instance stopped with SIGTERM', () => {
  let app: TestApp;
  let child: StrapiProcess;

  beforeAll(async () => {
    app = await bootStrapi();
    // On the test app's database; its flush interval is never reached, so only the shutdown
    // can write what it counted.
    child = await startStrapiProcess({
      database: app.db.env,
      env: { VIEWS_FLUSH_INTERVAL_MS: '3600000' },
    });
  });
  afterAll(async () => {
    await child?.stop('SIGKILL');
    await stopStrapi();
  });

  it('writes every buffered view before it exits', async () => {
    const article = await createArticle(app.strapi);
    const N = 40;
    const answers = await Promise.all(
      Array.from({ length: N }, (_, i) => postViewTo(child.url, article.documentId, `bye-${i}`)),
    );
    expect(answers.map((res) => res.status)).toEqual(Array(N).fill(200));
    expect(answers.filter((res) => res.body.data.counted)).toHaveLength(N);
    // Nothing is written yet: the views are only in the child's memory.
    expect(await storedViews(app, article.documentId)).toBeUndefined();

    const exit = await child.stop('SIGTERM');

    // One expectation, so that a failure shows what was lost and how the process ended.
    expect({
      stored: await storedViews(app, article.documentId),
      daily: await dailyTotal(app, article.documentId),
      exit,
    }).toEqual({ stored: N, daily: N, exit: { code: 0, signal: null } });
  });
});
