import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';
import { createViewStore, type ViewStore } from './store';

export { VIEWS_TABLE } from './store';

export interface RecordedView {
  documentId: string;
  views: number;
  counted: boolean;
}

/**
 * The view counter: records reads of published articles and answers totals. It writes only to
 * its own table, never to an article row, so counting moves no `updatedAt` and survives publishing.
 */
export const createViews = (strapi: Core.Strapi, store: ViewStore = createViewStore(strapi)) => ({
  /** Records one view; `null` when no published article has this document id. */
  async record(documentId: string): Promise<RecordedView | null> {
    const published = await strapi.db.query(ARTICLE_UID).findOne({
      select: ['id'],
      where: { documentId, publishedAt: { $notNull: true } },
    });
    if (!published) return null;
    return { documentId, views: await store.increment(documentId), counted: true };
  },

  totals: (documentIds: readonly string[]) => store.totals(documentIds),

  initialise: (documentId: string, views: number) => store.initialise(documentId, views),
});

export type Views = ReturnType<typeof createViews>;

let instance: { strapi: Core.Strapi; views: Views } | undefined;

/** The counter of this Strapi instance (one per process, made on first use). */
export const views = (strapi: Core.Strapi): Views => {
  if (instance?.strapi !== strapi) instance = { strapi, views: createViews(strapi) };
  return instance.views;
};
