/**
 * Sections and authors that published articles use cannot be deleted, by the admin (one or in
 * bulk) or the Document Service: the refusal says how many articles use them and deletes
 * nothing. Drafts do not count, and once nothing published uses them, the deletion goes through.
 */

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import { expectValidationError, rejectionOf } from '../helpers/errors';
import {
  articleRows,
  connect,
  createArticle,
  createAuthor,
  createSection,
  publishedRows,
  unpublishArticle,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('deleting a section or an author', () => {
  let app: TestApp;
  let cm: ContentManager;

  const exists = async (uid: typeof SECTION_UID | typeof AUTHOR_UID, documentId: string) =>
    (await app.strapi.db.query(uid).count({ where: { documentId } })) > 0;

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  it('is refused for a section with the count, until no published article uses it (a draft does not count)', async () => {
    const used = await createSection(app.strapi);
    const one = await createArticle(app.strapi, { section: used.documentId });
    const two = await createArticle(app.strapi, { section: used.documentId });
    const inDraft = await createArticle(app.strapi, { section: used.documentId, publish: false });

    const refused = await cm.remove(SECTION_UID, used.documentId);
    expectValidationError(refused, 'This section cannot be deleted: 2 published articles use it');
    expect(refused.body.error.details).toEqual({ publishedArticles: 2 });
    expect(await exists(SECTION_UID, used.documentId)).toBe(true);

    const viaService = await rejectionOf(
      app.strapi.documents(SECTION_UID).delete({ documentId: used.documentId }),
    );
    expect(viaService.message).toContain('2 published articles use it');
    expect(await exists(SECTION_UID, used.documentId)).toBe(true);

    await unpublishArticle(app.strapi, one.documentId);
    const stillOne = await cm.remove(SECTION_UID, used.documentId);
    expectValidationError(stillOne, '1 published article uses it');
    expect(await exists(SECTION_UID, used.documentId)).toBe(true);

    // Moving the live article to another section, as the message advises, frees it.
    const elsewhere = await createSection(app.strapi);
    const moved = await cm.publish(ARTICLE_UID, two.documentId, {
      section: connect(elsewhere.documentId),
    });
    expect(moved.status).toBe(200);

    const allowed = await cm.remove(SECTION_UID, used.documentId);
    expect(allowed.status).toBe(200);
    expect(await exists(SECTION_UID, used.documentId)).toBe(false);
    expect(await articleRows(app.strapi, inDraft.documentId)).toHaveLength(1);
  });

  it('is refused for a bulk delete of authors if any is in use, which deletes none of them', async () => {
    const free = await createAuthor(app.strapi);
    const used = await createAuthor(app.strapi);
    const other = await createAuthor(app.strapi);
    const first = await createArticle(app.strapi, {
      authors: [used.documentId, other.documentId],
    });
    const second = await createArticle(app.strapi, { authors: [used.documentId] });

    const refused = await cm.bulkDelete(AUTHOR_UID, [free.documentId, used.documentId]);
    expectValidationError(refused, 'This author cannot be deleted: 2 published articles use it');
    expect(await exists(AUTHOR_UID, free.documentId)).toBe(true);
    expect(await exists(AUTHOR_UID, used.documentId)).toBe(true);

    const single = await cm.remove(AUTHOR_UID, used.documentId);
    expectValidationError(single, '2 published articles use it');

    await unpublishArticle(app.strapi, first.documentId);
    await unpublishArticle(app.strapi, second.documentId);
    const allowed = await cm.bulkDelete(AUTHOR_UID, [free.documentId, used.documentId]);
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ count: 2 });
    expect(await exists(AUTHOR_UID, free.documentId)).toBe(false);
    expect(await exists(AUTHOR_UID, used.documentId)).toBe(false);
  });

  it('goes through for an author or section that only drafts use', async () => {
    const draftSection = await createSection(app.strapi);
    const draftAuthor = await createAuthor(app.strapi);
    const article = await createArticle(app.strapi, {
      section: draftSection.documentId,
      authors: [draftAuthor.documentId],
      publish: false,
    });

    expect((await cm.remove(AUTHOR_UID, draftAuthor.documentId)).status).toBe(200);
    expect((await cm.remove(SECTION_UID, draftSection.documentId)).status).toBe(200);
    expect(await exists(AUTHOR_UID, draftAuthor.documentId)).toBe(false);
    expect(await exists(SECTION_UID, draftSection.documentId)).toBe(false);

    // The draft survives, and now lacks what publishing needs.
    const publish = await cm.publish(ARTICLE_UID, article.documentId);
    expectValidationError(publish, 'it needs a section, at least one author');
    expect(await publishedRows(app.strapi, article.documentId)).toHaveLength(0);
  });
});
