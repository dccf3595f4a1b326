import type { Core } from '@strapi/strapi';

import { draftRulesMiddleware } from './draft-rules';
import { inUseGuardMiddleware } from './in-use-guard';
import { originallyPublishedAtMiddleware } from './originally-published-at';
import { publishRulesMiddleware } from './publish-rules';
import { readingTimeMiddleware } from './reading-time-middleware';
import { sectionTreeMiddleware } from './section-tree';
import { serialWritesMiddleware } from './serial-writes';
import { slugMiddleware } from './slug-middleware';

export { useSlugGeneratorInAdmin } from './admin-slug-generator';
export { readingTimeMinutes } from './reading-time';
export { toSlug, uniqueSlug } from './slug';

/**
 * The editorial rules, as Document Service middlewares, outermost first: writes of a slugged
 * type queue one at a time; the publish rules open the transaction that the derived fields are
 * written in, so a refused publish leaves nothing.
 */
export const registerPublishingMiddlewares = (strapi: Core.Strapi): void => {
  strapi.documents.use(serialWritesMiddleware);
  strapi.documents.use(publishRulesMiddleware(strapi));
  strapi.documents.use(draftRulesMiddleware);
  strapi.documents.use(inUseGuardMiddleware(strapi));
  strapi.documents.use(sectionTreeMiddleware(strapi));
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(readingTimeMiddleware);
  strapi.documents.use(originallyPublishedAtMiddleware(strapi));
};
