import type { Core } from '@strapi/strapi';

import { resolveSecrets } from '../src/setup/secrets';

const config = (): Core.Config.Admin => {
  const secrets = resolveSecrets();
  return {
    auth: { secret: secrets.ADMIN_JWT_SECRET },
    apiToken: { salt: secrets.API_TOKEN_SALT },
    transfer: { token: { salt: secrets.TRANSFER_TOKEN_SALT } },
    secrets: { encryptionKey: secrets.ENCRYPTION_KEY },
    // The survey and the Enterprise promotions call Strapi's servers; this install reaches none.
    flags: { nps: false, promoteEE: false },
  };
};

export default config;
