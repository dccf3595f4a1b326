/**
 * `originallyPublishedAt`, the date an article was first published: null on a draft, set by the
 * first publish on every path, then kept through edits, republishing and unpublishing, whatever
 * a caller sends.
 */

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import {
  articleRows,
  completeFields,
  createAuthor,
  createDraft,
  createSection,
  type Doc,
  draftRow,
  LONG_AGO,
  publishedRows,
  setStored,
  timeOf,
  updateParams,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

/** What callers send, and must not get stored. */
const SENT = '2001-01-01T00:00:00.000Z';

describeWithDatabase('originallyPublishedAt', () => {
  let app: TestApp;
  let cm: ContentManager;
  let section: Doc;
  let author: Doc;

  const completeDraft = () => createDraft(app.strapi, completeFields(section, author));
  const storedTimes = async (documentId: string) =>
    (await articleRows(app.strapi, documentId)).map((row) => timeOf(row.originallyPublishedAt));

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
    section = await createSection(app.strapi, { name: 'Dates desk' });
    author = await createAuthor(app.strapi, { name: 'Dates Reporter' });
  });
  afterAll(stopStrapi);

  it('is null on a draft, whatever a caller sends', async () => {
    const res = await cm.create(ARTICLE_UID, {
      title: 'Never published',
      originallyPublishedAt: SENT,
    });
    expect(res.status).toBe(201);
    expect(res.body.data.originallyPublishedAt).toBeNull();

    const documentId = res.body.data.documentId as string;
    const updated = await cm.update(ARTICLE_UID, documentId, { originallyPublishedAt: SENT });
    expect(updated.body.data.originallyPublishedAt).toBeNull();
    expect((await draftRow(app.strapi, documentId)).originallyPublishedAt).toBeNull();

    const viaService = await app.strapi.documents(ARTICLE_UID).create({
      data: { title: 'Never published, service', originallyPublishedAt: SENT },
    });
    expect(viaService.originallyPublishedAt).toBeNull();
  });

  it('is set by the first publish, on the draft and the published version', async () => {
    const doc = await completeDraft();
    const start = Date.now();

    const first = await cm.publish(ARTICLE_UID, doc.documentId, { originallyPublishedAt: SENT });

    expect(first.status).toBe(200);
    const stamp = timeOf(first.body.data.originallyPublishedAt);
    expect(stamp).toBeGreaterThanOrEqual(start - 1000);
    expect(stamp).toBeLessThanOrEqual(Date.now() + 1000);
    expect(await storedTimes(doc.documentId)).toEqual([stamp, stamp]);
  });

  it('is kept through edits, republishing and unpublishing, whatever a caller sends', async () => {
    const doc = await completeDraft();
    expect((await cm.publish(ARTICLE_UID, doc.documentId)).status).toBe(200);
    // First published long ago: anything that stamped the date again would show at once.
    await setStored(app.strapi, doc.documentId, { originallyPublishedAt: LONG_AGO });
    const kept = LONG_AGO.getTime();

    const edited = await cm.update(ARTICLE_UID, doc.documentId, {
      title: 'Corrected',
      originallyPublishedAt: SENT,
    });
    expect(timeOf(edited.body.data.originallyPublishedAt)).toBe(kept);
    const republished = await cm.publish(ARTICLE_UID, doc.documentId);
    expect(timeOf(republished.body.data.originallyPublishedAt)).toBe(kept);

    expect((await cm.unpublish(ARTICLE_UID, doc.documentId)).status).toBe(200);
    expect(await publishedRows(app.strapi, doc.documentId)).toHaveLength(0);
    const again = await cm.publish(ARTICLE_UID, doc.documentId);
    expect(again.status).toBe(200);
    expect(timeOf(again.body.data.originallyPublishedAt)).toBe(kept);

    await app.strapi
      .documents(ARTICLE_UID)
      .update(
        updateParams(
          doc.documentId,
          { standfirst: 'Updated', originallyPublishedAt: SENT },
          'published',
        ),
      );
    expect(await storedTimes(doc.documentId)).toEqual([kept, kept]);
  });

  it("is set by the Document Service's create and update with status 'published', ignoring a sent value", async () => {
    const start = Date.now();
    const created = await app.strapi.documents(ARTICLE_UID).create({
      data: {
        title: 'Born published',
        ...completeFields(section, author),
        originallyPublishedAt: SENT,
      },
      status: 'published',
    });
    const stamp = timeOf(created.originallyPublishedAt);
    expect(stamp).toBeGreaterThanOrEqual(start - 1000);
    expect(await storedTimes(created.documentId)).toEqual([stamp, stamp]);

    const doc = await completeDraft();
    await app.strapi
      .documents(ARTICLE_UID)
      .update(updateParams(doc.documentId, { originallyPublishedAt: SENT }, 'published'));
    const times = await storedTimes(doc.documentId);
    expect(times).toHaveLength(2);
    for (const time of times) expect(time).toBeGreaterThanOrEqual(start - 1000);
  });

  it('is set by the bulk publish', async () => {
    const doc = await completeDraft();

    const res = await cm.bulkPublish(ARTICLE_UID, [doc.documentId]);

    expect(res.status).toBe(200);
    const [published] = await publishedRows(app.strapi, doc.documentId);
    expect(published.originallyPublishedAt).toBeTruthy();
  });
});
