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
  };
  schemas.set(strapi, schema);
  return schema;
};

/** Rows of a type with drafts in the given status (`published_at` set or not). */
const inStatus = (query: Knex.QueryBuilder, column: string, status: PageStatus) =>
  status === 'published' ? query.whereNotNull(column) : query.whereNull(column);

/**
 * The article, its section chain, its authors (with avatars), its SEO component, the media of all
 * of them and its views: six plain queries, the last five run together once the article's row is
 * known,
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
  const knex = strapi.db.connection;
  const { article, section, author, seo, file } = schema;
  const where =
    'slug' in filter ? { 'a.slug': filter.slug } : { 'a.document_id': filter.documentId };
  const row: Row | undefined = await inStatus(
    knex(`${article.table} as a`).select(selectColumns(article, 'a')).where(where),
    'a.published_at',
    status,
  ).first();
  if (!row) return null;
  const articleId = row.id as number;

  const { sectionLink, authorLink, parentLink, seoLink, media } = schema;
  // The article's section (depth 0) and its ancestors, up the parent links.
  const chain = knex
    .withRecursive('chain', ['id', 'depth'], (start) => {
      start
        .select(sectionLink.inverseJoinColumn.name, knex.raw('0'))
        .from(sectionLink.name)
        .where(sectionLink.joinColumn.name, articleId)
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
  const authors = knex(`${author.table} as au`)
    .select(selectColumns(author, 'au', '', AUTHOR_FIELDS))
    .join(`${authorLink.name} as l`, `l.${authorLink.inverseJoinColumn.name}`, 'au.id')
    .where(`l.${authorLink.joinColumn.name}`, articleId)
    .orderBy([`l.${authorLink.orderColumnName ?? 'id'}`, 'l.id']);
  const seoRow = knex(`${seo.table} as c`)
    .select(selectColumns(seo, 'c'))
    .join(`${seoLink.name} as l`, `l.${seoLink.inverseJoinColumn.name}`, 'c.id')
    .where({
      [`l.${seoLink.joinColumn.name}`]: articleId,
      'l.field': seoLink.field,
      'l.component_type': SEO_UID,
    })
    .orderBy([`l.${seoLink.orderColumnName ?? 'id'}`, 'l.id'])
    .first();
  // Every media file the page shows: the cover, the authors' avatars and the SEO image.
  const typeColumn = `m.${media.morphColumn.typeColumn.name}`;
  const idColumn = `m.${media.morphColumn.idColumn.name}`;
  const files = knex(`${file.table} as f`)
    .select(selectColumns(file, 'f', 'f_'), {
      ownerType: typeColumn,
      ownerId: idColumn,
      ownerField: 'm.field',
    })
    .join(`${media.name} as m`, `m.${media.joinColumn.name}`, 'f.id')
    .where((owners) => {
      owners
        .where({ [typeColumn]: ARTICLE_UID, [idColumn]: articleId, 'm.field': 'cover' })
        .orWhere((avatars) => {
          avatars
            .where({ [typeColumn]: AUTHOR_UID, 'm.field': 'avatar' })
            .whereIn(
              idColumn,
              knex(authorLink.name)
                .select(authorLink.inverseJoinColumn.name)
                .where(authorLink.joinColumn.name, articleId),
            );
        })
        .orWhere((ogImages) => {
          ogImages.where({ [typeColumn]: SEO_UID, 'm.field': 'ogImage' }).whereIn(
            idColumn,
            knex(seoLink.name)
              .select(seoLink.inverseJoinColumn.name)
              .where({ [seoLink.joinColumn.name]: articleId, field: seoLink.field }),
          );
        });
    })
    .orderBy(['m.order', 'm.id']);

  const [chainRows, authorRows, seoFound, fileRows, views] = (await Promise.all([
    schema.drafts.section ? inStatus(chain, 's.published_at', status) : chain,
    schema.drafts.author ? inStatus(authors, 'au.published_at', status) : authors,
    seoRow,
    files,
    viewsOf(strapi).totals([String(row.documentId)]),
  ])) as [Row[], Row[], Row | undefined, Row[], Map<string, number>];
  return { row, chainRows, authorRows, seoRow: seoFound ?? null, fileRows, views };
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
  const page = readEntity(article, rows.row);

  const fileOf = (ownerType: string, ownerId: unknown, field: string) => {
    const found = rows.fileRows.find(
      (fileRow) =>
        fileRow.ownerType === ownerType &&
        Number(fileRow.ownerId) === Number(ownerId) &&
        fileRow.ownerField === field,
    );
    return found ? readEntity(file, found, 'f_') : null;
  };
  const sectionRow = rows.chainRows.find((chainRow) => Number(chainRow.depth) === 0);

  const visible = (shape: PublicShape, attribute: string) => shape.visible.has(attribute);
  if (visible(article, 'section') && showSection) {
    page.section = sectionRow ? readEntity(section, sectionRow, '', SECTION_FIELDS) : null;
  }
  if (visible(article, 'cover')) page.cover = fileOf(ARTICLE_UID, rows.row.id, 'cover');
  if (visible(article, 'authors') && showAuthors) {
    page.authors = rows.authorRows.map((authorRow) => {
      const entity = readEntity(author, authorRow, '', AUTHOR_FIELDS);
      if (visible(author, 'avatar')) entity.avatar = fileOf(AUTHOR_UID, authorRow.id, 'avatar');
      return entity;
    });
  }
  if (visible(article, 'seo')) {
    const component = rows.seoRow ? readEntity(seo, rows.seoRow) : null;
    if (component && visible(seo, 'ogImage')) {
      component.ogImage = fileOf(SEO_UID, rows.seoRow?.id, 'ogImage');
    }
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
