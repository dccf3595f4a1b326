/**
 * The preview of a draft as a reader page (`/news/preview`, the link the admin's Preview opens
 * when `CLIENT_PREVIEW_PATH=/news/preview`): a valid signed link renders the draft, never cached
 * (`private, no-store`) nor indexed, and records no view; no link, a tampered, expired or other
 * document's link is refused, and the draft stays unreachable by its slug.
 */

import type { PreviewLink } from '../../src/api/article/auth/preview-link';
import { TEST_SECRETS } from '../helpers/env';
import { byTestId, metaTags } from '../helpers/html';
import { createPublicContent, DRAFT_TITLE, UNPUBLISHED_EDIT } from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { getPage, SITE_ENV } from '../helpers/site';
import { appModule, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const { signPreviewLink } = appModule<typeof import('../../src/api/article/auth/preview-link')>(
  'api/article/auth/preview-link',
);

const previewPath = (link: PreviewLink) =>
  `/news/preview?${new URLSearchParams({ ...link, expires: String(link.expires) })}`;

describeWithDatabase('a preview link to a reader page', () => {
  let app: TestApp;
  let content: Awaited<ReturnType<typeof createPublicContent>>;
  const sign = (documentId: string, status: 'draft' | 'published' = 'draft', now = Date.now()) =>
    signPreviewLink(TEST_SECRETS.PREVIEW_SECRET, { documentId, status, ttlMinutes: 30, now });

  beforeAll(async () => {
    app = await bootStrapi({ env: SITE_ENV });
    content = await createPublicContent(app);
  });
  afterAll(stopStrapi);

  it('renders the draft, private, unindexed, marked as a preview (its script records no view)', async () => {
    const { res, html } = await getPage(app, previewPath(sign(content.draftOnly.documentId)));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers['x-robots-tag']).toBe('noindex, nofollow');
    expect(metaTags(html).robots).toBe('noindex, nofollow');
    expect(byTestId(html, 'headline').text).toBe(DRAFT_TITLE);
    expect(html).toContain('data-preview="true"');
  });

  it('renders the unpublished edit of a published article', async () => {
    const { html } = await getPage(app, previewPath(sign(content.published.documentId)));
    expect(byTestId(html, 'headline').text).toBe(UNPUBLISHED_EDIT);
  });

  it('renders the published version when the link asks for it', async () => {
    const link = sign(content.published.documentId, 'published');
    const { html } = await getPage(app, previewPath(link));
    expect(byTestId(html, 'headline').text).toBe('Harbour reopens after storm');
  });

  it('leaves the draft unreachable by its slug', async () => {
    expect((await getPage(app, `/news/${content.draftOnly.slug as string}`)).res.status).toBe(404);
  });

  it('refuses a request without a link, with a 400', async () => {
    const res = await app.request().get('/news/preview');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ status: 400, name: 'ValidationError' });
  });

  it("refuses another document's, a tampered and an expired link, with a 403 saying why", async () => {
    const other = {
      ...sign(content.published.documentId),
      documentId: content.draftOnly.documentId,
    };
    const tampered = { ...sign(content.draftOnly.documentId), signature: 'A'.repeat(43) };
    const expired = sign(content.draftOnly.documentId, 'draft', Date.now() - 31 * 60 * 1000);
    for (const [link, message] of [
      [other, /not valid for this article/],
      [tampered, /not valid for this article/],
      [expired, /expired at/],
    ] as const) {
      const res = await app.request().get(previewPath(link));
      expect(res.status).toBe(403);
      expect(res.body.error.name).toBe('PolicyError');
      expect(res.body.error.message).toMatch(message);
      expect(res.text).not.toContain(DRAFT_TITLE);
    }
  });

  it('refuses the preview secret in the URL, right or wrong, with a 400', async () => {
    for (const secret of [TEST_SECRETS.PREVIEW_SECRET, 'wrong']) {
      const link = sign(content.draftOnly.documentId);
      const res = await app.request().get(`${previewPath(link)}&secret=${secret}`);
      expect(res.status).toBe(400);
      expect(res.text).not.toContain(DRAFT_TITLE);
    }
  });
});
