import type { Core } from '@strapi/strapi';

import { type Controller, withWordedArticleRefusals } from '../../admin-panel/refusals';

type ControllerFactory = (deps: { strapi: Core.Strapi }) => Controller;

interface ContentManagerPlugin {
  controllers: Record<string, Controller | ControllerFactory>;
}

/**
 * The content manager, with its refusals on articles said in words (an Author's refused save
 * reads why, not a bare "Forbidden"): see src/admin-panel/refusals.ts.
 */
export default (plugin: ContentManagerPlugin): ContentManagerPlugin => {
  const collectionTypes = plugin.controllers['collection-types'];
  plugin.controllers['collection-types'] = ({ strapi }: { strapi: Core.Strapi }): Controller =>
    withWordedArticleRefusals(
      strapi,
      typeof collectionTypes === 'function' ? collectionTypes({ strapi }) : collectionTypes,
    );
  return plugin;
};
