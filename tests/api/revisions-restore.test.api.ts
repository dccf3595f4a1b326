/**
 * Diff and restore through the admin routes: the diff of two revisions names the fields that
 * differ (blocks compared as text); an Editor restores an old revision as the current draft (the
 * published version untouched), which records a revision of its own (path `restore`) whose diff
 * to the restored one is empty. Unknown or malformed ids are 404 and 400, never 500.
 */

import { ARTICLE_UID } from '../../src/constants';
import { createNewsroomStaff, type NewsroomStaff } from '../helpers/admin';
import { expectError, expectValidationError } from '../helpers/errors';
import { connect, draftRow, paragraph, publishedRows } from '../helpers/fixtures';
import { revisionsAdmin, storedRevisions } from '../helpers/revisions';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('diff and restore of revisions', () => {
  let app: TestApp;
  let staff: NewsroomStaff;
  let editor: ReturnType<typeof revisionsAdmin>;

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
    editor = revisionsAdmin(app, staff.editor.token);
  });

  afterAll(stopStrapi);

  /** An article published as "First", published again as "Second", its draft now "Third". */
  const threeVersions = async () => {
    const cm = staff.editor.cm;
    const created = await cm.create(ARTICLE_UID, {
      title: 'First',
      body: [paragraph('The first text.')],
      section: connect(staff.section.documentId),
      authors: connect(staff.byline.documentId),
    });
    expect(created.status).toBe(201);
    const documentId = created.body.data.documentId as string;
    expect((await cm.publish(ARTICLE_UID, documentId)).status).toBe(200);
    const second = { title: 'Second', body: [paragraph('The second text.')], standfirst: 'More.' };
    expect((await cm.publish(ARTICLE_UID, documentId, second)).status).toBe(200);
    expect((await cm.update(ARTICLE_UID, documentId, { title: 'Third' })).status).toBe(200);
    const revisions = await storedRevisions(app, documentId);
    const firstPublish = revisions.find((row) => row.action === 'publish');
    if (!firstPublish) throw new Error('no publish revision');
    return { documentId, firstPublish, latest: revisions[revisions.length - 1] };
  };

  it("lists an article's revisions newest first, without their fields", async () => {
    const { documentId, latest } = await threeVersions();
    const res = await editor.list(documentId, '?pageSize=2');
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    expect(res.body.data[0]).toMatchObject({
      id: latest.id,
      action: 'update',
      path: 'admin',
      actor: expect.stringContaining('Eve Editor'),
      articleTitle: 'Third',
    });
    expect(res.body.data[0]).not.toHaveProperty('snapshot');
    expect(res.body.meta.pagination).toMatchObject({ page: 1, pageSize: 2, total: 6 });
  });

  it('diffs two revisions field by field, blocks as text', async () => {
    const { firstPublish, latest } = await threeVersions();
    const res = await editor.diff(firstPublish.id, latest.id);
    expect(res.status).toBe(200);
    const changes = res.body.data.changes as Array<{ field: string }>;
    expect(changes.map((change) => change.field).sort()).toEqual(['body', 'standfirst', 'title']);
    expect(changes).toEqual(
      expect.arrayContaining([
        { field: 'title', kind: 'value', before: 'First', after: 'Third' },
        { field: 'body', kind: 'text', before: 'The first text.', after: 'The second text.' },
      ]),
    );
  });

  it('restores a revision as the draft, itself a revision with no difference to it', async () => {
    const { documentId, firstPublish } = await threeVersions();
    const res = await editor.restore(firstPublish.id);
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({
      restoredFrom: firstPublish.id,
      revision: {
        action: 'update',
        path: 'restore',
        actor: expect.stringContaining('Eve Editor'),
        restoredFrom: firstPublish.id,
      },
    });
    expect(await draftRow(app.strapi, documentId)).toMatchObject({
      title: 'First',
      standfirst: null,
    });
    // What readers see changes only when an Editor publishes.
    expect((await publishedRows(app.strapi, documentId))[0]).toMatchObject({ title: 'Second' });

    const diff = await editor.diff(firstPublish.id, res.body.data.revision.id);
    expect(diff.status).toBe(200);
    expect(diff.body.data.changes).toEqual([]);
  });

  it('answers 404 for an unknown revision and 400 for malformed or mismatched ids', async () => {
    expectError(await editor.restore(999_999), 404, 'NotFoundError');
    expectError(await editor.get(999_999), 404, 'NotFoundError');
    expectValidationError(await editor.restore('abc'), 'id must be a revision id');
    expectValidationError(await editor.diff('1', 'x'), 'to must be a revision id');
    const one = await threeVersions();
    const other = await threeVersions();
    expectValidationError(
      await editor.diff(one.latest.id, other.latest.id),
      'revisions of the same article',
    );
    expectValidationError(
      await editor.list(one.documentId, '?pageSize=1000'),
      'pageSize must be a whole number from 1 to 100',
    );
  });
});
