/**
 * `GET /api/articles/:documentId/related`: editors' pins first in their order (published ones
 * only), then published articles ranked by shared tags, then same section, then recency; never a
 * draft nor the article itself; the same number of SQL statements whatever the corpus; the page
 * payload carries them. An unpublished article's related: 404; bad input: 400.
 */

import { articleCard } from '../../src/api/article/cards';
import { ARTICLE_UID } from '../../src/constants';
import { createTag } from '../helpers/desk';
import { expectError } from '../helpers/errors';
import {
  createArticle,
  createSection,
  type Doc,
  editDraft,
  publishArticle,
  setStored,
  unpublishArticle,
} from '../helpers/fixtures';
import { createImage } from '../helpers/media';
import { describeWithDatabase } from '../helpers/services';
import { sqlDuring } from '../helpers/sql';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('related articles', () => {
  let app: TestApp;
  let source: Doc;
  const stories: Record<string, Doc> = {};
  let day = 0;

  const related = (documentId: string, query = '') =>
    app.request().get(`/api/articles/${documentId}/related${query}`);
  const titles = (res: { body: { data: Array<{ title: string }> } }) =>
    res.body.data.map((article) => article.title);

  /** A published article, each one a day newer than the last. */
  const story = async (title: string, data: Record<string, unknown>) => {
    const article = await createArticle(app.strapi, { title, ...data });
    day += 1;
    await setStored(app.strapi, article.documentId, {
      originallyPublishedAt: new Date(Date.UTC(2026, 0, day)),
    });
    stories[title] = article;
    return article;
  };

  beforeAll(async () => {
    app = await bootStrapi();
    const politics = await createSection(app.strapi, { name: 'Politics' });
    const sport = await createSection(app.strapi, { name: 'Sport' });
    const [a, b, c] = await Promise.all(
      ['Alpha', 'Beta', 'Gamma'].map((name) => createTag(app.strapi, { name })),
    );
    const inSport = { section: sport.documentId };
    const cover = await createImage(app.strapi, 'related-cover');
    await story('Two tags, old', {
      ...inSport,
      tags: [a.documentId, b.documentId],
      cover: cover.id,
    });
    await story('One tag, same section', { section: politics.documentId, tags: [a.documentId] });
    await story('One tag, other section', { ...inSport, tags: [b.documentId] });
    await story('Same section only', { section: politics.documentId, tags: [c.documentId] });
    await story('Nothing shared, newest', inSport);
    await story('Nothing shared, oldest', inSport);
    await setStored(app.strapi, stories['Nothing shared, oldest'].documentId, {
      originallyPublishedAt: new Date(Date.UTC(2025, 0, 1)),
    });
    await createArticle(app.strapi, {
      publish: false,
      title: 'EMBARGOED draft',
      section: politics.documentId,
      tags: [a.documentId, b.documentId],
    });
    source = await story('Source', {
      section: politics.documentId,
      tags: [a.documentId, b.documentId],
    });
  });
  afterAll(stopStrapi);

  it('ranks by shared tags, then same section, then recency; no draft, not itself', async () => {
    const res = await related(source.documentId, '?limit=10');

    expect(res.status).toBe(200);
    expect(titles(res)).toEqual([
      'Two tags, old',
      'One tag, same section',
      'One tag, other section',
      'Same section only',
      'Nothing shared, newest',
      'Nothing shared, oldest',
    ]);
    expect(res.body.data[0]).toMatchObject({ slug: expect.any(String), pinned: false });
    expect(titles(await related(source.documentId, '?limit=2'))).toEqual([
      'Two tags, old',
      'One tag, same section',
    ]);
  });

  it('gives each card as the Document Service and the output sanitizer would', async () => {
    const res = await related(source.documentId, '?limit=10');
    const ids = (res.body.data as Array<{ documentId: string }>).map((card) => card.documentId);

    const reference = await app.strapi.documents(ARTICLE_UID).findMany({
      ...articleCard(),
      status: 'published',
      filters: { documentId: { $in: ids } },
    });
    const sanitized = (await app.strapi.contentAPI.sanitize.output(
      reference,
      app.strapi.contentType(ARTICLE_UID),
    )) as Array<{ documentId: string }>;
    const byId = new Map(sanitized.map((card) => [card.documentId, card]));

    expect(res.body.data).toEqual(ids.map((id) => ({ ...byId.get(id), pinned: false })));
    expect(res.body.data[0]).toMatchObject({
      title: 'Two tags, old',
      section: { name: 'Sport' },
      cover: { url: '/uploads/related-cover.jpg' },
    });
  });

  it("puts an editor's published pins first, in their order; an unpublished pin is left out", async () => {
    const pins = ['Nothing shared, oldest', 'EMBARGOED pin', 'Same section only'];
    const embargoed = await createArticle(app.strapi, { title: 'EMBARGOED pin' });
    stories['EMBARGOED pin'] = embargoed;
    await editDraft(app.strapi, source.documentId, {
      relatedPinned: pins.map((title) => stories[title].documentId),
    });
    await publishArticle(app.strapi, source.documentId);
    await unpublishArticle(app.strapi, embargoed.documentId);

    const res = await related(source.documentId, '?limit=4');

    expect(titles(res)).toEqual([
      'Nothing shared, oldest',
      'Same section only',
      'Two tags, old',
      'One tag, same section',
    ]);
    expect(res.body.data.map((item: { pinned: boolean }) => item.pinned)).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect(JSON.stringify(res.body)).not.toContain('EMBARGOED');
  });

  it('carries them in the page payload', async () => {
    const page = await app.request().get(`/api/articles/slug/source`);
    expect(page.status).toBe(200);
    expect(titles({ body: { data: page.body.data.related } })).toEqual([
      'Nothing shared, oldest',
      'Same section only',
      'Two tags, old',
      'One tag, same section',
    ]);
    expect(page.body.data.tags.map((tag: { name: string }) => tag.name).sort()).toEqual([
      'Alpha',
      'Beta',
    ]);
  });

  it('answers in as many SQL statements with 10 more candidates', async () => {
    const count = async () =>
      (await sqlDuring(app, () => related(source.documentId, '?limit=20'), { requestsOnly: true }))
        .length;
    const before = await count();
    expect(before).toBeLessThan(15);
    for (let i = 0; i < 10; i += 1) await story(`Filler ${i}`, {});
    expect(await count()).toBe(before);
  });

  it('ranks an article without a first publication date by its publication date', async () => {
    const culture = await createSection(app.strapi, { name: 'Culture' });
    const inCulture = { section: culture.documentId };
    await story('Culture, January 10', inCulture);
    await setStored(app.strapi, stories['Culture, January 10'].documentId, {
      originallyPublishedAt: new Date(Date.UTC(2026, 0, 10)),
    });
    await story('Culture, undated, published now', inCulture);
    await setStored(app.strapi, stories['Culture, undated, published now'].documentId, {
      originallyPublishedAt: null,
    });
    await story('Culture, January 5', inCulture);
    await setStored(app.strapi, stories['Culture, January 5'].documentId, {
      originallyPublishedAt: new Date(Date.UTC(2026, 0, 5)),
    });
    const reader = await story('Culture reader', inCulture);

    expect(titles(await related(reader.documentId, '?limit=3'))).toEqual([
      'Culture, undated, published now',
      'Culture, January 10',
      'Culture, January 5',
    ]);
  });

  it('answers 404 for an unpublished article, 400 for bad input', async () => {
    const draft = await createArticle(app.strapi, { publish: false, title: 'Not out' });
    expectError(await related(draft.documentId), 404, 'NotFoundError');
    expectError(await related('not-a-document-id'), 400, 'ValidationError');
    expectError(await related(source.documentId, '?limit=0'), 400, 'ValidationError');
    expectError(await related(source.documentId, '?limit=21'), 400, 'ValidationError');
  });
});
