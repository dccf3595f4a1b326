import { createHash, timingSafeEqual } from 'node:crypto';

import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { resolveSecrets } from '../../../setup/secrets';
import { verifyPreviewLink } from './preview-link';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * An auth strategy for the preview route, tried before API tokens:
 * - a signed link the admin's Preview made (`?status=&expires=&signature=`), valid for that
 *   document only and until it expires;
 * - the `X-Preview-Secret` header with `PREVIEW_SECRET`, for a site's server-side calls.
 * Both compared in constant time. `?secret=` is refused (400): a secret in a URL ends up in logs.
 */
export const previewSecretStrategy = {
  name: 'preview-secret',
  async authenticate(ctx: Context) {
    if (ctx.query.secret !== undefined) {
      throw new errors.ValidationError(
        'The preview secret is not accepted in the URL: use a signed link from the admin ' +
          '(status, expires, signature) or the X-Preview-Secret header',
      );
    }
    const { PREVIEW_SECRET } = resolveSecrets();
    const header = ctx.get('X-Preview-Secret');
    if (header) {
      return timingSafeEqual(digest(header), digest(PREVIEW_SECRET))
        ? { authenticated: true, credentials: { preview: 'secret' } }
        : { authenticated: false, error: 'Invalid X-Preview-Secret' };
    }
    const { expires, signature, status = 'draft' } = ctx.query;
    if (expires === undefined && signature === undefined) return { authenticated: false };
    const check = verifyPreviewLink(PREVIEW_SECRET, {
      documentId: ctx.params.documentId,
      status,
      expires,
      signature,
    });
    return check.ok
      ? { authenticated: true, credentials: { preview: 'link' } }
      : { authenticated: false, error: check.message };
  },
  verify() {
    // A valid secret or link is the whole permission.
  },
};
