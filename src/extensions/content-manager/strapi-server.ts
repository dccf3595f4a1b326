import type { Core } from '@strapi/strapi';

import {
  type Controller,
  hasWordedRefusals,
  withWordedArticleRefusals,
  wordedArticlePermissionsPolicy,
} from '../../admin-panel/refusals';

type ControllerFactory = (deps: { strapi: Core.Strapi }) => Controller;

type Policy = string | { name: string; config?: Record<string, unknown> };
type PolicyHandler = (
  ctx: unknown,
  config: { action: string; actions: string[] },
  deps: { strapi: Core.Strapi },
) => Promise<boolean>;

interface Route {
  handler: string | unknown;
  config?: { policies?: Policy[] };
}

interface ContentManagerPlugin {
  controllers: Record<string, Controller | ControllerFactory>;
  policies: Record<string, PolicyHandler>;
  routes: Record<string, { routes: Route[] }>;
}

const HAS_PERMISSIONS = 'plugin::content-manager.hasPermissions';
const WORDED = 'worded-article-permissions';
const PREFIX = 'collection-types.';

/**
 * The content manager, with its refusals on articles said in words (an Author's refused save
 * reads why, not a bare "Forbidden" or "Policy Failed"): see src/admin-panel/refusals.ts.
 */
export default (plugin: ContentManagerPlugin): ContentManagerPlugin => {
  const collectionTypes = plugin.controllers['collection-types'];
  plugin.controllers['collection-types'] = ({ strapi }: { strapi: Core.Strapi }): Controller =>
    withWordedArticleRefusals(
      strapi,
      typeof collectionTypes === 'function' ? collectionTypes({ strapi }) : collectionTypes,
    );

  plugin.policies[WORDED] = (ctx, { action, actions }, { strapi }) =>
    wordedArticlePermissionsPolicy(strapi, action, actions)(ctx as never);
  for (const route of plugin.routes.admin?.routes ?? []) {
    if (typeof route.handler !== 'string' || !route.handler.startsWith(PREFIX)) continue;
    const name = route.handler.slice(PREFIX.length);
    const policies = route.config?.policies;
    const index =
      policies?.findIndex(
        (policy) => typeof policy === 'object' && policy.name === HAS_PERMISSIONS,
      ) ?? -1;
    if (!policies || index < 0 || !hasWordedRefusals(name)) continue;
    const actions = (policies[index] as { config?: { actions?: string[] } }).config?.actions ?? [];
    policies.splice(index, 0, {
      name: `plugin::content-manager.${WORDED}`,
      config: { action: name, actions },
    });
  }
  return plugin;
};
