import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';
import { viewsOf } from '../views';
import { batchLoader, perRequest } from './batch';
import type { GraphqlContext } from './types';

export interface Crumb {
  name: string;
  slug: string;
  documentId: string;
}

interface ArticleRow {
  id: number;
  documentId: string;
}

interface ArticleService {
  breadcrumb(sectionDocumentId: string | undefined): Promise<Crumb[]>;
}

/** The fields GraphQL adds to `Article`, beside its attributes (`readingTimeMinutes` is one). */
export const ARTICLE_FIELDS_TYPE_DEFS = /* GraphQL */ `
  "A section of an article's breadcrumb, from the top section down to the article's own."
  type ArticleCrumb {
    name: String!
    slug: String!
    documentId: ID!
  }

  extend type Article {
    "Views counted so far (all time), as REST answers them."
    views: Int!
    "The article's section and the sections above it, top first (empty without a section)."
    breadcrumb: [ArticleCrumb!]!
  }
`;

/**
 * `Article.views` and `Article.breadcrumb`, each loaded in batches per request: the views of all
 * the articles of an answer in one query to the views store, the sections of all of them in one
 * query, then one breadcrumb query per distinct section (not per article).
 */
export const articleFieldResolvers = (strapi: Core.Strapi) => {
  const viewsLoader = perRequest(() =>
    batchLoader<string, number>((documentIds) => viewsOf(strapi).totals(documentIds), 0),
  );

  const breadcrumbs = async (articleIds: number[]): Promise<Map<number, Crumb[]>> => {
    const rows = (await strapi.db.query(ARTICLE_UID).findMany({
      where: { id: { $in: articleIds } },
      select: ['id'],
      populate: { section: { select: ['documentId'] } },
    })) as Array<{ id: number; section?: { documentId: string } | null }>;
    const service = strapi.service(ARTICLE_UID) as unknown as ArticleService;
    const sectionIds = [...new Set(rows.flatMap((row) => row.section?.documentId ?? []))];
    const chains = new Map(
      await Promise.all(sectionIds.map(async (id) => [id, await service.breadcrumb(id)] as const)),
    );
    return new Map(rows.map((row) => [row.id, chains.get(row.section?.documentId ?? '') ?? []]));
  };
  const breadcrumbLoader = perRequest(() => batchLoader<number, Crumb[]>(breadcrumbs, []));

  return {
    Article: {
      views: (article: ArticleRow, _args: unknown, context: GraphqlContext) =>
        viewsLoader(context)(article.documentId),
      breadcrumb: (article: ArticleRow, _args: unknown, context: GraphqlContext) =>
        breadcrumbLoader(context)(article.id),
    },
  };
};
