import type { Core } from '@strapi/strapi';

import { ARTICLE_UID, TAG_UID } from '../../src/constants';
import type { AdminUser } from './admin';
import { type Doc, updateParams } from './fixtures';

/** A tag made through the Document Service (its slug derived from its name unless given). */
export const createTag = (strapi: Core.Strapi, data: Record<string, unknown>) =>
  strapi.documents(TAG_UID).create({ data }) as Promise<Doc>;

/** A note to readers, as the admin form sends one. */
export const note = (
  text: string,
  kind: 'correction' | 'clarification' | 'update' = 'correction',
) => ({
  kind,
  text,
});

/** Edits an article and publishes the edit at once (as an API token or the seed would). */
export const updatePublished = (
  strapi: Core.Strapi,
  documentId: string,
  data: Record<string, unknown>,
) => strapi.documents(ARTICLE_UID).update(updateParams(documentId, data, 'published'));

/**
 * Runs `work` as if an admin user with role `roleCode` made the request (the request context the
 * admin's authentication leaves), so a Document Service call meets the rules as that user would.
 */
export const asAdmin = async <T>(
  strapi: Core.Strapi,
  user: AdminUser,
  roleCode: string,
  work: () => Promise<T>,
): Promise<T> => {
  let result: T | undefined;
  await strapi.requestContext.run(
    // Only `state` is read by the rules; a whole Koa context is not needed.
    {
      state: {
        auth: { strategy: { name: 'admin' } },
        user: { ...user, roles: [{ code: roleCode }] },
      },
    } as unknown as Parameters<Core.Strapi['requestContext']['run']>[0],
    async () => {
      result = await work();
    },
  );
  return result as T;
};
