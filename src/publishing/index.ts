import type { Core } from '@strapi/strapi';

import { draftRulesMiddleware } from './draft-rules';
import { inUseGuardMiddleware } from './in-use-guard';
import { originallyPublishedAtMiddleware } from './originally-published-at';
import { publicationLogMiddleware, publicationLogReadOnlyMiddleware } from './publication-log';
import { publishRulesMiddleware } from './publish-rules';
import { publishedReadsMiddleware } from './published-reads';
import { readingTimeMiddleware } from './reading-time-middleware';
import { scheduleGuardMiddleware } from './schedule-guard';
import { sectionTreeMiddleware } from './section-tree';
import { serialWritesMiddleware } from './serial-writes';
import { slugHistoryMiddleware } from './slug-history';
import { slugMiddleware } from './slug-middleware';

export { useSlugGeneratorInAdmin } from './admin-slug-generator';
export { registerNewsroomConditions } from './conditions';
export { scopePublishedRead } from './published-reads';
export { readingTimeMinutes } from './reading-time';
export { publishDueArticles } from './scheduler';
export { toSlug, uniqueSlug } from './slug';

/**
 * The editorial rules, as Document Service middlewares, outermost first: writes of a slugged
 * type queue one at a time; the publish rules open the transaction that the log line, the slug
 * history and the derived fields are written in, so a refused publish leaves nothing. Published
 * reads see published related rows only, whoever asks (REST, GraphQL, our services).
 */
export const registerPublishingMiddlewares = (strapi: Core.Strapi): void => {
  strapi.documents.use(publishedReadsMiddleware(strapi));
  strapi.documents.use(serialWritesMiddleware);
  strapi.documents.use(publicationLogReadOnlyMiddleware);
  strapi.documents.use(publishRulesMiddleware(strapi));
  strapi.documents.use(scheduleGuardMiddleware(strapi));
  strapi.documents.use(publicationLogMiddleware(strapi));
  strapi.documents.use(slugHistoryMiddleware(strapi));
  strapi.documents.use(draftRulesMiddleware);
  strapi.documents.use(inUseGuardMiddleware(strapi));
  strapi.documents.use(sectionTreeMiddleware(strapi));
  strapi.documents.use(slugMiddleware(strapi));
  strapi.documents.use(readingTimeMiddleware);
  strapi.documents.use(originallyPublishedAtMiddleware(strapi));
};
