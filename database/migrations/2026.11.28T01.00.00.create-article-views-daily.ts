import type { Knex } from 'knex';

/**
 * Views per article per UTC day, for "most read today / this week / this month". Rows are raised
 * with atomic upserts like the totals. The index on (day, document_id, views) lets a ranking over
 * a period read only that period's rows, without touching the table itself.
 */
export async function up(knex: Knex): Promise<void> {
  if (!(await knex.schema.hasTable('article_views_daily'))) {
    await knex.schema.createTable('article_views_daily', (table) => {
      table.string('document_id', 64).notNullable();
      table.string('day', 10).notNullable(); // YYYY-MM-DD (UTC): sorts as it reads, in every database
      table.bigInteger('views').notNullable().defaultTo(0);
      table.primary(['document_id', 'day']);
      table.index(['day', 'document_id', 'views'], 'article_views_daily_day_idx');
    });
  }
  // Ranking over all time reads the totals in order.
  await knex.schema.alterTable('article_views', (table) => {
    table.index(['views'], 'article_views_views_idx');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('article_views_daily');
  await knex.schema.alterTable('article_views', (table) => {
    table.dropIndex(['views'], 'article_views_views_idx');
  });
}
