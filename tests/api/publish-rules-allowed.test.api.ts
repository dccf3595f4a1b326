/**
 * A complete article is published on every path that publishes: the admin's publish (also of a
 * new entry, and with an edit that completes it), its bulk publish, and the Document Service's
 * `create`, `update` and `publish`. (The refused side is in publish-rules-refused.)
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import {
  bodyOfWords,
  completeFields,
  connect,
  createAuthor,
  createDraft,
  createSection,
  type Doc,
  publishedRows,
  updateParams,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('a complete article is published', () => {
  let app: TestApp;
  let cm: ContentManager;
  let section: Doc;
  let author: Doc;

  const complete = () => completeFields(section, author);
  const completeDraft = () => createDraft(app.strapi, complete());
  const published = (documentId: string) => publishedRows(app.strapi, documentId);

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
    section = await createSection(app.strapi, { name: 'Rules desk' });
    author = await createAuthor(app.strapi, { name: 'Rules Reporter' });
  });
  afterAll(stopStrapi);

  it("on the admin's publish route", async () => {
    const doc = await completeDraft();

    const res = await cm.publish(ARTICLE_UID, doc.documentId);

    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      documentId: doc.documentId,
      publishedAt: expect.any(String),
    });
    expect(await published(doc.documentId)).toHaveLength(1);
  });

  it("on the admin's publish route, created and published in one request", async () => {
    const res = await cm.createPublished(ARTICLE_UID, {
      title: 'Created and published',
      body: bodyOfWords(30),
      section: connect(section.documentId),
      authors: connect(author.documentId),
    });

    expect(res.status).toBe(200);
    expect(await published(res.body.data.documentId)).toHaveLength(1);
  });

  it("on the admin's bulk publish", async () => {
    const first = await completeDraft();
    const second = await completeDraft();

    const res = await cm.bulkPublish(ARTICLE_UID, [first.documentId, second.documentId]);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ count: 2 });
    expect(await published(first.documentId)).toHaveLength(1);
    expect(await published(second.documentId)).toHaveLength(1);
  });

  it("by the Document Service's create, update and publish", async () => {
    const created = await app.strapi.documents(ARTICLE_UID).create({
      data: { title: 'Service create', ...complete() },
      status: 'published',
    });
    expect(created.publishedAt).toBeTruthy();
    expect(await published(created.documentId)).toHaveLength(1);

    const updated = await completeDraft();
    await app.strapi
      .documents(ARTICLE_UID)
      .update(updateParams(updated.documentId, { standfirst: 'Now live' }, 'published'));
    expect(await published(updated.documentId)).toEqual([
      expect.objectContaining({ standfirst: 'Now live' }),
    ]);

    const publishedDraft = await completeDraft();
    await app.strapi.documents(ARTICLE_UID).publish({ documentId: publishedDraft.documentId });
    expect(await published(publishedDraft.documentId)).toHaveLength(1);
  });

  it('with an edit that completes it, sent with the publish', async () => {
    const doc = await createDraft(app.strapi, {
      body: bodyOfWords(30),
      section: section.documentId,
    });

    const res = await cm.publish(ARTICLE_UID, doc.documentId, {
      authors: connect(author.documentId),
    });

    expect(res.status).toBe(200);
    expect(await published(doc.documentId)).toHaveLength(1);
  });
});
