/**
 * What an Author may do, through the admin API as a real Author sees it: draft, and edit or
 * delete their own drafts until first published; never publish, unpublish or schedule. Each
 * refusal has its allowed side (the Editor, or the draft's creator) in the same test.
 */

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import { createNewsroomStaff, type NewsroomStaff } from '../helpers/admin';
import {
  articleRows,
  bodyOfWords,
  connect,
  createArticle,
  draftRow,
  publishedRows,
} from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('an Author', () => {
  let app: TestApp;
  let staff: NewsroomStaff;

  const draft = (documentId: string) => draftRow(app.strapi, documentId);
  const isPublished = async (documentId: string) =>
    (await publishedRows(app.strapi, documentId)).length === 1;
  const publicPage = (slug: string) => app.request().get(`/api/articles/slug/${slug}`);

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it('creates a draft (201), which is stored as theirs and not published', async () => {
    const res = await staff.author.cm.create(ARTICLE_UID, {
      title: 'An author draft',
      body: bodyOfWords(20),
      section: connect(staff.section.documentId),
    });

    expect(res.status).toBe(201);
    const row = await draft(res.body.data.documentId);
    expect(row.title).toBe('An author draft');
    expect(await isPublished(res.body.data.documentId)).toBe(false);
    const withCreator = await app.strapi.db.query(ARTICLE_UID).findOne({
      where: { id: row.id },
      populate: { createdBy: { select: ['id'] } },
    });
    expect(withCreator.createdBy?.id).toBe(staff.author.user.id);
  });

  it('cannot publish (403): an Editor can (200), and then the public reads it', async () => {
    const { documentId, slug } = await staff.authorDraft('Author cannot publish this');

    const refused = await staff.author.cm.publish(ARTICLE_UID, documentId);
    expect(refused.status).toBe(403);
    expect(await isPublished(documentId)).toBe(false);
    expect((await publicPage(slug)).status).toBe(404);

    const published = await staff.editor.cm.publish(ARTICLE_UID, documentId);
    expect(published.status).toBe(200);
    expect(await isPublished(documentId)).toBe(true);
    const page = await publicPage(slug);
    expect(page.status).toBe(200);
    expect(page.body.data.title).toBe('Author cannot publish this');
  });

  it('cannot unpublish (403): an Editor can (200), and the public then gets 404', async () => {
    const { documentId, slug } = await staff.authorDraft('Author cannot unpublish this');
    expect((await staff.editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);

    expect((await staff.author.cm.unpublish(ARTICLE_UID, documentId)).status).toBe(403);
    expect((await publicPage(slug)).status).toBe(200);

    expect((await staff.editor.cm.unpublish(ARTICLE_UID, documentId)).status).toBe(200);
    expect(await isPublished(documentId)).toBe(false);
    expect((await publicPage(slug)).status).toBe(404);
  });

  it('edits their own never-published draft (200)', async () => {
    const { documentId } = await staff.authorDraft('Own draft, first title');

    const res = await staff.author.cm.update(ARTICLE_UID, documentId, {
      title: 'Own draft, second title',
    });

    expect(res.status).toBe(200);
    expect((await draft(documentId)).title).toBe('Own draft, second title');
  });

  it("cannot edit another author's draft (403), which stays unchanged", async () => {
    const { documentId } = await staff.authorDraft('Ada owns this one');

    const res = await staff.otherAuthor.cm.update(ARTICLE_UID, documentId, {
      title: 'Otto was here',
    });

    expect(res.status).toBe(403);
    expect((await draft(documentId)).title).toBe('Ada owns this one');
    // ...while its creator still can.
    const own = await staff.author.cm.update(ARTICLE_UID, documentId, { title: 'Ada again' });
    expect(own.status).toBe(200);
  });

  it('cannot edit their own article once it was published, even after an unpublish (403)', async () => {
    const { author, editor } = staff;
    const { documentId } = await staff.authorDraft('Published, then locked');
    expect((await author.cm.update(ARTICLE_UID, documentId, { standfirst: 'before' })).status).toBe(
      200,
    );
    expect((await editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);

    const whilePublished = await author.cm.update(ARTICLE_UID, documentId, { title: 'Sneaky' });
    expect(whilePublished.status).toBe(403);

    expect((await editor.cm.unpublish(ARTICLE_UID, documentId)).status).toBe(200);
    const afterUnpublish = await author.cm.update(ARTICLE_UID, documentId, { title: 'Sneaky' });
    expect(afterUnpublish.status).toBe(403);
    expect((await draft(documentId)).title).toBe('Published, then locked');

    // The Editor may still edit it.
    const byEditor = await editor.cm.update(ARTICLE_UID, documentId, { title: 'Edited by editor' });
    expect(byEditor.status).toBe(200);
  });

  it('cannot set scheduledAt on their own draft (403 saying Editors), and the draft is unchanged', async () => {
    const { documentId } = await staff.authorDraft('Author wants a schedule');
    const before = await draft(documentId);

    const res = await staff.author.cm.update(ARTICLE_UID, documentId, {
      title: 'Author wants a schedule, retitled',
      scheduledAt: '2099-01-01T09:00:00.000Z',
    });

    expect(res.status).toBe(403);
    // PolicyError: Strapi's ForbiddenError whose message reaches the admin.
    expect(res.body.error).toMatchObject({ status: 403, name: 'PolicyError' });
    const after = await draft(documentId);
    expect(after.scheduledAt).toBeNull();
    expect(after.title).toBe('Author wants a schedule');
    expect(after.updatedAt).toEqual(before.updatedAt);
    // The admin shows this message: the Author learns why, and whom to ask.
    expect(res.body.error.message).toMatch(/Editors/);
  });

  it('cannot create a draft with a scheduledAt either (403)', async () => {
    const res = await staff.author.cm.create(ARTICLE_UID, {
      title: 'Born scheduled',
      scheduledAt: '2099-01-01T09:00:00.000Z',
    });

    expect(res.status).toBe(403);
    const stored = await app.strapi.db
      .query(ARTICLE_UID)
      .count({ where: { title: 'Born scheduled' } });
    expect(stored).toBe(0);
    expect(res.body.error.message).toMatch(/Editors/);
  });

  it('may save a form that sends back the unchanged scheduledAt of an unscheduled draft (200)', async () => {
    const { documentId } = await staff.authorDraft('Form sends null schedule');

    const res = await staff.author.cm.update(ARTICLE_UID, documentId, {
      title: 'Form sends null schedule, saved',
      scheduledAt: null,
    });

    expect(res.status).toBe(200);
    expect((await draft(documentId)).title).toBe('Form sends null schedule, saved');
  });

  it('deletes their own never-published draft (200) but not a published article (403)', async () => {
    const { author, editor } = staff;
    const { documentId: own } = await staff.authorDraft('Delete me');
    expect((await author.cm.remove(ARTICLE_UID, own)).status).toBe(200);
    expect(await articleRows(app.strapi, own)).toHaveLength(0);

    const { documentId: published } = await staff.authorDraft('Do not delete me');
    expect((await editor.cm.publish(ARTICLE_UID, published)).status).toBe(200);
    expect((await author.cm.remove(ARTICLE_UID, published)).status).toBe(403);
    expect(await isPublished(published)).toBe(true);

    const someoneElses = await createArticle(app.strapi, { title: 'Not an author article' });
    expect((await author.cm.remove(ARTICLE_UID, someoneElses.documentId)).status).toBe(403);
    expect(await isPublished(someoneElses.documentId)).toBe(true);
  });

  it('reads all articles, sections and authors, but cannot create a section (403)', async () => {
    const { author, editor } = staff;
    const someoneElses = await createArticle(app.strapi, { title: 'Read by an author' });
    expect((await author.cm.findOne(ARTICLE_UID, someoneElses.documentId)).status).toBe(200);
    expect((await author.cm.findMany(SECTION_UID)).status).toBe(200);
    expect((await author.cm.findMany(AUTHOR_UID)).status).toBe(200);

    expect((await author.cm.create(SECTION_UID, { name: 'Author section' })).status).toBe(403);
    expect((await editor.cm.create(SECTION_UID, { name: 'Editor section' })).status).toBe(201);
  });
});
