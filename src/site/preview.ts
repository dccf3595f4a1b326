import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

import { verifyPreviewLink } from '../api/article/auth/preview-link';
import { DOCUMENT_ID_PATTERN } from '../constants';
import { resolveSecrets } from '../setup/secrets';

/**
 * `/news/preview`'s policy: a link the admin's Preview signed for this document and status, not
 * expired (the same check as `GET /api/articles/:documentId/preview`'s). Anything else is a 403
 * `PolicyError` saying why; no `documentId`, or `?secret=`, is a 400 (a secret in a URL ends up
 * in logs).
 */
export const previewLinkPolicy = (policyContext: Core.PolicyContext): true => {
  // The policy context copies the Koa context's own properties: `request`, not its `query` getter.
  const query = (policyContext.request.query ?? {}) as Record<string, unknown>;
  if (query.secret !== undefined) {
    throw new errors.ValidationError(
      'The preview secret is not accepted in the URL: open Preview in the admin for a signed link',
    );
  }
  const { documentId, status = 'draft', expires, signature } = query;
  if (typeof documentId !== 'string' || !DOCUMENT_ID_PATTERN.test(documentId)) {
    throw new errors.ValidationError('A preview link needs the `documentId` of an article');
  }
  const check = verifyPreviewLink(resolveSecrets().PREVIEW_SECRET, {
    documentId,
    status,
    expires,
    signature,
  });
  // A PolicyError keeps its message (Strapi's authorize step turns an UnauthorizedError thrown
  // downstream into a bare 401 "Unauthorized").
  if (!check.ok) throw new errors.PolicyError(check.message);
  return true;
};
