import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

export const NAIVE_TABLE = 'bench_naive_views';

/** The benchmark's yardsticks (see `routes/bench.ts`): a route doing nothing, and the naive counter. */
const bench = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** Answers 204: the cost of Strapi's content-API stack alone. */
  async noop(ctx: Context) {
    ctx.status = 204;
  },

  /**
   * The common recipe this project avoids: read the count, then write count + 1. Concurrent
   * requests read the same value and overwrite each other's increments.
   */
  async naiveView(ctx: Context) {
    const { documentId } = ctx.params as { documentId: string };
    const knex = strapi.db.connection;
    const row: { views: number } | undefined = await knex(NAIVE_TABLE)
      .where({ document_id: documentId })
      .first();
    const views = Number(row?.views ?? 0) + 1;
    if (row) await knex(NAIVE_TABLE).where({ document_id: documentId }).update({ views });
    else
      await knex(NAIVE_TABLE)
        .insert({ document_id: documentId, views })
        .onConflict('document_id')
        .merge();
    ctx.body = { data: { documentId, views } };
  },
});

export default bench;
