import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID, TAG_UID } from '../../../constants';
import { MAX_SECTION_DEPTH } from '../../../publishing/section-tree';
import { viewsOf } from '../../../views';
import { argument, type Row } from './prepared';
import { type PublicShape, readEntity, selectColumns } from './public-fields';
import { loadPins, loadRelated } from './related';
import {
  joinComponent,
  joinMedia,
  NOTE_UID,
  type PageSchema,
  pageSchemaOf,
  SEO_UID,
} from './schema';

/** How many related articles the page carries. */
const RELATED_ON_PAGE = 4;

/** The fields of the related entries the page shows (with their `id` and `documentId`). */
const SECTION_FIELDS = ['name', 'slug', 'description'] as const;
const AUTHOR_FIELDS = ['name', 'slug', 'jobTitle', 'bio'] as const;
const TAG_FIELDS = ['name', 'slug'] as const;

export type PageStatus = 'draft' | 'published';
export type PageFilter = { slug: string } | { documentId: string };

export interface Crumb {
  name: string;
  slug: string;
  /** The section's, so that a cache holding the page can be purged when the section changes. */
  documentId: string;
}

/** Rows of a type with drafts in the given status (`published_at` set or not). */
const inStatus = (query: Knex.QueryBuilder, column: string, status: PageStatus) =>
  status === 'published' ? query.whereNotNull(column) : query.whereNull(column);

/** Column prefixes of the entities joined into one row. */
const SEO = 'seo_';
const COVER = 'cover_';
const OG_IMAGE = 'og_';
const AVATAR = 'avatar_';

type QueryName = 'page-by-slug' | 'page-by-document-id' | 'chain' | 'authors' | 'tags' | 'notes';

/** The article with its SEO component, cover and SEO image: one row, left joins. */
const pageQuery = (knex: Knex, schema: PageSchema, by: 'slug' | 'document_id') => {
  const { article, seo, seoLink } = schema;
  let query = joinComponent(
    knex(`${article.table} as a`)
      .select(selectColumns(article, 'a'))
      .where(`a.${by}`, argument('id')),
    seoLink,
    { uid: SEO_UID, shape: seo },
    'a.id',
    'c',
  ).select(selectColumns(seo, 'c', SEO));
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
        .where(sectionLink.joinColumn.name, argument('id'))
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
      .where(`l.${authorLink.joinColumn.name}`, argument('id'))
      .orderBy([`l.${authorLink.orderColumnName ?? 'id'}`, 'l.id']),
    schema,
    { uid: AUTHOR_UID, idColumn: 'au.id', field: 'avatar' },
    'af',
    AVATAR,
  );
};

/** The article's tags, in their order. */
const tagsQuery = (knex: Knex, { tag, tagLink }: PageSchema) =>
  knex(`${tagLink.name} as l`)
    .select(selectColumns(tag, 't', '', TAG_FIELDS))
    .join(`${tag.table} as t`, 't.id', `l.${tagLink.inverseJoinColumn.name}`)
    .where(`l.${tagLink.joinColumn.name}`, argument('id'))
    .orderBy([`l.${tagLink.orderColumnName ?? 'id'}`, 'l.id']);

/** The article's notes to readers (a repeatable component), in their order. */
const notesQuery = (knex: Knex, { note, noteLink }: PageSchema) =>
  knex(`${noteLink.name} as l`)
    .select(selectColumns(note, 'n'))
    .join(`${note.table} as n`, 'n.id', `l.${noteLink.inverseJoinColumn.name}`)
    .where(`l.${noteLink.joinColumn.name}`, argument('id'))
    .andWhere('l.field', noteLink.field)
    .andWhere('l.component_type', NOTE_UID)
    .orderBy([`l.${noteLink.orderColumnName ?? 'id'}`, 'l.id']);

const BUILDERS: Record<QueryName, (knex: Knex, schema: PageSchema) => Knex.QueryBuilder> = {
  'page-by-slug': (knex, schema) => pageQuery(knex, schema, 'slug'),
  'page-by-document-id': (knex, schema) => pageQuery(knex, schema, 'document_id'),
  chain: chainQuery,
  authors: authorsQuery,
  tags: tagsQuery,
  notes: notesQuery,
};

/** Which rows of `name`'s type count for a page in `status` (only types with drafts filter). */
const STATUS_COLUMN: Record<QueryName, keyof PageSchema['drafts'] | 'article' | null> = {
  'page-by-slug': 'article',
  'page-by-document-id': 'article',
  chain: 'section',
  authors: 'author',
  tags: 'tag',
  // Components have no status: they belong to the article's row.
  notes: null,
};
const TABLE_ALIAS = { article: 'a', section: 's', author: 'au', tag: 't' } as const;

