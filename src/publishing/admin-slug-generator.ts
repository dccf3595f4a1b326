import type { Core, UID } from '@strapi/strapi';

import { SLUG_SOURCE_FIELD, toSlug, uniqueSlug } from './slug';

interface GenerateArgs {
  contentTypeUID: UID.ContentType;
  field: string;
  data: Record<string, unknown>;
  locale?: string;
}

interface UidService {
  generateUIDField(args: GenerateArgs): Promise<string>;
}

/**
 * The admin's "regenerate" button asks the content manager's `uid` service, which uses another
 * slug library (`@sindresorhus/slugify`: "nato-s-rutte") than the server (`slugify`: "natos-rutte").
 * For our types it now proposes exactly what the server would make.
 */
export const useSlugGeneratorInAdmin = (strapi: Core.Strapi): void => {
  const service = strapi.plugin('content-manager').service('uid') as UidService;
  const original = service.generateUIDField.bind(service);

  service.generateUIDField = async (args) => {
    const sourceField = SLUG_SOURCE_FIELD[args.contentTypeUID];
    if (!sourceField || args.field !== 'slug') return original(args);
    const source = args.data[sourceField];
    const base =
      (typeof source === 'string' && toSlug(source)) ||
      strapi.contentType(args.contentTypeUID).info.singularName;
    const documentId = typeof args.data.documentId === 'string' ? args.data.documentId : undefined;
    return uniqueSlug(strapi, args.contentTypeUID, base, { excludeDocumentId: documentId });
  };
};
