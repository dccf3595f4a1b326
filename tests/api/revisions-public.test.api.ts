/**
 * Revisions are never on the public API: no content-API route serves them (404 for anonymous
 * readers and for a full-access API token alike), the Public role holds no permission on them,
 * and a page of articles carries none of their fields. The admin routes need an admin login.
 */

import { REVISION_UID, UP_PERMISSION_UID } from '../../src/constants';
import { createApiToken } from '../helpers/admin';
import { expectError } from '../helpers/errors';
import { createArticle, editDraft } from '../helpers/fixtures';
import { storedRevisions } from '../helpers/revisions';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('revisions on the public API', () => {
  let app: TestApp;
  let documentId: string;
  let revisionId: number;

  beforeAll(async () => {
    app = await bootStrapi();
    ({ documentId } = await createArticle(app.strapi));
    await editDraft(app.strapi, documentId, { standfirst: 'Edited.' });
    [{ id: revisionId }] = await storedRevisions(app, documentId);
  });

  afterAll(stopStrapi);

  it('answers 404 to readers and to a full-access API token', async () => {
    const token = await createApiToken(app, 'Everything', 'full-access');
    for (const path of ['/api/revisions', `/api/revisions/${revisionId}`]) {
      expectError(await app.request().get(path), 404);
      expectError(await app.request().get(path).set('Authorization', `Bearer ${token}`), 404);
    }
    const write = await app
      .request()
      .post('/api/revisions')
      .set('Authorization', `Bearer ${token}`)
      .send({ data: { articleDocumentId: documentId } });
    // Strapi's own answer for a method no route has (405 here); either way nothing is written.
    expect([404, 405]).toContain(write.status);
    expect(await storedRevisions(app, documentId)).toHaveLength(2);
  });

  it('gives the Public role no permission on revisions', async () => {
    const granted = await app.strapi.db
      .query(UP_PERMISSION_UID)
      .count({ where: { action: { $startsWith: 'api::revision.' } } });
    expect(granted).toBe(0);
    expect(app.strapi.contentType(REVISION_UID).options?.draftAndPublish).toBe(false);
  });

  it('keeps the admin routes behind the admin login', async () => {
    const res = await app.request().get(`/newsroom-revisions/revisions/${revisionId}`);
    expectError(res, 401);
  });
});
