/**
 * Previewing a draft (`GET /api/articles/:documentId/preview`): the draft's page payload with the
 * preview secret (query or header) or an API token, 401 otherwise; readers never get the draft.
 */

import { ARTICLE_UID } from '../../src/constants';
import {
  createApiToken,
  createDraftAs,
  createNewsroomStaff,
  type NewsroomStaff,
} from '../helpers/admin';
import { TEST_SECRETS } from '../helpers/env';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('the preview of a draft', () => {
  let app: TestApp;
  let staff: NewsroomStaff;
  /** Published as "..., published title", then edited in its draft only. */
  let draft: { documentId: string; slug: string };

  const preview = (documentId: string, query = '') =>
    app.request().get(`/api/articles/${documentId}/preview${query}`);

  beforeAll(async () => {
    app = await bootStrapi();
    staff = await createNewsroomStaff(app);
    const { editor, section, byline } = staff;
    draft = await createDraftAs(editor.cm, {
      title: 'Preview me, published title',
      section,
      byline,
    });
    expect((await editor.cm.publish(ARTICLE_UID, draft.documentId)).status).toBe(200);
    const edit = await editor.cm.update(ARTICLE_UID, draft.documentId, {
      title: 'Preview me, draft title',
    });
    expect(edit.status).toBe(200);
  });
  afterAll(stopStrapi);

  it('is 401 without the secret or a token, and with a wrong secret', async () => {
    expect((await preview(draft.documentId)).status).toBe(401);
    expect((await preview(draft.documentId, '?secret=wrong')).status).toBe(401);
    expect((await preview(draft.documentId).set('X-Preview-Secret', 'wrong-secret')).status).toBe(
      401,
    );
  });

  it("answers the draft's page with the secret (query or header), without authors' emails", async () => {
    const secret = TEST_SECRETS.PREVIEW_SECRET;
    const viaQuery = await preview(draft.documentId, `?secret=${encodeURIComponent(secret)}`);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.body.data.title).toBe('Preview me, draft title');
    expect(viaQuery.body.data.authors).toHaveLength(1);
    expect(viaQuery.body.data.authors[0].name).toBe('Roles Reporter');
    expect(JSON.stringify(viaQuery.body)).not.toContain('byline@newsroom.test');

    const viaHeader = await preview(draft.documentId).set('X-Preview-Secret', secret);
    expect(viaHeader.status).toBe(200);
    expect(viaHeader.body.data.title).toBe('Preview me, draft title');
  });

  it('answers with a read-only API token (200), not with a made-up one (401)', async () => {
    const accessKey = await createApiToken(app, 'Preview reader');

    const res = await preview(draft.documentId).set('Authorization', `Bearer ${accessKey}`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Preview me, draft title');
    const madeUp = await preview(draft.documentId).set('Authorization', 'Bearer not-a-token');
    expect(madeUp.status).toBe(401);
  });

  it('is never what the public gets', async () => {
    const neverPublished = await staff.authorDraft('Never published, previewable');
    for (const query of ['', '?status=draft']) {
      const res = await app.request().get(`/api/articles/${neverPublished.documentId}${query}`);
      expect(res.status).toBe(404);
    }
    const live = await app.request().get(`/api/articles/${draft.documentId}?status=draft`);
    expect(live.status).toBe(200);
    expect(live.body.data.title).toBe('Preview me, published title');
  });
});