/** Runs query `name` for a page in `status` with `value` (a slug, a document id or a row id). */
const runQuery = (schema: PageSchema, name: QueryName, status: PageStatus, value: unknown) =>
  schema.queries.run(
    `page:${name}:${status}`,
    (knex) => {
      const query = BUILDERS[name](knex, schema);
      const type = STATUS_COLUMN[name];
      return type && (type === 'article' || schema.drafts[type])
        ? inStatus(query, `${TABLE_ALIAS[type]}.published_at`, status)
        : query;
    },
    { id: value },
  );

/**
 * What the desk adds to the page (docs/desk.md): the tags (a type without drafts), the notes to
 * readers (a repeatable component) and, on a published page, the related articles (pinned
 * first, then ranked: `related.ts`); a draft's preview shows none.
 */
const loadDesk = async (strapi: Core.Strapi, schema: PageSchema, row: Row, status: PageStatus) => {
  const [tags, notes, pins] = await Promise.all([
    runQuery(schema, 'tags', status, row.id),
    runQuery(schema, 'notes', status, row.id),
    status === 'published' ? loadPins(strapi, Number(row.id)) : Promise.resolve([]),
  ]);
  return {
    tags,
    notes: notes.map((note) => readEntity(schema.note, note)),
    /** The related articles, once the section is known (read with the rest of the page). */
    related: (sectionId: number | null, showSection: boolean) =>
      status === 'published'
        ? loadRelated(
            strapi,
            {
              id: Number(row.id),
              documentId: String(row.documentId),
              tagIds: tags.map((tag) => Number(tag.id)),
              sectionId,
              pins,
            },
            RELATED_ON_PAGE,
            { showSection },
          )
        : Promise.resolve([]),
  };
};

/**
 * The article with its SEO component, cover and SEO image (one row); then together its authors
 * with their avatars, its section chain, its views, tags, notes and pins; then its related
 * articles (`related.ts`: one to three ranking steps, then their cards): eleven plain queries at
 * most, in four to six round trips, whatever the number of authors, the depth of the section or
 * the size of the corpus. Only public columns are selected
 * (see `public-fields.ts`). Related types without drafts hold one row per document, always
 * published; were they to gain drafts, the page's status would apply to them too.
 */
const loadRows = async (
  strapi: Core.Strapi,
  schema: PageSchema,
  filter: PageFilter,
  status: PageStatus,
  showSection: boolean,
) => {
  const [row] =
    'slug' in filter
      ? await runQuery(schema, 'page-by-slug', status, filter.slug)
      : await runQuery(schema, 'page-by-document-id', status, filter.documentId);
  if (!row) return null;
  const [chainRows, authorRows, views, desk] = await Promise.all([
    runQuery(schema, 'chain', status, row.id),
    runQuery(schema, 'authors', status, row.id),
    viewsOf(strapi).totals([String(row.documentId)]),
    loadDesk(strapi, schema, row, status),
  ]);
  const sectionRow = chainRows.find((chainRow) => Number(chainRow.depth) === 0);
  const related = await desk.related(sectionRow ? Number(sectionRow.id) : null, showSection);
  const tags = desk.tags.map((tag) => readEntity(schema.tag, tag, '', TAG_FIELDS));
  return { row, chainRows, sectionRow, authorRows, views, tags, notes: desk.notes, related };
};

/** Whether the caller may see a relation to `uid` (Strapi's `removeRestrictedRelations` rule). */
const mayFind = async (
  strapi: Core.Strapi,
  { auth, ability }: LoadPageOptions,
  uid: UID.ContentType,
) => {
  if (ability) return ability.can(`${uid}.find`);
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
  /** Or the caller's ability (a fast path's Public role): the same rule, asked of it directly. */
  ability?: { can(action: string): boolean };
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
  access: LoadPageOptions = {},
) => {
  const schema = pageSchemaOf(strapi);
  const [showSection, showAuthors, showTags] = await Promise.all([
    mayFind(strapi, access, SECTION_UID),
    mayFind(strapi, access, AUTHOR_UID),
    mayFind(strapi, access, TAG_UID),
  ]);
  const rows = await loadRows(strapi, schema, filter, status, showSection);
  if (!rows) return null;
  const { article, section, author, seo, file } = schema;
  const { row } = rows;
  const page = readEntity(article, row);
  /** The file joined into `from` under `prefix`, or null when it holds none. */
  const fileIn = (from: Row, prefix: string) =>
    from[`${prefix}id`] === null || from[`${prefix}id`] === undefined
      ? null
      : readEntity(file, from, prefix);
  const { sectionRow } = rows;

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
  if (visible(article, 'tags') && showTags) page.tags = rows.tags;
  if (visible(article, 'notes')) page.notes = rows.notes;
  page.related = rows.related;
  page.views = rows.views.get(page.documentId as string) ?? 0;
  page.breadcrumb = rows.chainRows.map((crumb): Crumb => ({
    name: crumb.name as string,
    slug: crumb.slug as string,
    documentId: crumb.documentId as string,
  }));
  return page;
};
