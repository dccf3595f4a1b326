import type { Core } from '@strapi/strapi';

import { viewsOf } from '../views';
import { applyAdminLayouts } from './admin-layout';
import { setNewsroomRoles } from './admin-roles';
import { prepareBenchRoutes } from './bench-routes';
import { seedExampleContentIfEmpty } from './example-content';
import { createFirstAdmin } from './first-admin';
import { setReaderPermissions } from './public-permissions';
import { setPublicRegistration } from './public-registration';

export { REFERENCE_SLUG, seedExampleContent } from './example-content';
export { MissingSecretsError, resolveSecrets } from './secrets';

/** The boot steps, in order. Each is idempotent: a restart changes nothing. */
const STEPS: Array<[name: string, step: (strapi: Core.Strapi) => Promise<void>]> = [
  ['reader permissions', setReaderPermissions],
  ['public registration (PUBLIC_REGISTRATION)', (strapi) => setPublicRegistration(strapi)],
  ['admin roles', setNewsroomRoles],
  ['admin layout (labels, hints, list columns)', applyAdminLayouts],
  ['first admin', (strapi) => createFirstAdmin(strapi)],
  ['example content', (strapi) => seedExampleContentIfEmpty(strapi)],
  ['view counter', async (strapi) => viewsOf(strapi).start()],
  ['bench routes (BENCH_ROUTES=true only)', prepareBenchRoutes],
];

export const runSetup = async (strapi: Core.Strapi): Promise<void> => {
  for (const [name, step] of STEPS) {
    const started = Date.now();
    await step(strapi);
    strapi.log.debug(`Boot step "${name}" took ${Date.now() - started} ms.`);
  }
};
