import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { ARTICLE_UID, DESK_SERVICE_UID } from '../../../constants';
import { parseParams, parseQuery } from '../../../http/input';
import {
  BREAKING_TTL_SECONDS,
  breakingQuery,
  correctionsQuery,
  relatedParams,
  relatedQuery,
} from '../desk-input';

/** The desk's public reads: thin doors to `api::article.desk`. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const desk = () => strapi.service(DESK_SERVICE_UID);
  const sanitizeArticles = (articles: unknown, ctx: Context) =>
    strapi.contentAPI.sanitize.output(articles, strapi.contentType(ARTICLE_UID), {
      auth: ctx.state.auth,
    });

  return {
    /** `GET /corrections?page=&pageSize=&kind=`: the latest notes of published articles. */
    async corrections(ctx: Context) {
      const query = parseQuery(ctx, correctionsQuery);
      const { data, pagination } = await desk().corrections(query);
      return { data, meta: { pagination } };
    },

    /** `GET /articles/:documentId/related?limit=`: pinned, then ranked published articles. */
    async related(ctx: Context) {
      const { documentId } = parseParams(ctx, relatedParams);
      const { limit } = parseQuery(ctx, relatedQuery);
      const related = await desk().related(documentId, limit);
      if (!related) return ctx.notFound('No published article has this document id');
      return { data: await sanitizeArticles(related, ctx), meta: { limit } };
    },

    /** `GET /articles/breaking?limit=`: the live breaking news, newest first. */
    async breaking(ctx: Context) {
      const { limit } = parseQuery(ctx, breakingQuery);
      const now = new Date();
      const live = await desk().breaking({ now, limit });
      // The cached list must not outlive its first expiry.
      const soonest = Math.min(
        ...live.map((item: { breakingUntil?: string | null }) =>
          new Date(item.breakingUntil ?? 0).getTime(),
        ),
      );
      const untilExpiry = Math.floor((soonest - now.getTime()) / 1000);
      ctx.state.cacheTtlSeconds = Math.max(0, Math.min(BREAKING_TTL_SECONDS, untilExpiry));
      return { data: await sanitizeArticles(live, ctx), meta: { limit } };
    },
  };
};
