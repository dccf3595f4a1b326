/**
 * `GET /api/corrections` and `lastSubstantiveUpdateAt`: the corrections page lists the notes of
 * published articles only (a draft's note never shows), newest first, paginated, each with its
 * article's title and slug; bad input is a 400. A note added to a published article moves
 * `lastSubstantiveUpdateAt`; a typo fix, or a caller's own value, does not.
 */

import { note, updatePublished } from '../helpers/desk';
import { expectError } from '../helpers/errors';
import {
  createArticle,
  draftRow,
  editDraft,
  LONG_AGO,
  publishedRows,
  setStored,
  timeOf,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const dated = (text: string, date: string, kind: 'correction' | 'update' = 'correction') => ({
  ...note(text, kind),
  date,
});

describeWithDatabase('corrections', () => {
  let app: TestApp;
  const get = (url: string) => app.request().get(url);

  beforeAll(async () => {
    app = await bootStrapi();
    const older = await createArticle(app.strapi, { title: 'Older story' });
    await updatePublished(app.strapi, older.documentId, {
      notes: [dated('Older correction.', '2026-01-01T10:00:00.000Z')],
    });
    const newer = await createArticle(app.strapi, { title: 'Newer story' });
    await updatePublished(app.strapi, newer.documentId, {
      notes: [
        dated('Newer correction.', '2026-02-01T10:00:00.000Z'),
        dated('An update, not a correction.', '2026-03-01T10:00:00.000Z', 'update'),
      ],
    });
    // Notes readers must never see: a draft's, and an unpublished edit of a published article.
    await createArticle(app.strapi, {
      publish: false,
      title: 'Draft story',
      notes: [dated('EMBARGOED draft note.', '2026-04-01T10:00:00.000Z')],
    });
    const edited = await createArticle(app.strapi, { title: 'Edited story' });
    await editDraft(app.strapi, edited.documentId, {
      notes: [dated('EMBARGOED unpublished note.', '2026-04-02T10:00:00.000Z')],
    });
  });
  afterAll(stopStrapi);

  it('lists published corrections newest first, with their article, and no draft note', async () => {
    const res = await get('/api/corrections');

    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        kind: 'correction',
        text: 'Newer correction.',
        date: '2026-02-01T10:00:00.000Z',
        article: { documentId: expect.any(String), title: 'Newer story', slug: 'newer-story' },
      },
      expect.objectContaining({ text: 'Older correction.', date: '2026-01-01T10:00:00.000Z' }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('EMBARGOED');
    expect(res.body.meta.pagination).toEqual({ page: 1, pageSize: 10, pageCount: 1, total: 2 });
  });

  it('pages through them, and lists updates when asked', async () => {
    const second = await get('/api/corrections?page=2&pageSize=1');
    expect(second.body.data.map((item: { text: string }) => item.text)).toEqual([
      'Older correction.',
    ]);
    expect(second.body.meta.pagination).toEqual({ page: 2, pageSize: 1, pageCount: 2, total: 2 });

    const updates = await get('/api/corrections?kind=update');
    expect(updates.body.data.map((item: { text: string }) => item.text)).toEqual([
      'An update, not a correction.',
    ]);
  });

  it.each(['pageSize=0', 'pageSize=51', 'page=x', 'kind=typo', 'sort=date'])(
    'answers 400 to %s',
    async (query) => {
      expectError(await get(`/api/corrections?${query}`), 400, 'ValidationError');
    },
  );

  it('moves lastSubstantiveUpdateAt for a new note only: not for a typo fix nor a caller', async () => {
    const story = await createArticle(app.strapi, { title: 'Typo story' });
    await setStored(app.strapi, story.documentId, { lastSubstantiveUpdateAt: LONG_AGO });

    await updatePublished(app.strapi, story.documentId, {
      title: 'Typo story, fixed',
      lastSubstantiveUpdateAt: '2030-01-01T00:00:00.000Z',
    });
    const [afterTypo] = await publishedRows(app.strapi, story.documentId);
    expect(timeOf(afterTypo.lastSubstantiveUpdateAt)).toBe(LONG_AGO.getTime());

    const before = Date.now();
    await updatePublished(app.strapi, story.documentId, {
      notes: [note('The mayor spoke on Tuesday.', 'update')],
    });
    const [afterNote] = await publishedRows(app.strapi, story.documentId);
    expect(timeOf(afterNote.lastSubstantiveUpdateAt)).toBeGreaterThanOrEqual(before);
    expect(timeOf((await draftRow(app.strapi, story.documentId)).lastSubstantiveUpdateAt)).toBe(
      timeOf(afterNote.lastSubstantiveUpdateAt),
    );
  });
});
