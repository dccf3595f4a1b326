import type { Core } from '@strapi/strapi';

import { registerPublishingMiddlewares, useSlugGeneratorInAdmin } from './publishing';
import { runSetup } from './setup';

export default {
  /** Before the app starts: the editorial rules every save passes through. */
  register({ strapi }: { strapi: Core.Strapi }) {
    registerPublishingMiddlewares(strapi);
  },

  /** Once the database is ready: the boot steps, in order (see `src/setup`). */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    useSlugGeneratorInAdmin(strapi);
    await runSetup(strapi);
  },
};
