/**
 * The editorial rules behind publishing, on every path that writes: the admin's routes (publish,
 * bulk publish, delete, bulk delete) and the Document Service (`create`/`update` with
 * `status: 'published'`, `publish`, `delete`). Derived fields (reading time, first publication)
 * ignore what callers send; refused publishes and deletions change nothing.
 */

import { adminLogin, contentManager } from '../helpers/admin';
import { expectValidationError } from '../helpers/errors';
import {
  articleRows,
  bodyOfWords,
  createArticle,
  createAuthor,
  createSection,
  type Doc,
  unpublishArticle,
} from '../helpers/fixtures';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
const AUTHOR = 'api::author.author';

type Row = Record<string, unknown>;

const connect = (...documentIds: string[]) => ({
  connect: documentIds.map((documentId) => ({ documentId })),
});

const paragraph = (text: string) => [
  { type: 'paragraph' as const, children: [{ type: 'text' as const, text }] },
];

/** Awaits a promise that must fail, and answers its error. */
const rejectionOf = async (promise: Promise<unknown>): Promise<Error> => {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
};

const timeOf = (value: unknown): number => new Date(value as string).getTime();

/** `update` params, built outside the call: Strapi 5.54's `const` type parameter rejects literal `data` keys. */
const updateParams = (
  documentId: string,
  data: Record<string, unknown>,
  status?: 'draft' | 'published',
) => ({
  documentId,
  data,
  ...(status ? { status } : {}),
});

