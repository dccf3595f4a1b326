import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import { ARTICLE_UID } from '../../../constants';
import { argument, argumentList, listArguments, type Row } from './prepared';
import { readEntity, selectColumns } from './public-fields';
import { joinMedia, type PageSchema, pageSchemaOf } from './schema';

/** The fields of a related article's card (with its `id` and `documentId`). */
const CARD_FIELDS = [
  'title',
  'slug',
  'standfirst',
  'originallyPublishedAt',
  'readingTimeMinutes',
] as const;
const CARD_SECTION_FIELDS = ['name', 'slug'] as const;
const COVER = 'cover_';
const SECTION = 'section_';

/** An article's own links the ranking starts from: its tags, its section, its pins. */
export interface RelatedSource {
  /** The published row's id. */
  id: number;
  documentId: string;
  tagIds: number[];
  sectionId: number | null;
}

/** Most recent first: the date of first publication, else of this publication. */
const RECENCY = 'coalesce(a.originally_published_at, a.published_at) desc, a.id desc';

/** The published versions of the article's pins, in the editors' order (a pin to a draft has none). */
const pinsQuery = (knex: Knex, { article, pinLink }: PageSchema) =>
  knex(`${pinLink.name} as l`)
    .select({ documentId: 'p.document_id' })
    .join(`${article.table} as p`, 'p.id', `l.${pinLink.inverseJoinColumn.name}`)
    .where(`l.${pinLink.joinColumn.name}`, argument('id'))
    .whereNotNull('p.published_at')
    .orderBy([`l.${pinLink.orderColumnName ?? 'id'}`, 'l.id']);

/**
 * Published articles sharing one of the tags or more, best first: most tags shared, then the same
 * section, then the most recent. Only the tags' articles are read (through the link's index).
 */
const sharedTagsQuery = (
  knex: Knex,
  schema: PageSchema,
  tags: number,
  excluded: number,
  limit: number,
) => {
  const { article, tagLink, sectionLink } = schema;
  const tagColumn = `tl.${tagLink.inverseJoinColumn.name}`;
  return knex(`${tagLink.name} as tl`)
    .select({ documentId: 'a.document_id' })
    .join(`${article.table} as a`, 'a.id', `tl.${tagLink.joinColumn.name}`)
    .leftJoin(`${sectionLink.name} as sl`, `sl.${sectionLink.joinColumn.name}`, 'a.id')
    .whereIn(tagColumn, argumentList('tag', tags))
    .whereNotNull('a.published_at')
    .whereNotIn('a.document_id', argumentList('excluded', excluded))
    .groupBy('a.id', 'a.document_id', 'a.originally_published_at', 'a.published_at')
    .orderByRaw(
      `count(distinct ${tagColumn}) desc, max(case when sl.${sectionLink.inverseJoinColumn.name} = ? then 1 else 0 end) desc, ${RECENCY}`,
      [argument('section')],
    )
    .limit(limit);
};

/** Published articles of the section, most recent first (through the link's index). */
const sameSectionQuery = (knex: Knex, schema: PageSchema, excluded: number, limit: number) => {
  const { article, sectionLink } = schema;
  return knex(`${sectionLink.name} as sl`)
    .select({ documentId: 'a.document_id' })
    .join(`${article.table} as a`, 'a.id', `sl.${sectionLink.joinColumn.name}`)
    .where(`sl.${sectionLink.inverseJoinColumn.name}`, argument('section'))
    .whereNotNull('a.published_at')
    .whereNotIn('a.document_id', argumentList('excluded', excluded))
    .orderByRaw(RECENCY)
    .limit(limit);
};

/** Any other published article, most recent first. */
const recentQuery = (knex: Knex, schema: PageSchema, excluded: number, limit: number) =>
  knex(`${schema.article.table} as a`)
    .select({ documentId: 'a.document_id' })
    .whereNotNull('a.published_at')
    .whereNotIn('a.document_id', argumentList('excluded', excluded))
    .orderByRaw(RECENCY)
    .limit(limit);

