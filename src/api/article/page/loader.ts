import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../../constants';
import { MAX_SECTION_DEPTH } from '../../../publishing/section-tree';
import { viewsOf } from '../../../views';
import { type PublicShape, publicShapeOf, readEntity, selectColumns } from './public-fields';

const SEO_UID = 'shared.seo' satisfies UID.Component;
const FILE_UID = 'plugin::upload.file' satisfies UID.ContentType;

/** The fields of the related entries the page shows (with their `id` and `documentId`). */
const SECTION_FIELDS = ['name', 'slug', 'description'] as const;
const AUTHOR_FIELDS = ['name', 'slug', 'jobTitle', 'bio'] as const;

export type PageStatus = 'draft' | 'published';
export type PageFilter = { slug: string } | { documentId: string };
type Row = Record<string, unknown>;

export interface Crumb {
  name: string;
  slug: string;
  /** The section's, so that a cache holding the page can be purged when the section changes. */
  documentId: string;
}

interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
}

interface MorphTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

/** Everything the loader needs to know of the schemas, read once per Strapi instance. */
interface PageSchema {
  article: PublicShape;
  section: PublicShape;
  author: PublicShape;
  seo: PublicShape;
  file: PublicShape;
  sectionLink: JoinTable;
  authorLink: JoinTable;
  parentLink: JoinTable;
  seoLink: JoinTable & { field: string };
  media: MorphTable;
  /** Each query's SQL and bindings, built once (see `runQuery`). */
  prepared: Map<string, { sql: string; bindings: unknown[] }>;
  /** Whether the related types keep drafts (then the page's status applies to them too). */
  drafts: { section: boolean; author: boolean };
}

const joinTableOf = (strapi: Core.Strapi, uid: UID.Schema, attribute: string) =>
  (strapi.db.metadata.get(uid).attributes[attribute] as unknown as { joinTable: JoinTable })
    .joinTable;

const hasDrafts = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Boolean(strapi.contentType(uid).options?.draftAndPublish);

const schemas = new WeakMap<Core.Strapi, PageSchema>();

/** The page's schema knowledge, derived from the loaded schemas the first time a page is read. */
export const pageSchemaOf = (strapi: Core.Strapi): PageSchema => {
  const known = schemas.get(strapi);
  if (known) return known;
  const seoLink = joinTableOf(strapi, ARTICLE_UID, 'seo') as JoinTable & { on: { field: string } };
  const schema: PageSchema = {
    article: publicShapeOf(strapi, ARTICLE_UID),
    section: publicShapeOf(strapi, SECTION_UID),
    author: publicShapeOf(strapi, AUTHOR_UID),
    seo: publicShapeOf(strapi, SEO_UID),
    file: publicShapeOf(strapi, FILE_UID),
    sectionLink: joinTableOf(strapi, ARTICLE_UID, 'section'),
    authorLink: joinTableOf(strapi, ARTICLE_UID, 'authors'),
    parentLink: joinTableOf(strapi, SECTION_UID, 'parent'),
    seoLink: { ...seoLink, field: seoLink.on.field },
    media: joinTableOf(strapi, FILE_UID, 'related') as unknown as MorphTable,
    drafts: { section: hasDrafts(strapi, SECTION_UID), author: hasDrafts(strapi, AUTHOR_UID) },
    prepared: new Map(),
  };
  schemas.set(strapi, schema);
  return schema;
};

/** Rows of a type with drafts in the given status (`published_at` set or not). */
const inStatus = (query: Knex.QueryBuilder, column: string, status: PageStatus) =>
  status === 'published' ? query.whereNotNull(column) : query.whereNull(column);

/** Column prefixes of the entities joined into one row. */
const SEO = 'seo_';
const COVER = 'cover_';
const OG_IMAGE = 'og_';
const AVATAR = 'avatar_';

/**
 * `query` left-joined to the single media file `owner.field` holds (a morph link of the upload
 * plugin), as `as`; the file's columns selected with `prefix`.
 */
const joinMedia = (
  query: Knex.QueryBuilder,
  schema: PageSchema,
  owner: { uid: string; idColumn: string; field: string },
  as: string,
  prefix: string,
) => {
  const { media, file } = schema;
  const link = `${as}_link`;
  return query
    .leftJoin(`${media.name} as ${link}`, (on) => {
      on.on(`${link}.${media.morphColumn.idColumn.name}`, owner.idColumn)
        .andOnVal(`${link}.${media.morphColumn.typeColumn.name}`, owner.uid)
        .andOnVal(`${link}.field`, owner.field);
    })
    .leftJoin(`${file.table} as ${as}`, `${as}.id`, `${link}.${media.joinColumn.name}`)
    .select(selectColumns(file, as, prefix))
    .orderBy(`${link}.order`);
};

/** Where a query's argument goes while it is built; replaced by the value at each run. */
const ARGUMENT = '\u0000page-loader-argument';

