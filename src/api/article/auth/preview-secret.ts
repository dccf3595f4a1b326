import { createHash, timingSafeEqual } from 'node:crypto';

import type { Context } from 'koa';

import { resolveSecrets } from '../../../setup/secrets';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * An auth strategy for the preview route: the site's preview handler presents `PREVIEW_SECRET`
 * (query `secret` or header `X-Preview-Secret`). Compared in constant time.
 */
export const previewSecretStrategy = {
  name: 'preview-secret',
  async authenticate(ctx: Context) {
    const given =
      ctx.get('X-Preview-Secret') || (typeof ctx.query.secret === 'string' ? ctx.query.secret : '');
    if (!given) return { authenticated: false };
    const ok = timingSafeEqual(digest(given), digest(resolveSecrets().PREVIEW_SECRET));
    return ok ? { authenticated: true, credentials: { preview: true } } : { authenticated: false };
  },
  verify() {
    // The secret itself is the whole permission.
  },
};
