import type { UID } from '@strapi/strapi';

export const ARTICLE_UID = 'api::article.article' satisfies UID.ContentType;
export const SECTION_UID = 'api::section.section' satisfies UID.ContentType;
export const AUTHOR_UID = 'api::author.author' satisfies UID.ContentType;
/** The publication's name, logo, language and public URL (a single type). */
export const SITE_SETTING_UID = 'api::site-setting.site-setting' satisfies UID.ContentType;
export const PUBLICATION_LOG_UID = 'api::publication-log.publication-log' satisfies UID.ContentType;
/** The view counter, a service of the article API (`src/api/article/services/views.ts`). */
export const VIEWS_SERVICE_UID = 'api::article.views' satisfies UID.Service;
/** users-permissions' roles and their permissions (readers and API users). */
export const UP_ROLE_UID = 'plugin::users-permissions.role' satisfies UID.ContentType;
export const UP_PERMISSION_UID = 'plugin::users-permissions.permission' satisfies UID.ContentType;
/** The action that lets a role call `POST /api/auth/local/register`. */
export const UP_REGISTER_ACTION = 'plugin::users-permissions.auth.register';

/** Longest slug accepted anywhere (the longest title is 200 characters). */
export const SLUG_MAX_LENGTH = 200;
/** Lowercase words joined by single hyphens: what `slugify(..., { lower, strict })` makes. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Strapi 5 document ids: 24 lowercase letters and digits (cuid2). */
export const DOCUMENT_ID_PATTERN = /^[a-z0-9]{20,32}$/;

/** Where `@strapi/plugin-graphql` answers (config/plugins.ts, src/graphql). */
export const GRAPHQL_ENDPOINT = '/graphql';

/** Where the admin panel is served (`config/admin.ts` sets it): same-origin, never CORS. */
export const ADMIN_PATH = '/admin';

/** Health, outages and shutdown drain (`src/availability`), an entry in Strapi's container. */
export const AVAILABILITY_SERVICE = 'newsroom.availability';

/** Cache invalidations shared by every instance (`src/cache/bus.ts`), an entry in Strapi's container. */
export const INVALIDATION_BUS = 'newsroom.invalidation';

/** The response cache of one instance (`src/cache`), an entry in Strapi's container. */
export const RESPONSE_CACHE = 'newsroom.responseCache';

/** The Public role's permissions and ability, cached (`src/permissions`), an entry in Strapi's container. */
export const PUBLIC_PERMISSIONS = 'newsroom.public-permissions';

/** The reader pages' clock and assets (`src/site`), an entry in Strapi's container. */
export const SITE_SERVICE = 'newsroom.site';

/** An article as it was after one change (`src/revisions`): never on the content API. */
export const REVISION_UID = 'api::revision.revision' satisfies UID.ContentType;

/** The revision history of this instance (`src/revisions`), an entry in Strapi's container. */
export const REVISIONS_SERVICE = 'newsroom.revisions';