type QueryName = 'page-by-slug' | 'page-by-document-id' | 'chain' | 'authors';

/** The article with its SEO component, cover and SEO image: one row, left joins. */
const pageQuery = (knex: Knex, schema: PageSchema, by: 'slug' | 'document_id') => {
  const { article, seo, seoLink } = schema;
  let query = knex(`${article.table} as a`)
    .select(selectColumns(article, 'a'))
    .where(`a.${by}`, ARGUMENT)
    .leftJoin(`${seoLink.name} as seo_link`, (on) => {
      on.on(`seo_link.${seoLink.joinColumn.name}`, 'a.id')
        .andOnVal('seo_link.field', seoLink.field)
        .andOnVal('seo_link.component_type', SEO_UID);
    })
    .leftJoin(`${seo.table} as c`, 'c.id', `seo_link.${seoLink.inverseJoinColumn.name}`)
    .select(selectColumns(seo, 'c', SEO))
    .orderBy(`seo_link.${seoLink.orderColumnName ?? 'id'}`);
  query = joinMedia(
    query,
    schema,
    { uid: ARTICLE_UID, idColumn: 'a.id', field: 'cover' },
    'cf',
    COVER,
  );
  query = joinMedia(
    query,
    schema,
    { uid: SEO_UID, idColumn: 'c.id', field: 'ogImage' },
    'of',
    OG_IMAGE,
  );
  return query.limit(1);
};

/** The article's section (depth 0) and its ancestors, up the parent links: one recursive query. */
const chainQuery = (knex: Knex, schema: PageSchema) => {
  const { section, sectionLink, parentLink } = schema;
  return knex
    .withRecursive('chain', ['id', 'depth'], (start) => {
      start
        .select(sectionLink.inverseJoinColumn.name, knex.raw('0'))
        .from(sectionLink.name)
        .where(sectionLink.joinColumn.name, ARGUMENT)
        .unionAll((up) => {
          up.select(`p.${parentLink.inverseJoinColumn.name}`, knex.raw('chain.depth + 1'))
            .from('chain')
            .join(`${parentLink.name} as p`, `p.${parentLink.joinColumn.name}`, 'chain.id')
            .where('chain.depth', '<', MAX_SECTION_DEPTH);
        });
    })
    .select(selectColumns(section, 's', '', SECTION_FIELDS), { depth: 'chain.depth' })
    .from('chain')
    .join(`${section.table} as s`, 's.id', 'chain.id')
    .orderBy('chain.depth', 'desc');
};

/** The article's authors in their order, each with its avatar. */
const authorsQuery = (knex: Knex, schema: PageSchema) => {
  const { author, authorLink } = schema;
  return joinMedia(
    knex(`${authorLink.name} as l`)
      .select(selectColumns(author, 'au', '', AUTHOR_FIELDS), { linkId: 'l.id' })
      .join(`${author.table} as au`, 'au.id', `l.${authorLink.inverseJoinColumn.name}`)
      .where(`l.${authorLink.joinColumn.name}`, ARGUMENT)
      .orderBy([`l.${authorLink.orderColumnName ?? 'id'}`, 'l.id']),
    schema,
    { uid: AUTHOR_UID, idColumn: 'au.id', field: 'avatar' },
    'af',
    AVATAR,
  );
};

const BUILDERS: Record<QueryName, (knex: Knex, schema: PageSchema) => Knex.QueryBuilder> = {
  'page-by-slug': (knex, schema) => pageQuery(knex, schema, 'slug'),
  'page-by-document-id': (knex, schema) => pageQuery(knex, schema, 'document_id'),
  chain: chainQuery,
  authors: authorsQuery,
};

/** Which rows of `name`'s type count for a page in `status` (only types with drafts filter). */
const STATUS_COLUMN: Record<QueryName, keyof PageSchema['drafts'] | 'article'> = {
  'page-by-slug': 'article',
  'page-by-document-id': 'article',
  chain: 'section',
  authors: 'author',
};
const TABLE_ALIAS = { article: 'a', section: 's', author: 'au' } as const;

/**
 * Runs query `name` with `argument`. Its SQL is built by knex once per query and status, then
 * reused: building it again on every page read cost more than running it.
 */
const runQuery = async (
  strapi: Core.Strapi,
  schema: PageSchema,
  name: QueryName,
  status: PageStatus,
  argument: unknown,
): Promise<Row[]> => {
  const knex = strapi.db.connection;
  const key = `${name}:${status}`;
  let prepared = schema.prepared.get(key);
  if (!prepared) {
    let query = BUILDERS[name](knex, schema);
    const type = STATUS_COLUMN[name];
    if (type === 'article' || schema.drafts[type]) {
      query = inStatus(query, `${TABLE_ALIAS[type]}.published_at`, status);
    }
    const { sql, bindings } = query.toSQL();
    prepared = { sql, bindings: [...bindings] };
    schema.prepared.set(key, prepared);
  }
  const bindings = prepared.bindings.map((value) => (value === ARGUMENT ? argument : value));
  const result = (await knex.raw(prepared.sql, bindings as Knex.RawBinding[])) as
    Row[] | { rows: Row[] };
  // SQLite's driver answers the rows, PostgreSQL's a result holding them.
  return Array.isArray(result) ? result : result.rows;
};

