/**
 * Who may see and restore revisions: both sides. Reading the history needs the content
 * manager's read on articles (Authors and Editors: 200; a role without it: 403; no admin login:
 * 401). Restoring needs the right to publish: an Editor restores (200), an Author is refused with
 * a 403 that says why, and nothing is written.
 */

import { ARTICLE_UID } from '../../src/constants';
import {
  createAdminUser,
  createNewsroomStaff,
  createRole,
  type NewsroomStaff,
} from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { draftRow } from '../helpers/fixtures';
import { revisionsAdmin, storedRevisions } from '../helpers/revisions';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('revision permissions', () => {
  let app: TestApp;
  let staff: NewsroomStaff;
  let documentId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
    ({ documentId } = await staff.authorDraft('Permissions story'));
    expect(
      (await staff.author.cm.update(ARTICLE_UID, documentId, { title: 'Permissions, edited' }))
        .status,
    ).toBe(200);
  });

  afterAll(stopStrapi);

  it('lets Authors and Editors read the history, not a role without articles, nor strangers', async () => {
    for (const token of [staff.author.token, staff.editor.token]) {
      const res = await revisionsAdmin(app, token).list(documentId);
      expect(res.status).toBe(200);
      expect(res.body.data).toHaveLength(2);
    }
    const roleless = await createAdminUser(app, await createRole(app, 'No articles', []), 'Nora');
    expectError(await revisionsAdmin(app, roleless.token).list(documentId), 403);
    const anonymous = await app
      .request()
      .get(`/newsroom-revisions/articles/${documentId}/revisions`);
    expectError(anonymous, 401);
  });

  it("refuses an Author's restore with a 403 that says why, and writes nothing", async () => {
    const [created] = await storedRevisions(app, documentId);
    const res = await revisionsAdmin(app, staff.author.token).restore(created.id);
    expectError(res, 403, 'PolicyError');
    expect(res.body.error.message).toMatch(/needs the right to publish articles/);
    expect(await storedRevisions(app, documentId)).toHaveLength(2);
    expect(await draftRow(app.strapi, documentId)).toMatchObject({ title: 'Permissions, edited' });
  });

  it('lets an Editor restore the same revision', async () => {
    const [created] = await storedRevisions(app, documentId);
    const res = await revisionsAdmin(app, staff.editor.token).restore(created.id);
    expect(res.status).toBe(200);
    expect(await draftRow(app.strapi, documentId)).toMatchObject({ title: 'Permissions story' });
    expect((await storedRevisions(app, documentId)).map((row) => row.path)).toEqual([
      'admin',
      'admin',
      'restore',
    ]);
  });
});
