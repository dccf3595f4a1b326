/**
 * Retention: with REVISIONS_MAX_PER_ARTICLE=3 and REVISIONS_MAX_AGE_DAYS=30, each article keeps
 * its 3 newest revisions, and a write prunes its own revisions older than 30 days (the history's
 * clock is moved, never waited for); another article's history is not touched.
 */

import { ARTICLE_UID } from '../../src/constants';
import { createArticle, editDraft } from '../helpers/fixtures';
import { revisionHistory, storedRevisions } from '../helpers/revisions';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const DAY_MS = 24 * 60 * 60 * 1000;
const START = new Date('2031-05-01T09:00:00.000Z');

describeWithDatabase('revision retention (3 per article, 30 days)', () => {
  let app: TestApp;
  let now = START;

  beforeAll(async () => {
    app = await bootStrapi({
      env: { REVISIONS_MAX_PER_ARTICLE: '3', REVISIONS_MAX_AGE_DAYS: '30' },
    });
    revisionHistory(app).setClock(() => now);
  });

  afterAll(stopStrapi);

  it('keeps the newest revisions up to the count', async () => {
    const { documentId } = await createArticle(app.strapi, { publish: false, title: 'Take 0' });
    for (const take of [1, 2, 3, 4])
      await editDraft(app.strapi, documentId, { title: `Take ${take}` });
    const kept = await storedRevisions(app, documentId);
    expect(kept.map((row) => row.snapshot?.title)).toEqual(['Take 2', 'Take 3', 'Take 4']);
  });

  it("prunes revisions past the age at the article's next write, and only that article's", async () => {
    now = START;
    const old = await createArticle(app.strapi, { publish: false, title: 'Old news' });
    const other = await createArticle(app.strapi, { publish: false, title: 'Other news' });
    now = new Date(START.getTime() + 31 * DAY_MS);
    await editDraft(app.strapi, old.documentId, { title: 'Old news, revisited' });

    expect((await storedRevisions(app, old.documentId)).map((row) => row.snapshot?.title)).toEqual([
      'Old news, revisited',
    ]);
    expect(await storedRevisions(app, other.documentId)).toHaveLength(1);
    expect(
      await app.strapi.db.query(ARTICLE_UID).count({ where: { documentId: old.documentId } }),
    ).toBe(1);
  });
});
