import type { Core, UID } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID, TAG_UID } from '../../../constants';
import { PreparedQueries } from './prepared';
import { type PublicShape, publicShapeOf, selectColumns } from './public-fields';

export const SEO_UID = 'shared.seo' satisfies UID.Component;
export const NOTE_UID = 'editorial.note' satisfies UID.Component;
const FILE_UID = 'plugin::upload.file' satisfies UID.ContentType;

export interface JoinTable {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
}

/** A component's link table: the owner's column, the component's, and the field it fills. */
export type ComponentLink = JoinTable & { field: string };

interface MorphTable {
  name: string;
  joinColumn: { name: string };
  morphColumn: { typeColumn: { name: string }; idColumn: { name: string } };
}

/** Everything the page's queries need to know of the schemas, read once per Strapi instance. */
export interface PageSchema {
  article: PublicShape;
  section: PublicShape;
  author: PublicShape;
  tag: PublicShape;
  seo: PublicShape;
  note: PublicShape;
  file: PublicShape;
  sectionLink: JoinTable;
  authorLink: JoinTable;
  tagLink: JoinTable;
  pinLink: JoinTable;
  parentLink: JoinTable;
  seoLink: ComponentLink;
  noteLink: ComponentLink;
  media: MorphTable;
  /** The page's queries, each built once per shape. */
  queries: PreparedQueries;
  /** Whether the related types keep drafts (then the page's status applies to them too). */
  drafts: { section: boolean; author: boolean; tag: boolean };
}

const joinTableOf = (strapi: Core.Strapi, uid: UID.Schema, attribute: string) =>
  (strapi.db.metadata.get(uid).attributes[attribute] as unknown as { joinTable: JoinTable })
    .joinTable;

const componentLinkOf = (strapi: Core.Strapi, attribute: string): ComponentLink => {
  const link = joinTableOf(strapi, ARTICLE_UID, attribute) as JoinTable & {
    on: { field: string };
  };
  return { ...link, field: link.on.field };
};

const hasDrafts = (strapi: Core.Strapi, uid: UID.ContentType) =>
  Boolean(strapi.contentType(uid).options?.draftAndPublish);

const schemas = new WeakMap<Core.Strapi, PageSchema>();

/** The page's schema knowledge, derived from the loaded schemas the first time a page is read. */
export const pageSchemaOf = (strapi: Core.Strapi): PageSchema => {
  const known = schemas.get(strapi);
  if (known) return known;
  const schema: PageSchema = {
    article: publicShapeOf(strapi, ARTICLE_UID),
    section: publicShapeOf(strapi, SECTION_UID),
    author: publicShapeOf(strapi, AUTHOR_UID),
    tag: publicShapeOf(strapi, TAG_UID),
    seo: publicShapeOf(strapi, SEO_UID),
    note: publicShapeOf(strapi, NOTE_UID),
    file: publicShapeOf(strapi, FILE_UID),
    sectionLink: joinTableOf(strapi, ARTICLE_UID, 'section'),
    authorLink: joinTableOf(strapi, ARTICLE_UID, 'authors'),
    tagLink: joinTableOf(strapi, ARTICLE_UID, 'tags'),
    pinLink: joinTableOf(strapi, ARTICLE_UID, 'relatedPinned'),
    parentLink: joinTableOf(strapi, SECTION_UID, 'parent'),
    seoLink: componentLinkOf(strapi, 'seo'),
    noteLink: componentLinkOf(strapi, 'notes'),
    media: joinTableOf(strapi, FILE_UID, 'related') as unknown as MorphTable,
    drafts: {
      section: hasDrafts(strapi, SECTION_UID),
      author: hasDrafts(strapi, AUTHOR_UID),
      tag: hasDrafts(strapi, TAG_UID),
    },
    queries: new PreparedQueries(strapi.db.connection),
  };
  schemas.set(strapi, schema);
  return schema;
};

/**
 * `query` left-joined to the single media file `owner.field` holds (a morph link of the upload
 * plugin), as `as`; the file's columns selected with `prefix`.
 */
export const joinMedia = (
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

/** The component `link` attaches to the owner in `ownerColumn`, left-joined as `as`. */
export const joinComponent = (
  query: Knex.QueryBuilder,
  link: ComponentLink,
  component: { uid: string; shape: PublicShape },
  ownerColumn: string,
  as: string,
) => {
  const linkAlias = `${as}_link`;
  return query
    .leftJoin(`${link.name} as ${linkAlias}`, (on) => {
      on.on(`${linkAlias}.${link.joinColumn.name}`, ownerColumn)
        .andOnVal(`${linkAlias}.field`, link.field)
        .andOnVal(`${linkAlias}.component_type`, component.uid);
    })
    .leftJoin(
      `${component.shape.table} as ${as}`,
      `${as}.id`,
      `${linkAlias}.${link.inverseJoinColumn.name}`,
    )
    .orderBy(`${linkAlias}.${link.orderColumnName ?? 'id'}`);
};
