import type { Core } from '@strapi/strapi';

import {
  PREVIEW_STATUSES,
  previewLinkTtlMinutes,
  signPreviewLink,
} from '../src/api/article/auth/preview-link';
import { ADMIN_PATH, ARTICLE_UID } from '../src/constants';
import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const secrets = resolveSecrets();
  const clientUrl = env('CLIENT_URL', '').replace(/\/+$/, '');
  const ttlMinutes = previewLinkTtlMinutes(env('PREVIEW_LINK_TTL_MINUTES', ''));
  return {
    url: ADMIN_PATH,
    // Strapi's Preview: the edit view opens the draft on the site with a link signed for this
    // document, valid `PREVIEW_LINK_TTL_MINUTES`; the site's preview handler passes `status`,
    // `expires` and `signature` on to GET /api/articles/:documentId/preview. Authors never see
    // PREVIEW_SECRET.
    preview: {
      enabled: Boolean(clientUrl),
      config: {
        allowedOrigins: clientUrl ? [new URL(clientUrl).origin] : [],
        async handler(
          uid: string,
          { documentId, status }: { documentId: string; status?: string },
        ) {
          if (uid !== ARTICLE_UID) return null;
          const wanted = PREVIEW_STATUSES.find((known) => known === status) ?? 'draft';
          const link = signPreviewLink(secrets.PREVIEW_SECRET, {
            documentId,
            status: wanted,
            ttlMinutes,
          });
          const query = new URLSearchParams({
            documentId,
            status: link.status,
            expires: String(link.expires),
            signature: link.signature,
          });
          return `${clientUrl}${env('CLIENT_PREVIEW_PATH', '/api/preview')}?${query}`;
        },
      },
    },
    auth: { secret: secrets.ADMIN_JWT_SECRET },
    apiToken: { salt: secrets.API_TOKEN_SALT },
    transfer: { token: { salt: secrets.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: secrets.ENCRYPTION_KEY },
    // The survey and the Enterprise promotions call Strapi's servers; this install reaches none.
    flags: { nps: false, promoteEE: false },
  };
};

export default config;
