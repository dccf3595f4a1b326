/**
 * The reading time (200 words a minute, rounded up, at least 1) as the admin and the database
 * see it: counted over every kind of block, recomputed when the body changes, published with it,
 * and never taken from what a caller sends.
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import { bodyOfWords, createArticle, draftRow, publishedRows, words } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the reading time', () => {
  let app: TestApp;
  let cm: ContentManager;

  const storedDraftTime = async (documentId: string) =>
    (await draftRow(app.strapi, documentId)).readingTimeMinutes;
  const storedPublishedTime = async (documentId: string) =>
    (await publishedRows(app.strapi, documentId))[0].readingTimeMinutes;

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  it.each([
    [1, 1],
    [199, 1],
    [200, 1],
    [201, 2],
    [400, 2],
    [450, 3],
  ])('is %i words -> %i min, on the admin route and in the database', async (count, minutes) => {
    const res = await cm.create(ARTICLE_UID, {
      title: `Reading ${count}`,
      body: bodyOfWords(count),
    });

    expect(res.status).toBe(201);
    expect(res.body.data.readingTimeMinutes).toBe(minutes);
    expect(await storedDraftTime(res.body.data.documentId)).toBe(minutes);
  });

  it('is 1 for an article without a body', async () => {
    const res = await cm.create(ARTICLE_UID, { title: 'No body yet' });
    expect(res.body.data.readingTimeMinutes).toBe(1);
  });

  it('counts words across nested blocks (lists, quotes, links), not punctuation', async () => {
    const body = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: words(50, 'h') }] },
      {
        type: 'list',
        format: 'unordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: words(50, 'l') }] },
          { type: 'list-item', children: [{ type: 'text', text: words(50, 'm') }] },
        ],
      },
      {
        type: 'quote',
        children: [
          { type: 'text', text: `${words(25, 'q')} — … !` },
          {
            type: 'link',
            url: 'https://example.com',
            children: [{ type: 'text', text: words(26, 'k') }],
          },
        ],
      },
    ];
    const res = await cm.create(ARTICLE_UID, { title: 'Nested blocks', body });

    expect(res.status).toBe(201);
    expect(res.body.data.readingTimeMinutes).toBe(2); // 201 words
  });

  it('ignores a readingTimeMinutes a caller sends', async () => {
    const viaAdmin = await cm.create(ARTICLE_UID, {
      title: 'Sent time',
      body: bodyOfWords(10),
      readingTimeMinutes: 42,
    });
    expect(viaAdmin.body.data.readingTimeMinutes).toBe(1);

    const documentId = viaAdmin.body.data.documentId as string;
    const updated = await cm.update(ARTICLE_UID, documentId, { readingTimeMinutes: 9 });
    expect(updated.status).toBe(200);
    expect(updated.body.data.readingTimeMinutes).toBe(1);

    const withBody = await cm.update(ARTICLE_UID, documentId, {
      body: bodyOfWords(450),
      readingTimeMinutes: 1,
    });
    expect(withBody.body.data.readingTimeMinutes).toBe(3);

    const viaService = await app.strapi.documents(ARTICLE_UID).create({
      data: { title: 'Sent time, service', body: bodyOfWords(10), readingTimeMinutes: 42 },
    });
    expect(viaService.readingTimeMinutes).toBe(1);
    expect(await storedDraftTime(viaService.documentId)).toBe(1);
  });

  it('is recomputed when the body changes, and published with it', async () => {
    const article = await createArticle(app.strapi, { body: bodyOfWords(50) });
    expect(article.readingTimeMinutes).toBe(1);

    const longer = await cm.update(ARTICLE_UID, article.documentId, { body: bodyOfWords(450) });
    expect(longer.body.data.readingTimeMinutes).toBe(3);
    expect(await storedDraftTime(article.documentId)).toBe(3);
    expect(await storedPublishedTime(article.documentId)).toBe(1);

    const published = await cm.publish(ARTICLE_UID, article.documentId);
    expect(published.status).toBe(200);
    expect(await storedPublishedTime(article.documentId)).toBe(3);

    const shorter = await cm.update(ARTICLE_UID, article.documentId, { body: bodyOfWords(201) });
    expect(shorter.body.data.readingTimeMinutes).toBe(2);
  });
});
