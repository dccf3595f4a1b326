import { factories } from '@strapi/strapi';

import { ARTICLE_UID, SLUG_PATTERN, TAG_UID } from '../../../constants';
import { parseParams, parseQuery } from '../../../http/input';
import { pageQuery } from '../../../http/pages';
import { tagSlugParams } from '../input';

export default factories.createCoreController(TAG_UID, ({ strapi }) => ({
  /** `GET /tags/slug/:slug?page=&pageSize=`: the tag and a page of its published articles. */
  async findBySlug(ctx) {
    const { slug } = parseParams(ctx, tagSlugParams);
    const query = parseQuery(ctx, pageQuery);
    const found = SLUG_PATTERN.test(slug)
      ? await strapi.service(TAG_UID).findPageBySlug(slug, query)
      : null;
    if (!found) return ctx.notFound(`No tag has the slug "${slug}"`);
    const auth = { auth: ctx.state.auth };
    const [tag, articles] = await Promise.all([
      strapi.contentAPI.sanitize.output(found.tag, strapi.contentType(TAG_UID), auth),
      strapi.contentAPI.sanitize.output(found.articles, strapi.contentType(ARTICLE_UID), auth),
    ]);
    return { data: { ...(tag as object), articles }, meta: { pagination: found.pagination } };
  },
}));