describe('the editorial rules', () => {
  let app: TestApp;
  let cm: ReturnType<typeof contentManager>;
  let section: Doc;
  let author: Doc;

  const draftRow = async (documentId: string): Promise<Row> => {
    const rows = await articleRows(app.strapi, documentId);
    const draft = rows.find((row) => row.publishedAt === null);
    if (!draft) throw new Error(`no draft for ${documentId}`);
    return draft;
  };
  const publishedRows = async (documentId: string): Promise<Row[]> =>
    (await articleRows(app.strapi, documentId)).filter((row) => row.publishedAt !== null);

  /** A draft made straight through the Document Service, with only the fields given. */
  const draft = (data: Record<string, unknown>) =>
    app.strapi
      .documents(ARTICLE)
      .create({ data: { title: `Draft ${Math.random()}`, ...data } }) as Promise<Doc>;

  const complete = () => ({
    body: bodyOfWords(30),
    section: section.documentId,
    authors: [author.documentId],
  });

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
    section = await createSection(app.strapi, { name: 'Rules desk' });
    author = await createAuthor(app.strapi, { name: 'Rules Reporter' });
  });
  afterAll(stopStrapi);

  describe('reading time', () => {
    it.each([
      [1, 1],
      [199, 1],
      [200, 1],
      [201, 2],
      [400, 2],
      [450, 3],
    ])('is %i words -> %i min, on the admin route and in the database', async (words, minutes) => {
      const res = await cm.create(ARTICLE, { title: `Reading ${words}`, body: bodyOfWords(words) });

      expect(res.status).toBe(201);
      expect(res.body.data.readingTimeMinutes).toBe(minutes);
      expect((await draftRow(res.body.data.documentId)).readingTimeMinutes).toBe(minutes);
    });

    it('is 1 for an article without a body', async () => {
      const res = await cm.create(ARTICLE, { title: 'No body yet' });
      expect(res.body.data.readingTimeMinutes).toBe(1);
    });

    it('counts words across nested blocks (lists, quotes, links), not punctuation', async () => {
      const words = (n: number, prefix: string) =>
        Array.from({ length: n }, (_, i) => `${prefix}${i}`).join(' ');
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
      const res = await cm.create(ARTICLE, { title: 'Nested blocks', body });

      expect(res.status).toBe(201);
      expect(res.body.data.readingTimeMinutes).toBe(2); // 201 words
    });

    it('ignores a readingTimeMinutes a caller sends', async () => {
      const viaAdmin = await cm.create(ARTICLE, {
        title: 'Sent time',
        body: bodyOfWords(10),
        readingTimeMinutes: 42,
      });
      expect(viaAdmin.body.data.readingTimeMinutes).toBe(1);

      const documentId = viaAdmin.body.data.documentId as string;
      const updated = await cm.update(ARTICLE, documentId, { readingTimeMinutes: 9 });
      expect(updated.status).toBe(200);
      expect(updated.body.data.readingTimeMinutes).toBe(1);

      const withBody = await cm.update(ARTICLE, documentId, {
        body: bodyOfWords(450),
        readingTimeMinutes: 1,
      });
      expect(withBody.body.data.readingTimeMinutes).toBe(3);

      const viaService = await app.strapi.documents(ARTICLE).create({
        data: { title: 'Sent time, service', body: bodyOfWords(10), readingTimeMinutes: 42 },
      });
      expect(viaService.readingTimeMinutes).toBe(1);
      expect((await draftRow(viaService.documentId)).readingTimeMinutes).toBe(1);
    });

    it('is recomputed when the body changes, and published with it', async () => {
      const article = await createArticle(app.strapi, { body: bodyOfWords(50) });
      expect(article.readingTimeMinutes).toBe(1);

      const longer = await cm.update(ARTICLE, article.documentId, { body: bodyOfWords(450) });
      expect(longer.body.data.readingTimeMinutes).toBe(3);
      expect((await draftRow(article.documentId)).readingTimeMinutes).toBe(3);
      expect((await publishedRows(article.documentId))[0].readingTimeMinutes).toBe(1);

      const published = await cm.publish(ARTICLE, article.documentId);
      expect(published.status).toBe(200);
      expect((await publishedRows(article.documentId))[0].readingTimeMinutes).toBe(3);

      const shorter = await cm.update(ARTICLE, article.documentId, { body: bodyOfWords(201) });
      expect(shorter.body.data.readingTimeMinutes).toBe(2);
    });
  });

  describe('publishing needs a title, a body, a section, an author and a slug of its own', () => {
    const INCOMPLETE: Array<[string, () => Record<string, unknown>, string, string]> = [
      [
        'no body',
        () => ({ section: section.documentId, authors: [author.documentId] }),
        'a body',
        'body',
      ],
      ['an empty body', () => ({ ...complete(), body: [] }), 'a body', 'body'],
      [
        'a body of empty paragraphs',
        () => ({ ...complete(), body: [...paragraph(''), ...paragraph('   ')] }),
        'a body',
        'body',
      ],
      [
        'no section',
        () => ({ body: bodyOfWords(30), authors: [author.documentId] }),
        'a section',
        'section',
      ],
      [
        'no authors',
        () => ({ body: bodyOfWords(30), section: section.documentId }),
        'at least one author',
        'authors',
      ],
    ];

    const expectRefusalMessage = (message: string, missing: string) => {
      expect(message).toContain('This article cannot be published yet: it needs');
      expect(message).toContain(missing);
    };

    const expectUntouched = async (documentId: string, before: Row[]) => {
      expect(await articleRows(app.strapi, documentId)).toEqual(before);
      expect(await publishedRows(documentId)).toHaveLength(0);
    };

    describe.each(INCOMPLETE)('an article with %s', (_what, data, missing, path) => {
      it("is refused on the admin's publish route, and its draft is left as it was", async () => {
        const doc = await draft(data());
        const before = await articleRows(app.strapi, doc.documentId);

        const res = await cm.publish(ARTICLE, doc.documentId, { title: 'Edited while publishing' });

        expectValidationError(res, missing);
        expectRefusalMessage(res.body.error.message, missing);
        expect(res.body.error.details.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path: [path] })]),
        );
        await expectUntouched(doc.documentId, before);
        expect((await draftRow(doc.documentId)).originallyPublishedAt).toBeNull();
      });

      it("is refused on the admin's bulk publish", async () => {
        const doc = await draft(data());
        const before = await articleRows(app.strapi, doc.documentId);

        const res = await cm.bulkPublish(ARTICLE, [doc.documentId]);

        expectValidationError(res, missing);
        await expectUntouched(doc.documentId, before);
      });

      it("is refused by the Document Service's create with status 'published', which writes nothing", async () => {
        const title = `Refused create ${Math.random()}`;
        const error = await rejectionOf(
          app.strapi.documents(ARTICLE).create({ data: { ...data(), title }, status: 'published' }),
        );

        expect(error.name).toBe('ValidationError');
        expectRefusalMessage(error.message, missing);
        expect(await app.strapi.db.query(ARTICLE).count({ where: { title } })).toBe(0);
      });

      it("is refused by the Document Service's update with status 'published' and publish", async () => {
        const doc = await draft(data());
        const before = await articleRows(app.strapi, doc.documentId);

        const update = await rejectionOf(
          app.strapi
            .documents(ARTICLE)
            .update(
              updateParams(
                doc.documentId,
                { title: 'Edited while publishing', standfirst: 'New standfirst' },
                'published',
              ),
            ),
        );
        expect(update.name).toBe('ValidationError');
        expectRefusalMessage(update.message, missing);
        await expectUntouched(doc.documentId, before);

        const publish = await rejectionOf(
          app.strapi.documents(ARTICLE).publish({ documentId: doc.documentId }),
        );
        expect(publish.name).toBe('ValidationError');
        expectRefusalMessage(publish.message, missing);
        await expectUntouched(doc.documentId, before);
      });
    });

    it('is refused when created and published in one admin request, which writes nothing', async () => {
      const title = `One-shot ${Date.now()}`;
      const res = await app
        .request()
        .post(`/content-manager/collection-types/${ARTICLE}/actions/publish`)
        .set('Authorization', `Bearer ${await adminLogin(app)}`)
        .send({ title, body: bodyOfWords(30), section: connect(section.documentId) });

      expectValidationError(res, 'at least one author');
      expect(await app.strapi.db.query(ARTICLE).count({ where: { title } })).toBe(0);
    });

    it('names everything that is missing at once', async () => {
      const doc = await draft({});

      const res = await cm.publish(ARTICLE, doc.documentId);

      expectValidationError(res, 'it needs a body, a section, at least one author');
      expect(
        res.body.error.details.errors.map((error: { path: string[] }) => error.path[0]),
      ).toEqual(['body', 'section', 'authors']);
    });

    it.each([
      ['null', null, 'title'],
      ['blank', '   ', 'it needs a title'],
    ])('refuses an article whose title is %s', async (_what, title, message) => {
      const doc = await draft(complete());
      await app.strapi.db
        .query(ARTICLE)
        .update({ where: { documentId: doc.documentId }, data: { title } });
      const before = await articleRows(app.strapi, doc.documentId);

      const res = await cm.bulkPublish(ARTICLE, [doc.documentId]);
      expectValidationError(res, message);
      await expectUntouched(doc.documentId, before);

      const publish = await cm.publish(ARTICLE, doc.documentId);
      expectValidationError(publish, message);
      await expectUntouched(doc.documentId, before);
    });

    it('refuses an article whose slug another article has', async () => {
      await draft({ title: 'Clash owner', slug: 'clash-slug' });
      const doc = await draft({ ...complete(), title: 'Clash victim' });
      await app.strapi.db
        .query(ARTICLE)
        .update({ where: { documentId: doc.documentId }, data: { slug: 'clash-slug' } });
      const before = await articleRows(app.strapi, doc.documentId);

      const res = await cm.publish(ARTICLE, doc.documentId);

      expectValidationError(res, 'a slug no other article has ("clash-slug" is taken)');
      await expectUntouched(doc.documentId, before);
    });

    it('publishes nothing from a bulk publish that holds one incomplete article', async () => {
      const good = await draft({ ...complete(), title: 'Bulk good' });
      const bad = await draft({
        title: 'Bulk bad',
        body: bodyOfWords(30),
        section: section.documentId,
      });

      const res = await cm.bulkPublish(ARTICLE, [good.documentId, bad.documentId]);

      expectValidationError(res, 'at least one author');
      expect(await publishedRows(good.documentId)).toHaveLength(0);
      expect(await publishedRows(bad.documentId)).toHaveLength(0);
    });

    it('keeps the live version when an edit that drops the byline is republished', async () => {
      const article = await createArticle(app.strapi, { authors: [author.documentId] });
      const [live] = await publishedRows(article.documentId);
      const edited = await cm.update(ARTICLE, article.documentId, {
        authors: { disconnect: [{ documentId: author.documentId }] },
      });
      expect(edited.status).toBe(200);
      const before = await articleRows(app.strapi, article.documentId);

      const res = await cm.publish(ARTICLE, article.documentId);

      expectValidationError(res, 'at least one author');
      expect(await articleRows(app.strapi, article.documentId)).toEqual(before);
      expect(await publishedRows(article.documentId)).toEqual([live]);
      const page = await app.request().get(`/api/articles/slug/${article.slug as string}`);
      expect(page.status).toBe(200);
      expect(page.body.data.authors).toEqual([expect.objectContaining({ name: 'Rules Reporter' })]);
    });

    describe('a complete article is published', () => {
      it("on the admin's publish route", async () => {
        const doc = await draft(complete());

        const res = await cm.publish(ARTICLE, doc.documentId);

        expect(res.status).toBe(200);
        expect(res.body.data).toMatchObject({
          documentId: doc.documentId,
          publishedAt: expect.any(String),
        });
        expect(await publishedRows(doc.documentId)).toHaveLength(1);
      });

      it("on the admin's publish route, created and published in one request", async () => {
        const res = await app
          .request()
          .post(`/content-manager/collection-types/${ARTICLE}/actions/publish`)
          .set('Authorization', `Bearer ${await adminLogin(app)}`)
          .send({
            title: 'Created and published',
            body: bodyOfWords(30),
            section: connect(section.documentId),
            authors: connect(author.documentId),
          });

        expect(res.status).toBe(200);
        expect(await publishedRows(res.body.data.documentId)).toHaveLength(1);
      });

      it("on the admin's bulk publish", async () => {
        const first = await draft(complete());
        const second = await draft(complete());

        const res = await cm.bulkPublish(ARTICLE, [first.documentId, second.documentId]);

        expect(res.status).toBe(200);
        expect(res.body).toEqual({ count: 2 });
        expect(await publishedRows(first.documentId)).toHaveLength(1);
        expect(await publishedRows(second.documentId)).toHaveLength(1);
      });

      it("by the Document Service's create, update and publish", async () => {
        const created = await app.strapi.documents(ARTICLE).create({
          data: { title: 'Service create', ...complete() },
          status: 'published',
        });
        expect(created.publishedAt).toBeTruthy();
        expect(await publishedRows(created.documentId)).toHaveLength(1);

        const updatedDraft = await draft(complete());
        await app.strapi
          .documents(ARTICLE)
          .update(updateParams(updatedDraft.documentId, { standfirst: 'Now live' }, 'published'));
        expect(await publishedRows(updatedDraft.documentId)).toEqual([
          expect.objectContaining({ standfirst: 'Now live' }),
        ]);

        const publishedDraft = await draft(complete());
        await app.strapi.documents(ARTICLE).publish({ documentId: publishedDraft.documentId });
        expect(await publishedRows(publishedDraft.documentId)).toHaveLength(1);
      });

      it('with an edit that completes it, sent with the publish', async () => {
        const doc = await draft({ body: bodyOfWords(30), section: section.documentId });

        const res = await cm.publish(ARTICLE, doc.documentId, {
          authors: connect(author.documentId),
        });

        expect(res.status).toBe(200);
        expect(await publishedRows(doc.documentId)).toHaveLength(1);
      });
    });
  });

  describe('originallyPublishedAt', () => {
    const SENT = '2001-01-01T00:00:00.000Z';

    it('is null on a draft, whatever a caller sends', async () => {
      const res = await cm.create(ARTICLE, {
        title: 'Never published',
        originallyPublishedAt: SENT,
      });
      expect(res.status).toBe(201);
      expect(res.body.data.originallyPublishedAt).toBeNull();

      const documentId = res.body.data.documentId as string;
      const updated = await cm.update(ARTICLE, documentId, { originallyPublishedAt: SENT });
      expect(updated.body.data.originallyPublishedAt).toBeNull();
      expect((await draftRow(documentId)).originallyPublishedAt).toBeNull();

      const viaService = await app.strapi.documents(ARTICLE).create({
        data: { title: 'Never published, service', originallyPublishedAt: SENT },
      });
      expect(viaService.originallyPublishedAt).toBeNull();
    });

    it('is set on the first publish, and kept through edits, republishing and unpublishing', async () => {
      const doc = await draft(complete());
      const start = Date.now();

      const first = await cm.publish(ARTICLE, doc.documentId, { originallyPublishedAt: SENT });
      expect(first.status).toBe(200);
      const stamp = first.body.data.originallyPublishedAt as string;
      expect(timeOf(stamp)).toBeGreaterThanOrEqual(start - 1000);
      expect(timeOf(stamp)).toBeLessThanOrEqual(Date.now() + 1000);
      const rows = await articleRows(app.strapi, doc.documentId);
      expect(rows).toHaveLength(2);
      for (const row of rows) expect(timeOf(row.originallyPublishedAt)).toBe(timeOf(stamp));

      await new Promise((resolve) => setTimeout(resolve, 20));
      const edited = await cm.update(ARTICLE, doc.documentId, {
        title: 'Corrected',
        originallyPublishedAt: SENT,
      });
      expect(timeOf(edited.body.data.originallyPublishedAt)).toBe(timeOf(stamp));
      const republished = await cm.publish(ARTICLE, doc.documentId);
      expect(timeOf(republished.body.data.originallyPublishedAt)).toBe(timeOf(stamp));

      const unpublished = await cm.unpublish(ARTICLE, doc.documentId);
      expect(unpublished.status).toBe(200);
      expect(await publishedRows(doc.documentId)).toHaveLength(0);
      const again = await cm.publish(ARTICLE, doc.documentId);
      expect(again.status).toBe(200);
      expect(timeOf(again.body.data.originallyPublishedAt)).toBe(timeOf(stamp));

      await app.strapi
        .documents(ARTICLE)
        .update(
          updateParams(
            doc.documentId,
            { standfirst: 'Updated', originallyPublishedAt: SENT },
            'published',
          ),
        );
      for (const row of await articleRows(app.strapi, doc.documentId)) {
        expect(timeOf(row.originallyPublishedAt)).toBe(timeOf(stamp));
      }
    });

    it("is set by the Document Service's create and update with status 'published', ignoring a sent value", async () => {
      const start = Date.now();
      const created = await app.strapi.documents(ARTICLE).create({
        data: { title: 'Born published', ...complete(), originallyPublishedAt: SENT },
        status: 'published',
      });
      expect(timeOf(created.originallyPublishedAt)).toBeGreaterThanOrEqual(start - 1000);
      for (const row of await articleRows(app.strapi, created.documentId)) {
        expect(timeOf(row.originallyPublishedAt)).toBe(timeOf(created.originallyPublishedAt));
      }

      const doc = await draft(complete());
      await app.strapi
        .documents(ARTICLE)
        .update(updateParams(doc.documentId, { originallyPublishedAt: SENT }, 'published'));
      const rows = await articleRows(app.strapi, doc.documentId);
      expect(rows).toHaveLength(2);
      for (const row of rows)
        expect(timeOf(row.originallyPublishedAt)).toBeGreaterThanOrEqual(start - 1000);
    });

    it('is set by the bulk publish', async () => {
      const doc = await draft(complete());

      const res = await cm.bulkPublish(ARTICLE, [doc.documentId]);

      expect(res.status).toBe(200);
      const [published] = await publishedRows(doc.documentId);
      expect(published.originallyPublishedAt).toBeTruthy();
    });
  });

  describe('sections and authors that published articles use cannot be deleted', () => {
    const sectionExists = async (documentId: string) =>
      (await app.strapi.db.query(SECTION).count({ where: { documentId } })) > 0;
    const authorExists = async (documentId: string) =>
      (await app.strapi.db.query(AUTHOR).count({ where: { documentId } })) > 0;

    it('refuses a section with the count, until no published article uses it (a draft does not count)', async () => {
      const used = await createSection(app.strapi);
      const one = await createArticle(app.strapi, { section: used.documentId });
      const two = await createArticle(app.strapi, { section: used.documentId });
      const inDraft = await createArticle(app.strapi, { section: used.documentId, publish: false });

      const refused = await cm.remove(SECTION, used.documentId);
      expectValidationError(refused, 'This section cannot be deleted: 2 published articles use it');
      expect(refused.body.error.details).toEqual({ publishedArticles: 2 });
      expect(await sectionExists(used.documentId)).toBe(true);

      const viaService = await rejectionOf(
        app.strapi.documents(SECTION).delete({ documentId: used.documentId }),
      );
      expect(viaService.message).toContain('2 published articles use it');
      expect(await sectionExists(used.documentId)).toBe(true);

      await unpublishArticle(app.strapi, one.documentId);
      const stillOne = await cm.remove(SECTION, used.documentId);
      expectValidationError(stillOne, '1 published article uses it');
      expect(await sectionExists(used.documentId)).toBe(true);

      // Moving the live article to another section, as the message advises, frees it.
      const elsewhere = await createSection(app.strapi);
      const moved = await cm.publish(ARTICLE, two.documentId, {
        section: connect(elsewhere.documentId),
      });
      expect(moved.status).toBe(200);

      const allowed = await cm.remove(SECTION, used.documentId);
      expect(allowed.status).toBe(200);
      expect(await sectionExists(used.documentId)).toBe(false);
      expect(await articleRows(app.strapi, inDraft.documentId)).toHaveLength(1);
    });

    it('refuses a bulk delete of authors if any is in use, and deletes none of them', async () => {
      const free = await createAuthor(app.strapi);
      const used = await createAuthor(app.strapi);
      const first = await createArticle(app.strapi, {
        authors: [used.documentId, author.documentId],
      });
      const second = await createArticle(app.strapi, { authors: [used.documentId] });

      const refused = await cm.bulkDelete(AUTHOR, [free.documentId, used.documentId]);
      expectValidationError(refused, 'This author cannot be deleted: 2 published articles use it');
      expect(await authorExists(free.documentId)).toBe(true);
      expect(await authorExists(used.documentId)).toBe(true);

      const single = await cm.remove(AUTHOR, used.documentId);
      expectValidationError(single, '2 published articles use it');

      await unpublishArticle(app.strapi, first.documentId);
      await unpublishArticle(app.strapi, second.documentId);
      const allowed = await cm.bulkDelete(AUTHOR, [free.documentId, used.documentId]);
      expect(allowed.status).toBe(200);
      expect(allowed.body).toEqual({ count: 2 });
      expect(await authorExists(free.documentId)).toBe(false);
      expect(await authorExists(used.documentId)).toBe(false);
    });

    it('lets an author or section that only drafts use be deleted', async () => {
      const draftSection = await createSection(app.strapi);
      const draftAuthor = await createAuthor(app.strapi);
      const article = await createArticle(app.strapi, {
        section: draftSection.documentId,
        authors: [draftAuthor.documentId],
        publish: false,
      });

      expect((await cm.remove(AUTHOR, draftAuthor.documentId)).status).toBe(200);
      expect((await cm.remove(SECTION, draftSection.documentId)).status).toBe(200);
      expect(await authorExists(draftAuthor.documentId)).toBe(false);
      expect(await sectionExists(draftSection.documentId)).toBe(false);

      // The draft survives, and now lacks what publishing needs.
      const publish = await cm.publish(ARTICLE, article.documentId);
      expectValidationError(publish, 'it needs a section, at least one author');
      expect(await publishedRows(article.documentId)).toHaveLength(0);
    });
  });
});
