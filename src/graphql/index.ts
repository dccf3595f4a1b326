/** GraphQL (`@strapi/plugin-graphql`): what readers may reach through it, and our own fields. */
import type { Core, UID } from '@strapi/strapi';

import { ARTICLE_FIELDS_TYPE_DEFS, articleFieldResolvers } from './article-fields';
import { publishedRelation, publishedRootQuery } from './guards';
import type { ResolverMiddleware } from './types';

export { graphqlConfig } from './config';

interface Naming {
  getTypeName(contentType: unknown): string;
  getFindQueryName(contentType: unknown): string;
  getFindConnectionQueryName(contentType: unknown): string;
  getFindOneQueryName(contentType: unknown): string;
}

interface Extension {
  shadowCRUD(uid: string): {
    disableMutations(): void;
    field(name: string): { disableOutput(): void };
  };
  use(configuration: (context: { strapi: Core.Strapi }) => object): void;
}

type Attribute = { type?: string; target?: UID.Schema };

/**
 * Every type but users-permissions' (whose mutations are its account flows, login and register,
 * and its permission-guarded user and role management, as over REST): written in the admin, or
 * over REST with an API token, never through GraphQL, by anyone.
 */
const readOnlyTypes = (strapi: Core.Strapi): string[] =>
  Object.keys(strapi.contentTypes).filter((uid) => !uid.startsWith('plugin::users-permissions.'));

/**
 * Every root query field of every content type, and every relation field, guarded (see
 * `guards.ts`): the root fields the shadow CRUD builds for each type (`find`, `findOne`,
 * `_connection`), the relations of each type's attributes. Names that a disabled type does not
 * have in the schema are ignored by the plugin.
 */
const guardedResolvers = (strapi: Core.Strapi) => {
  const naming = (strapi.plugin('graphql').service('utils') as { naming: Naming }).naming;
  const config: Record<string, { middlewares: ResolverMiddleware[] }> = {};
  for (const contentType of Object.values(strapi.contentTypes)) {
    for (const field of [
      naming.getFindQueryName(contentType),
      naming.getFindConnectionQueryName(contentType),
      naming.getFindOneQueryName(contentType),
    ]) {
      config[`Query.${field}`] = { middlewares: [publishedRootQuery] };
    }
    const typeName = naming.getTypeName(contentType);
    const attributes = (contentType as { attributes: Record<string, Attribute> }).attributes;
    for (const [name, attribute] of Object.entries(attributes)) {
      if (attribute.type !== 'relation' || !attribute.target) continue;
      const guard = { middlewares: [publishedRelation(strapi, attribute.target)] };
      config[`${typeName}.${name}`] = guard;
      config[`${typeName}.${name}_connection`] = guard;
    }
  }
  return config;
};

/** `register` step: the guards and fields above, and no mutations of the content types. */
export const registerGraphql = (strapi: Core.Strapi): void => {
  const plugin = strapi.plugin('graphql');
  if (!plugin) return;
  const extension = plugin.service('extension') as Extension;
  for (const uid of readOnlyTypes(strapi)) extension.shadowCRUD(uid).disableMutations();
  // A morph relation (to any type, articles' drafts too) that its resolver loads unfiltered: a
  // published article's cover would list every article using the image, drafts included.
  extension.shadowCRUD('plugin::upload.file').field('related').disableOutput();
  extension.use(() => ({
    typeDefs: ARTICLE_FIELDS_TYPE_DEFS,
    resolvers: articleFieldResolvers(strapi),
    resolversConfig: guardedResolvers(strapi),
  }));
};
