import type { Core } from '@strapi/strapi';

export const VIEWS_TABLE = 'article_views';

const toNumber = (value: unknown): number => Number(value ?? 0);

/**
 * The view totals, keyed by document id. Every write is one atomic statement in the database
 * (an upsert raising `views` by n), never a read-modify-write, so concurrent views on any number
 * of instances are all counted.
 */
export const createViewStore = (strapi: Core.Strapi) => {
  const knex = () => strapi.db.connection;

  return {
    /** Adds `by` views to the document and answers its new total. */
    async increment(documentId: string, by = 1): Promise<number> {
      const rows: Array<{ views: unknown }> = await knex()(VIEWS_TABLE)
        .insert({ document_id: documentId, views: by })
        .onConflict('document_id')
        .merge({ views: knex().raw('??.?? + ?', [VIEWS_TABLE, 'views', by]) })
        .returning('views');
      return toNumber(rows[0]?.views);
    },

    /** Sets a document's total only when it has none yet (the seed's starting figure). */
    async initialise(documentId: string, views: number): Promise<void> {
      await knex()(VIEWS_TABLE)
        .insert({ document_id: documentId, views })
        .onConflict('document_id')
        .ignore();
    },

    /** The totals of many documents in one query; a document never viewed counts 0. */
    async totals(documentIds: readonly string[]): Promise<Map<string, number>> {
      const totals = new Map<string, number>(documentIds.map((id) => [id, 0]));
      if (documentIds.length === 0) return totals;
      const rows: Array<{ document_id: string; views: unknown }> = await knex()(VIEWS_TABLE)
        .select('document_id', 'views')
        .whereIn('document_id', [...new Set(documentIds)]);
      rows.forEach((row) => totals.set(row.document_id, toNumber(row.views)));
      return totals;
    },
  };
};

export type ViewStore = ReturnType<typeof createViewStore>;
