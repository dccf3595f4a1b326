import type { Core } from '@strapi/strapi';

import { NAIVE_TABLE } from '../api/bench/controllers/bench';

const PERMISSION_UID = 'plugin::users-permissions.permission';
const BENCH_ACTIONS = ['api::bench.bench.noop', 'api::bench.bench.naiveView'];

/**
 * With `BENCH_ROUTES=true` only: the naive counter's table, and the Public role's permission on
 * the bench routes, so they pay the same authentication and permission checks as the views route.
 */
export const prepareBenchRoutes = async (strapi: Core.Strapi): Promise<void> => {
  if (process.env.BENCH_ROUTES !== 'true') return;
  strapi.log.warn('BENCH_ROUTES is on: /api/bench/* routes are open. Never in production.');
  const knex = strapi.db.connection;
  if (!(await knex.schema.hasTable(NAIVE_TABLE))) {
    await knex.schema.createTable(NAIVE_TABLE, (table) => {
      table.string('document_id', 64).primary();
      table.integer('views').notNullable().defaultTo(0);
    });
  }
  const role: { id: number } | null = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'public' } });
  if (!role) return;
  for (const action of BENCH_ACTIONS) {
    const granted = await strapi.db
      .query(PERMISSION_UID)
      .findOne({ where: { action, role: role.id } });
    if (!granted) await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
  }
};
