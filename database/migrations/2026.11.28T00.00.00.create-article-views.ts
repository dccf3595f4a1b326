import type { Knex } from 'knex';

/**
 * View totals live outside the article tables: Strapi 5 deletes and recreates the published row
 * on every publish, and a counter kept there would be lost or would mark the article "Modified".
 * One row per article document, raised with an atomic upsert.
 */
export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('article_views')) return;
  await knex.schema.createTable('article_views', (table) => {
    table.string('document_id', 64).primary();
    table.bigInteger('views').notNullable().defaultTo(0);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('article_views');
}
