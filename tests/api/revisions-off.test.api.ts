/**
 * REVISIONS_ENABLED=false (the bench's "off" side): article changes record no revision, on any
 * path, and the history's admin routes still answer (an empty list).
 */

import { createNewsroomStaff } from '../helpers/admin';
import { createArticle, editDraft, unpublishArticle } from '../helpers/fixtures';
import { countRevisions, revisionsAdmin } from '../helpers/revisions';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('revisions turned off', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: { REVISIONS_ENABLED: 'false' } });
  });

  afterAll(stopStrapi);

  it('records nothing, and lists nothing', async () => {
    const staff = await createNewsroomStaff(app);
    const { documentId } = await staff.authorDraft('Unrecorded');
    const published = await createArticle(app.strapi);
    await editDraft(app.strapi, published.documentId, { title: 'Unrecorded edit' });
    await unpublishArticle(app.strapi, published.documentId);
    expect(await countRevisions(app.strapi)).toBe(0);

    const res = await revisionsAdmin(app, staff.editor.token).list(documentId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: [], meta: { pagination: { total: 0 } } });
  });
});
