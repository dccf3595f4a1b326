/**
 * Who may put a note (correction, clarification, update) on a published article: an Editor, not
 * an Author. Both sides through the admin API as the real users, and the rule below it (a
 * Document Service call made as an Author) refused with a message in words; the Editor's note is
 * dated, moves `lastSubstantiveUpdateAt` and is written in the publishing log.
 */

import { ARTICLE_UID } from '../../src/constants';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../src/publishing/actor';
import { createNewsroomStaff, type NewsroomStaff } from '../helpers/admin';
import { asAdmin, note } from '../helpers/desk';
import { rejectionOf } from '../helpers/errors';
import { draftRow, editDraft, publicationLog } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('notes on a published article', () => {
  let app: TestApp;
  let staff: NewsroomStaff;

  const notesOf = async (documentId: string) => {
    const row = await app.strapi.db.query(ARTICLE_UID).findOne({
      where: { documentId, publishedAt: null },
      populate: { notes: true },
    });
    return row.notes as Array<{ kind: string; text: string; date: string | null }>;
  };

  const publishedStory = async (title: string) => {
    const story = await staff.authorDraft(title);
    expect((await staff.editor.cm.publish(ARTICLE_UID, story.documentId)).status).toBe(200);
    return story;
  };

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it('an Author cannot add a correction (403, nothing written); an Editor can (200), logged', async () => {
    const { documentId, slug } = await publishedStory('Harbour toll misreported');

    const refused = await staff.author.cm.update(ARTICLE_UID, documentId, {
      notes: [note('The toll was 12, not 21.')],
    });
    expect(refused.status).toBe(403);
    expect(await notesOf(documentId)).toEqual([]);
    expect((await draftRow(app.strapi, documentId)).lastSubstantiveUpdateAt).toBeNull();

    const accepted = await staff.editor.cm.update(ARTICLE_UID, documentId, {
      notes: [note('The toll was 12, not 21.')],
    });
    expect(accepted.status).toBe(200);
    const [added] = await notesOf(documentId);
    expect(added).toMatchObject({ kind: 'correction', text: 'The toll was 12, not 21.' });
    expect(added.date).not.toBeNull();
    expect((await draftRow(app.strapi, documentId)).lastSubstantiveUpdateAt).not.toBeNull();
    const log = await publicationLog(app.strapi, documentId);
    expect(log.at(-1)).toMatchObject({
      action: 'note-added',
      actor: expect.stringContaining('Eve Editor'),
      note: 'correction: The toll was 12, not 21.',
    });

    // Readers see it once the Editor publishes.
    expect((await staff.editor.cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
    const page = await app.request().get(`/api/articles/slug/${slug}`);
    expect(page.body.data.notes).toEqual([
      expect.objectContaining({ kind: 'correction', text: 'The toll was 12, not 21.' }),
    ]);
    expect(page.body.data.lastSubstantiveUpdateAt).toEqual(expect.any(String));
  });

  it("refuses an Author's Document Service call in words (403 PolicyError); an Editor's passes", async () => {
    const { documentId } = await publishedStory('Rule below the admin');

    const error = await rejectionOf(
      asAdmin(app.strapi, staff.author.user, AUTHOR_ROLE, () =>
        editDraft(app.strapi, documentId, { notes: [note('Sneaky.', 'update')] }),
      ),
    );
    expect(error).toMatchObject({ name: 'PolicyError' });
    expect(error.message).toMatch(/Only Editors can add or change a correction/);
    expect(await notesOf(documentId)).toEqual([]);

    await asAdmin(app.strapi, staff.editor.user, EDITOR_ROLE, () =>
      editDraft(app.strapi, documentId, { notes: [note('Fine.', 'update')] }),
    );
    expect(await notesOf(documentId)).toEqual([expect.objectContaining({ text: 'Fine.' })]);
  });

  it('an Author may still write notes on their own never-published draft (200), which date nothing', async () => {
    const { documentId } = await staff.authorDraft('Not yet out');

    const res = await staff.author.cm.update(ARTICLE_UID, documentId, {
      notes: [note('Background for the editor.', 'clarification')],
    });

    expect(res.status).toBe(200);
    expect(await notesOf(documentId)).toHaveLength(1);
    expect((await draftRow(app.strapi, documentId)).lastSubstantiveUpdateAt).toBeNull();
  });
});