/** The cards of `count` published articles: a few fields, the section's name and slug, the cover. */
const cardsQuery = (knex: Knex, schema: PageSchema, count: number) => {
  const { article, section, sectionLink, drafts } = schema;
  const query = knex(`${article.table} as a`)
    .select(selectColumns(article, 'a', '', CARD_FIELDS))
    .leftJoin(`${sectionLink.name} as sl`, `sl.${sectionLink.joinColumn.name}`, 'a.id')
    .leftJoin(`${section.table} as s`, (on) => {
      on.on('s.id', `sl.${sectionLink.inverseJoinColumn.name}`);
      if (drafts.section) on.andOnNotNull('s.published_at');
    })
    .select(selectColumns(section, 's', SECTION, CARD_SECTION_FIELDS))
    .whereIn('a.document_id', argumentList('card', count))
    .whereNotNull('a.published_at');
  return joinMedia(
    query,
    schema,
    { uid: ARTICLE_UID, idColumn: 'a.id', field: 'cover' },
    'cf',
    COVER,
  );
};

type Ranking = (
  knex: Knex,
  schema: PageSchema,
  excluded: number,
  limit: number,
) => Knex.QueryBuilder;

/**
 * An article's related articles, as the page and `GET /articles/:documentId/related` give them:
 * the editors' published pins first, in their order, then published articles ranked by tags
 * shared, then the same section, then recency; never a draft nor the article itself. Plain
 * queries, each through an index but the last resort (recency alone, when the tags and the
 * section hold too few): the pins, then as many ranking steps as needed (at most 3), then the
 * cards. Cards hold public columns only (see `public-fields.ts`), so need no sanitizing.
 */
export const loadRelated = async (
  strapi: Core.Strapi,
  source: RelatedSource,
  limit: number,
  { showSection = true }: { showSection?: boolean } = {},
): Promise<Row[]> => {
  const schema = pageSchemaOf(strapi);
  const { queries } = schema;
  const pinRows = await queries.run('related:pins', (knex) => pinsQuery(knex, schema), {
    id: source.id,
  });
  const pinned = [
    ...new Set(
      pinRows.map((row) => String(row.documentId)).filter((id) => id !== source.documentId),
    ),
  ].slice(0, limit);

  const order = [...pinned];
  const rank = async (name: string, build: Ranking, args: Record<string, unknown>) => {
    const excluded = [source.documentId, ...order];
    const wanted = limit - order.length;
    const rows = await queries.run(
      `related:${name}:${excluded.length}:${source.tagIds.length}:${wanted}`,
      (knex) => build(knex, schema, excluded.length, wanted),
      { ...args, ...listArguments('excluded', excluded) },
    );
    order.push(...rows.map((row) => String(row.documentId)));
  };
  if (order.length < limit && source.tagIds.length > 0) {
    const tags = source.tagIds.length;
    await rank(
      'tags',
      (knex, s, excluded, wanted) => sharedTagsQuery(knex, s, tags, excluded, wanted),
      {
        ...listArguments('tag', source.tagIds),
        section: source.sectionId ?? -1,
      },
    );
  }
  if (order.length < limit && source.sectionId !== null) {
    await rank('section', sameSectionQuery, { section: source.sectionId });
  }
  if (order.length < limit) await rank('recent', recentQuery, {});
  if (order.length === 0) return [];

  const cardRows = await queries.run(
    `related:cards:${order.length}`,
    (knex) => cardsQuery(knex, schema, order.length),
    listArguments('card', order),
  );
  const byId = new Map<string, Row>();
  for (const row of cardRows) {
    const documentId = String(row.documentId);
    if (byId.has(documentId)) continue;
    const card = readEntity(schema.article, row, '', CARD_FIELDS);
    if (showSection) {
      card.section =
        row[`${SECTION}id`] === null || row[`${SECTION}id`] === undefined
          ? null
          : readEntity(schema.section, row, SECTION, CARD_SECTION_FIELDS);
    }
    card.cover =
      row[`${COVER}id`] === null || row[`${COVER}id`] === undefined
        ? null
        : readEntity(schema.file, row, COVER);
    byId.set(documentId, card);
  }
  return order.flatMap((documentId) => {
    const card = byId.get(documentId);
    return card ? [{ ...card, pinned: pinned.includes(documentId) }] : [];
  });
};
