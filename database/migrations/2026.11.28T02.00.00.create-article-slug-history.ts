import type { Knex } from 'knex';

/**
 * Slugs a published article has left behind: `GET /api/articles/slug/<old>` answers 301 to the
 * article's current slug, so links shared before a rename keep working.
 */
export async function up(knex: Knex): Promise<void> {
  if (await knex.schema.hasTable('article_slug_history')) return;
  await knex.schema.createTable('article_slug_history', (table) => {
    table.string('slug', 255).primary();
    table.string('document_id', 64).notNullable().index('article_slug_history_document_idx');
    table.timestamp('retired_at').notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('article_slug_history');
}
