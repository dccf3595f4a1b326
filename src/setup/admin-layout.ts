import type { Core } from '@strapi/strapi';

import { ARTICLE_UID } from '../constants';

/** Fields the server derives: shown in the article's edit view, but not editable there. */
const DERIVED_FIELDS = ['readingTimeMinutes', 'originallyPublishedAt'] as const;

interface Metadata {
  edit: { editable?: boolean; description?: string; [key: string]: unknown };
  [key: string]: unknown;
}

interface Configuration {
  metadatas: Record<string, Metadata>;
  [key: string]: unknown;
}

interface ContentTypesService {
  findConfiguration(contentType: { uid: string }): Promise<Configuration>;
  updateConfiguration(contentType: { uid: string }, configuration: Configuration): Promise<unknown>;
}

const DESCRIPTIONS: Record<(typeof DERIVED_FIELDS)[number], string> = {
  readingTimeMinutes: 'Worked out from the body on every save (200 words a minute)',
  originallyPublishedAt: 'Set when the article is first published; never changes after',
};

/** Makes the derived fields read-only in the admin's edit view (idempotent). */
export const lockDerivedFieldsInAdmin = async (strapi: Core.Strapi): Promise<void> => {
  const service = strapi.plugin('content-manager').service('content-types') as ContentTypesService;
  const contentType = { uid: ARTICLE_UID };
  const configuration = await service.findConfiguration(contentType);

  let changed = false;
  for (const field of DERIVED_FIELDS) {
    const edit = configuration.metadatas[field]?.edit;
    if (!edit) continue;
    if (edit.editable !== false || edit.description !== DESCRIPTIONS[field]) {
      edit.editable = false;
      edit.description = DESCRIPTIONS[field];
      changed = true;
    }
  }
  if (changed) {
    const { metadatas, layouts, settings } = configuration;
    await service.updateConfiguration(contentType, { metadatas, layouts, settings });
  }
};
