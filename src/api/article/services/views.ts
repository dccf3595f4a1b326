import type { Core } from '@strapi/strapi';

import { createViewsService } from '../../../views';

/** `api::article.views`: the view counter (see `src/views`), one per Strapi instance. */
export default ({ strapi }: { strapi: Core.Strapi }) => createViewsService(strapi);
