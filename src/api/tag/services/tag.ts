import { factories } from '@strapi/strapi';

import { ARTICLE_UID, TAG_UID } from '../../../constants';
import { type PageQuery, paginationOf } from '../../../http/pages';
import { articleCard } from '../../article/cards';

export default factories.createCoreService(TAG_UID, ({ strapi }) => ({
  /**
   * `GET /tags/slug/:slug`: the tag and one page of its published articles, newest first, or
   * `null` when no tag has the slug. Drafts never show: the articles are read published.
   */
  async findPageBySlug(slug: string, { page, pageSize }: PageQuery) {
    const tag = await strapi.documents(TAG_UID).findFirst({
      filters: { slug },
      fields: ['name', 'slug', 'description'],
    });
    if (!tag) return null;
    const filters = { tags: { documentId: tag.documentId } };
    const [articles, total] = await Promise.all([
      strapi.documents(ARTICLE_UID).findMany({
        ...articleCard(),
        status: 'published',
        filters,
        sort: [{ originallyPublishedAt: 'desc' }, { id: 'desc' }],
        start: (page - 1) * pageSize,
        limit: pageSize,
      }),
      strapi.documents(ARTICLE_UID).count({ status: 'published', filters }),
    ]);
    return {
      tag,
      articles,
      pagination: paginationOf({ page, pageSize }, total),
    };
  },
}));
