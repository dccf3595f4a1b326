/**
 * An article is published only with a title, a body, a section, an author and a slug of its own,
 * on every path that publishes: the admin's publish and bulk publish, and the Document Service's
 * `create`/`update` with `status: 'published'` and `publish`. A refusal is a 400 naming what is
 * missing, and changes nothing. (The allowed side is in publish-rules-allowed.)
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import { expectValidationError, rejectionOf } from '../helpers/errors';
import {
  articleRows,
  bodyOfWords,
  completeFields,
  connect,
  createArticle,
  createAuthor,
  createDraft,
  createSection,
  type Doc,
  draftRow,
  paragraph,
  publishedRows,
  type Row,
  updateParams,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('publishing an incomplete article', () => {
  let app: TestApp;
  let cm: ContentManager;
  let section: Doc;
  let author: Doc;

  const draft = (data: Record<string, unknown>) => createDraft(app.strapi, data);
  const complete = () => completeFields(section, author);
  const expectRefusalMessage = (message: string, missing: string) => {
    expect(message).toContain('This article cannot be published yet: it needs');
    expect(message).toContain(missing);
  };
  const expectUntouched = async (documentId: string, before: Row[]) => {
    expect(await articleRows(app.strapi, documentId)).toEqual(before);
    expect(await publishedRows(app.strapi, documentId)).toHaveLength(0);
  };

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
    section = await createSection(app.strapi, { name: 'Rules desk' });
    author = await createAuthor(app.strapi, { name: 'Rules Reporter' });
  });
  afterAll(stopStrapi);

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
      () => ({ ...complete(), body: [paragraph(''), paragraph('   ')] }),
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

  describe.each(INCOMPLETE)('with %s', (_what, data, missing, path) => {
    it("is refused on the admin's publish route, and its draft is left as it was", async () => {
      const doc = await draft(data());
      const before = await articleRows(app.strapi, doc.documentId);

      const res = await cm.publish(ARTICLE_UID, doc.documentId, {
        title: 'Edited while publishing',
      });

      expectValidationError(res, missing);
      expectRefusalMessage(res.body.error.message, missing);
      expect(res.body.error.details.errors).toEqual(
        expect.arrayContaining([expect.objectContaining({ path: [path] })]),
      );
      await expectUntouched(doc.documentId, before);
      expect((await draftRow(app.strapi, doc.documentId)).originallyPublishedAt).toBeNull();
    });

    it("is refused on the admin's bulk publish", async () => {
      const doc = await draft(data());
      const before = await articleRows(app.strapi, doc.documentId);

      const res = await cm.bulkPublish(ARTICLE_UID, [doc.documentId]);

      expectValidationError(res, missing);
      await expectUntouched(doc.documentId, before);
    });

    it("is refused by the Document Service's create with status 'published', which writes nothing", async () => {
      const title = `Refused create ${Math.random()}`;
      const error = await rejectionOf(
        app.strapi
          .documents(ARTICLE_UID)
          .create({ data: { ...data(), title }, status: 'published' }),
      );

      expect(error.name).toBe('ValidationError');
      expectRefusalMessage(error.message, missing);
      expect(await app.strapi.db.query(ARTICLE_UID).count({ where: { title } })).toBe(0);
    });

    it("is refused by the Document Service's update with status 'published' and publish", async () => {
      const doc = await draft(data());
      const before = await articleRows(app.strapi, doc.documentId);
      const edit = { title: 'Edited while publishing', standfirst: 'New standfirst' };

      const update = await rejectionOf(
        app.strapi.documents(ARTICLE_UID).update(updateParams(doc.documentId, edit, 'published')),
      );
      expect(update.name).toBe('ValidationError');
      expectRefusalMessage(update.message, missing);
      await expectUntouched(doc.documentId, before);

      const publish = await rejectionOf(
        app.strapi.documents(ARTICLE_UID).publish({ documentId: doc.documentId }),
      );
      expect(publish.name).toBe('ValidationError');
      expectRefusalMessage(publish.message, missing);
      await expectUntouched(doc.documentId, before);
    });
  });

  it('is refused when created and published in one admin request, which writes nothing', async () => {
    const title = `One-shot ${Math.random()}`;
    const res = await cm.createPublished(ARTICLE_UID, {
      title,
      body: bodyOfWords(30),
      section: connect(section.documentId),
    });

    expectValidationError(res, 'at least one author');
    expect(await app.strapi.db.query(ARTICLE_UID).count({ where: { title } })).toBe(0);
  });

  it('is refused naming everything that is missing at once', async () => {
    const doc = await draft({});

    const res = await cm.publish(ARTICLE_UID, doc.documentId);

    expectValidationError(res, 'it needs a body, a section, at least one author');
    expect(res.body.error.details.errors.map((error: { path: string[] }) => error.path[0])).toEqual(
      ['body', 'section', 'authors'],
    );
  });

  it.each([
    ['null', null, 'title'],
    ['blank', '   ', 'it needs a title'],
  ])('is refused when its title is %s', async (_what, title, message) => {
    const doc = await draft(complete());
    await app.strapi.db
      .query(ARTICLE_UID)
      .update({ where: { documentId: doc.documentId }, data: { title } });
    const before = await articleRows(app.strapi, doc.documentId);

    const res = await cm.bulkPublish(ARTICLE_UID, [doc.documentId]);
    expectValidationError(res, message);
    await expectUntouched(doc.documentId, before);

    const publish = await cm.publish(ARTICLE_UID, doc.documentId);
    expectValidationError(publish, message);
    await expectUntouched(doc.documentId, before);
  });

  it('is refused when another article has its slug', async () => {
    await draft({ title: 'Clash owner', slug: 'clash-slug' });
    const doc = await draft({ ...complete(), title: 'Clash victim' });
    await app.strapi.db
      .query(ARTICLE_UID)
      .update({ where: { documentId: doc.documentId }, data: { slug: 'clash-slug' } });
    const before = await articleRows(app.strapi, doc.documentId);

    const res = await cm.publish(ARTICLE_UID, doc.documentId);

    expectValidationError(res, 'a slug no other article has ("clash-slug" is taken)');
    await expectUntouched(doc.documentId, before);
  });

  it('refuses a whole bulk publish that holds one incomplete article', async () => {
    const good = await draft({ ...complete(), title: 'Bulk good' });
    const bad = await draft({
      title: 'Bulk bad',
      body: bodyOfWords(30),
      section: section.documentId,
    });

    const res = await cm.bulkPublish(ARTICLE_UID, [good.documentId, bad.documentId]);

    expectValidationError(res, 'at least one author');
    expect(await publishedRows(app.strapi, good.documentId)).toHaveLength(0);
    expect(await publishedRows(app.strapi, bad.documentId)).toHaveLength(0);
  });

  it('keeps the live version when an edit that drops the byline is republished', async () => {
    const article = await createArticle(app.strapi, { authors: [author.documentId] });
    const [live] = await publishedRows(app.strapi, article.documentId);
    const edited = await cm.update(ARTICLE_UID, article.documentId, {
      authors: { disconnect: [{ documentId: author.documentId }] },
    });
    expect(edited.status).toBe(200);
    const before = await articleRows(app.strapi, article.documentId);

    const res = await cm.publish(ARTICLE_UID, article.documentId);

    expectValidationError(res, 'at least one author');
    expect(await articleRows(app.strapi, article.documentId)).toEqual(before);
    expect(await publishedRows(app.strapi, article.documentId)).toEqual([live]);
    const page = await app.request().get(`/api/articles/slug/${article.slug as string}`);
    expect(page.status).toBe(200);
    expect(page.body.data.authors).toEqual([expect.objectContaining({ name: 'Rules Reporter' })]);
  });
});
