/**
 * Fields an Author must not touch are read-only for Authors through RBAC field permissions (the
 * edit view greys out a field the role may not write): the Author role's create and update
 * permissions leave out the schedule, breaking news and the derived dates, the Editor's keep
 * them. A changed Editors' decision from an Author is a 403 saying so, not a silent drop; the
 * unchanged value the edit form sends back passes.
 */

import { AUTHOR_READ_ONLY_FIELDS } from '../../src/admin-panel/field-locks';
import { ARTICLE_UID } from '../../src/constants';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../src/publishing/actor';
import { createNewsroomStaff, type NewsroomStaff, permissionsOf, roleId } from '../helpers/admin';
import { draftRow } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const CM = 'plugin::content-manager.explorer';

describeWithDatabase('the fields an Author may not write', () => {
  let app: TestApp;
  let staff: NewsroomStaff;

  /** The fields a role's permission `action` on articles covers. */
  const fieldsOf = async (role: string, action: string): Promise<string[]> => {
    const permissions = await permissionsOf(app, await roleId(app, role));
    const permission = permissions.find(
      (p) => p.action === `${CM}.${action}` && p.subject === ARTICLE_UID,
    );
    return (permission?.properties.fields as string[] | undefined) ?? [];
  };
  const existing = () =>
    AUTHOR_READ_ONLY_FIELDS.filter(
      (field) => field in app.strapi.contentType(ARTICLE_UID).attributes,
    );

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
  });
  afterAll(stopStrapi);

  it('are left out of the Author’s create and update permissions, kept in the Editor’s', async () => {
    expect(existing()).toEqual(
      expect.arrayContaining(['scheduledAt', 'originallyPublishedAt', 'readingTimeMinutes']),
    );
    for (const action of ['create', 'update']) {
      const author = await fieldsOf(AUTHOR_ROLE, action);
      const editor = await fieldsOf(EDITOR_ROLE, action);
      expect(author).toEqual(expect.arrayContaining(['title', 'body', 'readyForReview']));
      for (const field of existing()) {
        expect(author).not.toContain(field);
        expect(editor).toContain(field);
      }
    }
    // Reading them is still allowed: the Author sees the values, greyed out.
    expect(await fieldsOf(AUTHOR_ROLE, 'read')).toEqual(expect.arrayContaining(existing()));
  });

  it('refuses an Author’s schedule in words (403, unchanged draft); an Editor sets it (200)', async () => {
    const { documentId } = await staff.authorDraft('Wants a time');
    const refused = await staff.author.cm.update(ARTICLE_UID, documentId, {
      scheduledAt: '2099-03-01T08:00:00.000Z',
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe(
      'Only Editors can schedule publication: ask an editor to do it.',
    );
    expect((await draftRow(app.strapi, documentId)).scheduledAt).toBeNull();

    const byEditor = await staff.editor.cm.update(ARTICLE_UID, documentId, {
      scheduledAt: '2099-03-01T08:00:00.000Z',
    });
    expect(byEditor.status).toBe(200);
    expect(
      new Date((await draftRow(app.strapi, documentId)).scheduledAt as string).toISOString(),
    ).toBe('2099-03-01T08:00:00.000Z');
  });

  it('passes the unchanged values a form sends back, and ignores derived ones (200)', async () => {
    const { documentId } = await staff.authorDraft('Whole form');
    const before = await draftRow(app.strapi, documentId);
    const res = await staff.author.cm.update(ARTICLE_UID, documentId, {
      title: 'Whole form, saved',
      scheduledAt: null,
      originallyPublishedAt: '2001-01-01T00:00:00.000Z',
      readingTimeMinutes: 99,
    });
    expect(res.status).toBe(200);
    const after = await draftRow(app.strapi, documentId);
    expect(after.title).toBe('Whole form, saved');
    expect(after.originallyPublishedAt).toBeNull();
    expect(after.readingTimeMinutes).toBe(before.readingTimeMinutes);
  });
});
