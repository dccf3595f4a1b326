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
  /** Its pins, when already read ({@link loadPins}); read here otherwise. */
  pins?: string[];
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

/**
 * Published articles (of the section, when `inSection`), most recent first: those with a first
 * publication date (`dated`) by it, the others by their publication date. Read in that order
 * through `articles_recency_idx` (first publication, publication, document id: every column the
 * query reads), stopping at `limit`, so a section of 100,000 articles costs what one of 10 does.
 * Both are read in one statement ({@link recentQuery}) and merged by {@link byRecency}.
 */
const recentPart = (
  knex: Knex,
  schema: PageSchema,
  { inSection, dated }: { inSection: boolean; dated: boolean },
  excluded: number,
  limit: number,
) => {
  const { article, sectionLink } = schema;
  const query = knex(`${article.table} as a`)
    .select({
      documentId: 'a.document_id',
      id: 'a.id',
      originallyPublishedAt: 'a.originally_published_at',
      publishedAt: 'a.published_at',
    })
    .whereNotNull('a.published_at')
    .whereNotIn('a.document_id', argumentList('excluded', excluded))
    .orderBy([
      { column: dated ? 'a.originally_published_at' : 'a.published_at', order: 'desc' },
      { column: 'a.id', order: 'desc' },
    ])
    .limit(limit);
  if (dated) query.whereNotNull('a.originally_published_at');
  else query.whereNull('a.originally_published_at');
  if (inSection) {
    query.whereExists((link) => {
      link
        .select(knex.raw('1'))
        .from(`${sectionLink.name} as sl`)
        .whereRaw(`sl.${sectionLink.joinColumn.name} = a.id`)
        .andWhere(`sl.${sectionLink.inverseJoinColumn.name}`, argument('section'));
    });
  }
  return query;
};

/** Both parts of {@link recentPart} in one statement (one round trip): each still stops at `limit`. */
const recentQuery = (
  knex: Knex,
  schema: PageSchema,
  inSection: boolean,
  excluded: number,
  limit: number,
) =>
  knex
    .select('*')
    .from(recentPart(knex, schema, { inSection, dated: true }, excluded, limit).as('dated'))
    .unionAll((undated) => {
      undated
        .select('*')
        .from(recentPart(knex, schema, { inSection, dated: false }, excluded, limit).as('undated'));
    });

const timeOf = (value: unknown): number =>
  value instanceof Date ? value.getTime() : new Date(value as string | number).getTime();

/** Most recent first (first publication, else publication), then the newest row: the ranking's recency. */
const byRecency = (left: Row, right: Row): number =>
  timeOf(right.originallyPublishedAt ?? right.publishedAt) -
    timeOf(left.originallyPublishedAt ?? left.publishedAt) || Number(right.id) - Number(left.id);

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

/** The document ids of the published versions of an article's pins, in the editors' order. */
export const loadPins = async (strapi: Core.Strapi, articleId: number): Promise<string[]> => {
  const schema = pageSchemaOf(strapi);
  const rows = await schema.queries.run('related:pins', (knex) => pinsQuery(knex, schema), {
    id: articleId,
  });
  return rows.map((row) => String(row.documentId));
};

/**
 * An article's related articles, as the page and `GET /articles/:documentId/related` give them:
 * the editors' published pins first, in their order, then published articles ranked by tags
 * shared, then the same section, then recency; never a draft nor the article itself. Plain
 * queries, each reading through an index only as many rows as it needs: the pins, then as many
 * ranking steps as it takes to fill the list (shared tags: the tags' articles; the section's most
 * recent; the most recent of all), then the cards. Cards hold public columns only (see
 * `public-fields.ts`), so need no sanitizing. A tag on thousands of articles makes its step read
 * them all (it ranks by tags shared first).
 */
export const loadRelated = async (
  strapi: Core.Strapi,
  source: RelatedSource,
  limit: number,
  { showSection = true }: { showSection?: boolean } = {},
): Promise<Row[]> => {
  const schema = pageSchemaOf(strapi);
  const { queries } = schema;
  const pins = source.pins ?? (await loadPins(strapi, source.id));
  const pinned = [...new Set(pins.filter((id) => id !== source.documentId))].slice(0, limit);

  const order = [...pinned];
  if (order.length < limit && source.tagIds.length > 0) {
    const excluded = [source.documentId, ...order];
    const wanted = limit - order.length;
    const tags = source.tagIds.length;
    const rows = await queries.run(
      `related:tags:${tags}:${excluded.length}:${wanted}`,
      (knex) => sharedTagsQuery(knex, schema, tags, excluded.length, wanted),
      {
        ...listArguments('tag', source.tagIds),
        ...listArguments('excluded', excluded),
        section: source.sectionId ?? -1,
      },
    );
    order.push(...rows.map((row) => String(row.documentId)));
  }
  /** The most recent published articles (of the section): dated and undated ones merged. */
  const rankRecent = async (inSection: boolean) => {
    const excluded = [source.documentId, ...order];
    const wanted = limit - order.length;
    const args = {
      ...listArguments('excluded', excluded),
      ...(inSection ? { section: source.sectionId } : {}),
    };
    const rows = await queries.run(
      `related:recent:${inSection}:${excluded.length}:${wanted}`,
      (knex) => recentQuery(knex, schema, inSection, excluded.length, wanted),
      args,
    );
    order.push(
      ...rows
        .sort(byRecency)
        .slice(0, wanted)
        .map((row) => String(row.documentId)),
    );
  };
  if (order.length < limit && source.sectionId !== null) await rankRecent(true);
  if (order.length < limit) await rankRecent(false);
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
