import type { Core } from '@strapi/strapi';

/** The RBAC condition's id, as Strapi names a condition registered without a plugin. */
export const OWN_UNPUBLISHED_DRAFT = 'api::own-unpublished-draft';

interface ConditionProvider {
  register(condition: {
    displayName: string;
    name: string;
    handler: (user: { id: number }) => Record<string, unknown>;
  }): Promise<unknown>;
}

/**
 * "Is the creator, and the article was never published": what an Author may edit. Matched in
 * memory by Strapi's permission engine and turned into query filters for lists, so it uses only
 * `$eq` (null matches a field never set). "Nor scheduled" is checked by the schedule guard, which
 * can say why: the content manager evaluates conditions on the incoming data as well, and would
 * answer a bare "Forbidden" to an Author who sends a date.
 */
export const registerNewsroomConditions = async (strapi: Core.Strapi): Promise<void> => {
  const { conditionProvider } = strapi.service('admin::permission') as unknown as {
    conditionProvider: ConditionProvider;
  };
  await conditionProvider.register({
    displayName: 'Own article, never published',
    name: 'own-unpublished-draft',
    handler: (user) => ({
      'createdBy.id': user.id,
      originallyPublishedAt: { $eq: null },
    }),
  });
};
