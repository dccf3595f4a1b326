/**
 * Previewing a draft (`GET /api/articles/:documentId/preview`): the draft's page payload with a
 * link the admin signed for that document (until it expires), the `X-Preview-Secret` header or an
 * API token; 401 otherwise, saying why; the secret in the URL refused (400). Readers never get
 * the draft, and the admin's Preview URL never holds the secret.
 */

import type { PreviewLink } from '../../src/api/article/auth/preview-link';
import { ARTICLE_UID } from '../../src/constants';
import {
  createApiToken,
  createDraftAs,
  createNewsroomStaff,
  type NewsroomStaff,
} from '../helpers/admin';
import { TEST_SECRETS } from '../helpers/env';
import { describeWithDatabase } from '../helpers/services';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const { signPreviewLink } = appModule<typeof import('../../src/api/article/auth/preview-link')>(
  'api/article/auth/preview-link',
);
const HOUR = 3_600_000;
const CLIENT_URL = 'https://www.newsroom.test';

const linkQuery = ({ status, expires, signature }: PreviewLink) =>
  `?${new URLSearchParams({ status, expires: String(expires), signature })}`;

describeWithDatabase('the preview of a draft', () => {
  let app: TestApp;
  let staff: NewsroomStaff;
  /** Published as "..., published title", then edited in its draft only. */
  let draft: { documentId: string; slug: string };

  const preview = (documentId: string, query = '') =>
    app.request().get(`/api/articles/${documentId}/preview${query}`);
  const signed = (documentId: string, now = Date.now(), secret = TEST_SECRETS.PREVIEW_SECRET) =>
    signPreviewLink(secret, { documentId, status: 'draft', ttlMinutes: 30, now });

  beforeAll(async () => {
    app = await bootStrapi({ env: { CLIENT_URL, PREVIEW_LINK_TTL_MINUTES: '30' } });
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

  it('is 401 without a link, the header or a token, and with a wrong header', async () => {
    expect((await preview(draft.documentId)).status).toBe(401);
    const wrong = await preview(draft.documentId).set('X-Preview-Secret', 'wrong-secret');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toMatchObject({ name: 'UnauthorizedError' });
  });

  it("answers the draft's page with the X-Preview-Secret header, without authors' emails", async () => {
    const res = await preview(draft.documentId).set(
      'X-Preview-Secret',
      TEST_SECRETS.PREVIEW_SECRET,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Preview me, draft title');
    expect(res.body.data.authors).toHaveLength(1);
    expect(res.body.data.authors[0].name).toBe('Roles Reporter');
    expect(JSON.stringify(res.body)).not.toContain('byline@newsroom.test');
  });

  it('refuses the secret in the URL (400), even the right one, saying what to use', async () => {
    for (const secret of [TEST_SECRETS.PREVIEW_SECRET, 'wrong']) {
      const res = await preview(draft.documentId, `?secret=${encodeURIComponent(secret)}`);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ data: null, error: { name: 'ValidationError' } });
      expect(res.body.error.message).toMatch(/signed link.*X-Preview-Secret header/);
    }
  });

  it('answers a link signed for that document until it expires', async () => {
    const res = await preview(draft.documentId, linkQuery(signed(draft.documentId)));
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Preview me, draft title');

    const expired = await preview(
      draft.documentId,
      linkQuery(signed(draft.documentId, Date.now() - HOUR)),
    );
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/^This preview link expired at .*open Preview/);
  });

  it("refuses another document's link, a tampered one and one signed with another secret", async () => {
    const other = await staff.authorDraft('Another draft, not previewable with the first link');
    const res = await preview(other.documentId, linkQuery(signed(draft.documentId)));
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/not valid for this article/);

    const link = signed(draft.documentId);
    const later = { ...link, expires: link.expires + 24 * 3600 };
    for (const tampered of [later, signed(draft.documentId, Date.now(), 'not-the-secret')]) {
      const refused = await preview(draft.documentId, linkQuery(tampered));
      expect(refused.status).toBe(401);
      expect(refused.body.data).toBeNull();
    }
  });

  it('answers with a read-only API token (200), not with a made-up one (401)', async () => {
    const accessKey = await createApiToken(app, 'Preview reader');

    const res = await preview(draft.documentId).set('Authorization', `Bearer ${accessKey}`);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Preview me, draft title');
    const madeUp = await preview(draft.documentId).set('Authorization', 'Bearer not-a-token');
    expect(madeUp.status).toBe(401);
  });

  it("gives an Author's Preview a signed link that works, without the secret", async () => {
    const own = await staff.authorDraft('Ada previews her own draft');
    const answer = await staff.author.cm.previewUrl(ARTICLE_UID, own.documentId);
    expect(answer.status).toBe(200);
    const url = answer.body.data.url as string;
    expect(url).toMatch(new RegExp(`^${CLIENT_URL}/api/preview\\?`));
    expect(url).not.toContain(encodeURIComponent(TEST_SECRETS.PREVIEW_SECRET));
    expect(url).not.toContain(TEST_SECRETS.PREVIEW_SECRET);
    const params = new URL(url).searchParams;
    expect(params.get('documentId')).toBe(own.documentId);
    const query = `?${new URLSearchParams({
      status: params.get('status') ?? '',
      expires: params.get('expires') ?? '',
      signature: params.get('signature') ?? '',
    })}`;
    expect(Number(params.get('expires')) * 1000).toBeGreaterThan(Date.now() + 29 * 60_000);
    const res = await preview(own.documentId, query);
    expect(res.status).toBe(200);
    expect(res.body.data.title).toBe('Ada previews her own draft');
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
