import { factories } from '@strapi/strapi';

import { ARTICLE_UID, DOCUMENT_ID_PATTERN, SLUG_PATTERN } from '../../../constants';
import { parseParams, parseQuery } from '../../../http/input';
import { currentSlugFor } from '../../../publishing/slug-history';
import { answerView, mostReadQuery } from '../../../views';
import { slugParams } from '../input';

type Entity = { documentId: string };

export default factories.createCoreController(ARTICLE_UID, ({ strapi }) => ({
  async find(ctx) {
    const { data, meta } = await super.find(ctx);
    const articles = await strapi.service(ARTICLE_UID).withViews(data as Entity[]);
    return { data: articles, meta };
  },

  async findOne(ctx) {
    const found = await super.findOne(ctx);
    if (!found?.data) return ctx.notFound('No published article has this document id');
    const [article] = await strapi.service(ARTICLE_UID).withViews([found.data as Entity]);
    return { data: article, meta: found.meta };
  },

  /** `GET /articles/slug/:slug`: the published article's page payload. */
  async findBySlug(ctx) {
    const { slug } = parseParams(ctx, slugParams);
    // A slug no article could have is not looked up (PostgreSQL refuses some bytes, such as NUL).
    if (!SLUG_PATTERN.test(slug))
      return ctx.notFound(`No published article has the slug "${slug}"`);
    const page = await strapi.service(ARTICLE_UID).findPageBySlug(slug, { auth: ctx.state.auth });
    if (!page) {
      // A slug the article had before it was renamed: send the reader to the current one.
      const current = await currentSlugFor(strapi, slug);
      if (!current) return ctx.notFound(`No published article has the slug "${slug}"`);
      const prefix = strapi.config.get<string>('api.rest.prefix', '/api');
      ctx.set('Location', `${prefix}/articles/slug/${current}`);
      ctx.status = 301;
      ctx.body = { data: null, meta: { redirect: { slug: current } } };
      return ctx.body;
    }
    // Sanitized as it was read: only public fields, and relations the caller may `find`.
    return { data: page, meta: {} };
  },

  /** `GET /articles/:documentId/preview`: a draft's page payload (preview secret or API token). */
  async preview(ctx) {
    const { documentId } = ctx.params as { documentId: string };
    const page = DOCUMENT_ID_PATTERN.test(documentId)
      ? await strapi.service(ARTICLE_UID).findDraftPage(documentId)
      : null;
    if (!page) return ctx.notFound('No article has this document id');
    // Read with public fields only: private ones (an author's email) stay out of previews too.
    return { data: page, meta: { status: 'draft' } };
  },

  /** `GET /articles/most-read?period=&section=&limit=`: the most read published articles. */
  async mostRead(ctx) {
    const query = parseQuery(ctx, mostReadQuery);
    const ranked = await strapi.service(ARTICLE_UID).mostRead(query);
    if (!ranked) return ctx.notFound(`No section has the slug "${query.section}"`);
    return {
      data: ranked,
      meta: { period: query.period, limit: query.limit, section: query.section ?? null },
    };
  },

  /** `POST /articles/:documentId/views`: records one read of a published article. */
  recordView(ctx) {
    const { documentId } = ctx.params as { documentId: string };
    return answerView(strapi, ctx, documentId);
  },
}));
