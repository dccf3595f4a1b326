import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../src/constants';
import { resolveSecrets } from '../src/setup/secrets';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => {
  const secrets = resolveSecrets();
  const clientUrl = env('CLIENT_URL', '').replace(/\/+$/, '');
  return {
    // Strapi's Preview: the edit view opens the draft on the site, whose preview handler
    // calls GET /api/articles/:documentId/preview with the secret.
    preview: {
      enabled: Boolean(clientUrl),
      config: {
        allowedOrigins: clientUrl ? [new URL(clientUrl).origin] : [],
        async handler(
          uid: string,
          { documentId, status }: { documentId: string; status?: string },
        ) {
          if (uid !== ARTICLE_UID) return null;
          const query = new URLSearchParams({
            documentId,
            status: status ?? 'draft',
            secret: secrets.PREVIEW_SECRET,
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