/**
 * The article with its SEO component, cover and SEO image (one row), then together its authors
 * with their avatars, its section chain and its views: four plain queries in two round trips,
 * whatever the number of authors or the depth of the section. Only public columns are selected
 * (see `public-fields.ts`). Related types without drafts hold one row per document, always
 * published; were they to gain drafts, the page's status would apply to them too.
 */
const loadRows = async (
  strapi: Core.Strapi,
  schema: PageSchema,
  filter: PageFilter,
  status: PageStatus,
) => {
  const [row] =
    'slug' in filter
      ? await runQuery(strapi, schema, 'page-by-slug', status, filter.slug)
      : await runQuery(strapi, schema, 'page-by-document-id', status, filter.documentId);
  if (!row) return null;
  const [chainRows, authorRows, views] = await Promise.all([
    runQuery(strapi, schema, 'chain', status, row.id),
    runQuery(strapi, schema, 'authors', status, row.id),
    viewsOf(strapi).totals([String(row.documentId)]),
  ]);
  return { row, chainRows, authorRows, views };
};

/** Whether the caller may see a relation to `uid` (Strapi's `removeRestrictedRelations` rule). */
const mayFind = async (strapi: Core.Strapi, auth: unknown, uid: UID.ContentType) => {
  if (!auth) return true;
  try {
    await strapi.auth.verify(auth as Parameters<typeof strapi.auth.verify>[0], {
      scope: [`${uid}.find`],
    });
    return true;
  } catch {
    return false;
  }
};

export interface LoadPageOptions {
  /** The caller's `ctx.state.auth`: relations to types it may not `find` are left out. */
  auth?: unknown;
}

/**
 * An article's page payload (published or draft), read with a fixed number of plain queries and
 * already sanitized: the same answer as the Document Service with the page's populate followed
 * by Strapi's content-API output sanitizer (tests/api/page-loader.test.api.ts compares them).
 */
export const loadPage = async (
  strapi: Core.Strapi,
  filter: PageFilter,
  status: PageStatus,
  { auth }: LoadPageOptions = {},
) => {
  const schema = pageSchemaOf(strapi);
  const [rows, showSection, showAuthors] = await Promise.all([
    loadRows(strapi, schema, filter, status),
    mayFind(strapi, auth, SECTION_UID),
    mayFind(strapi, auth, AUTHOR_UID),
  ]);
  if (!rows) return null;
  const { article, section, author, seo, file } = schema;
  const { row } = rows;
  const page = readEntity(article, row);
  /** The file joined into `from` under `prefix`, or null when it holds none. */
  const fileIn = (from: Row, prefix: string) =>
    from[`${prefix}id`] === null || from[`${prefix}id`] === undefined
      ? null
      : readEntity(file, from, prefix);
  const sectionRow = rows.chainRows.find((chainRow) => Number(chainRow.depth) === 0);

  const visible = (shape: PublicShape, attribute: string) => shape.visible.has(attribute);
  if (visible(article, 'section') && showSection) {
    page.section = sectionRow ? readEntity(section, sectionRow, '', SECTION_FIELDS) : null;
  }
  if (visible(article, 'cover')) page.cover = fileIn(row, COVER);
  if (visible(article, 'authors') && showAuthors) {
    // An author holding two avatar links (never made by Strapi) would come twice: the first wins.
    const seen = new Set<unknown>();
    page.authors = rows.authorRows
      .filter((authorRow) => !seen.has(authorRow.linkId) && seen.add(authorRow.linkId))
      .map((authorRow) => {
        const entity = readEntity(author, authorRow, '', AUTHOR_FIELDS);
        if (visible(author, 'avatar')) entity.avatar = fileIn(authorRow, AVATAR);
        return entity;
      });
  }
  if (visible(article, 'seo')) {
    const hasSeo = row[`${SEO}id`] !== null && row[`${SEO}id`] !== undefined;
    const component = hasSeo ? readEntity(seo, row, SEO) : null;
    if (component && visible(seo, 'ogImage')) component.ogImage = fileIn(row, OG_IMAGE);
    page.seo = component;
  }
  page.views = rows.views.get(page.documentId as string) ?? 0;
  page.breadcrumb = rows.chainRows.map((crumb): Crumb => ({
    name: crumb.name as string,
    slug: crumb.slug as string,
    documentId: crumb.documentId as string,
  }));
  return page;
};
