/**
 * The large corpus (`npm run seed:scale`, and the bench): a 3-level section tree and hundreds of
 * authors made through the Document Service (few, so its middlewares run as for any editor), then
 * many published articles inserted in batches with the app's own slug, reading-time and views
 * functions. Each article is stored as publishing stores it: a draft row and a published row, each
 * with its own section and author link rows and its own SEO component row, one line in the
 * publishing log, and a year of daily views. Table and column names come from Strapi's metadata.
 */

import type { Core } from '@strapi/strapi';
import type { Knex } from 'knex';

import {
  ARTICLE_UID,
  AUTHOR_UID,
  PUBLICATION_LOG_UID,
  SECTION_UID,
  SLUG_MAX_LENGTH,
} from '../../src/constants';
import { currentActor } from '../../src/publishing/actor';
import { readingTimeMinutes } from '../../src/publishing/reading-time';
import { toSlug, uniqueSlug } from '../../src/publishing/slug';
import type { DayCount } from '../../src/views';
import { DAY_MS, utcDay } from '../../src/views';
import { createViewStore } from '../../src/views/store';
import {
  authorPlan,
  body,
  headline,
  type Random,
  randomFrom,
  sectionPlan,
  standfirst,
} from './content';

export interface SeedScaleOptions {
  articles: number;
  /** Authors to have (made when missing): 300 by default. */
  authors?: number;
  /** Articles per transaction: 500 by default. */
  batchSize?: number;
  /** Called before the first batch (with 0) and after each batch with the articles written. */
  onProgress?: (done: number, total: number) => void;
  /** The seed of the made-up text: the same seed and size give the same corpus. */
  seed?: number;
  now?: Date;
}

export interface SeedScaleResult {
  articles: number;
  sections: number;
  authors: number;
  /** Daily view rows written. */
  dailyViewRows: number;
  /** A published article with 3 authors in a depth-3 section. */
  sample: { slug: string; documentId: string };
}

const SEO_UID = 'shared.seo';
/** The part of a year that publication dates (and so daily views) spread over. */
const YEAR_DAYS = 365;

interface Target {
  id: number;
  documentId: string;
}
interface Section extends Target {
  depth: 1 | 2 | 3;
}

interface JoinTableMeta {
  name: string;
  joinColumn: { name: string };
  inverseJoinColumn: { name: string };
  orderColumnName?: string;
  inverseOrderColumnName?: string;
  on?: Record<string, string>;
  pivotColumns?: string[];
}

const joinTableOf = (strapi: Core.Strapi, attribute: string): JoinTableMeta => {
  const meta = strapi.db.metadata.get(ARTICLE_UID);
  const { joinTable } = meta.attributes[attribute] as unknown as { joinTable?: JoinTableMeta };
  if (!joinTable) throw new Error(`article.${attribute} has no join table`);
  return joinTable;
};

/** Finds each planned section by name or makes it through the Document Service, top first. */
const ensureSections = async (strapi: Core.Strapi): Promise<Section[]> => {
  const sections: Section[] = [];
  for (const plan of sectionPlan()) {
    const parent = plan.parent === null ? null : sections[plan.parent];
    const found: Target | null = await strapi.db
      .query(SECTION_UID)
      .findOne({ select: ['id', 'documentId'], where: { name: plan.name } });
    const section =
      found ??
      ((await strapi.documents(SECTION_UID).create({
        data: {
          name: plan.name,
          description: plan.description,
          position: plan.position,
          ...(parent ? { parent: parent.documentId } : {}),
        },
      })) as unknown as Target);
    sections.push({ id: section.id, documentId: section.documentId, depth: plan.depth });
  }
  return sections;
};

/** Finds each planned author by name or makes them through the Document Service. */
const ensureAuthors = async (strapi: Core.Strapi, count: number): Promise<Target[]> => {
  const plans = authorPlan(count);
  const existing: Array<Target & { name: string }> = await strapi.db
    .query(AUTHOR_UID)
    .findMany({ select: ['id', 'documentId', 'name'], where: { name: plans.map((p) => p.name) } });
  const byName = new Map(existing.map((author) => [author.name, author]));
  const authors: Target[] = [];
  for (const plan of plans) {
    authors.push(
      byName.get(plan.name) ??
        ((await strapi.documents(AUTHOR_UID).create({ data: plan })) as unknown as Target),
    );
  }
  return authors;
};

/** The highest order a join table holds per target (e.g. per section), to continue from. */
const highestOrders = async (
  knex: Knex,
  join: JoinTableMeta,
  column: string | undefined,
): Promise<Map<number, number>> => {
  if (!column) return new Map();
  const rows: Array<{ target: number; ord: unknown }> = await knex(join.name)
    .select({ target: join.inverseJoinColumn.name })
    .max({ ord: column })
    .groupBy(join.inverseJoinColumn.name);
  return new Map(rows.map((row) => [Number(row.target), Number(row.ord ?? 0)]));
};

/**
 * Inserts rows in chunks within every database's limits: bound values, and SQLite's 500 terms of
 * a compound SELECT (knex writes a multi-row insert there as `SELECT ... UNION ALL ...`).
 */
const insertRows = async (trx: Knex, table: string, rows: Array<Record<string, unknown>>) => {
  const width = Math.max(1, Object.keys(rows[0] ?? {}).length);
  const chunk = Math.min(400, Math.floor(10_000 / width));
  for (let start = 0; start < rows.length; start += chunk) {
    await trx(table).insert(rows.slice(start, start + chunk));
  }
};

interface Planned {
  documentId: string;
  title: string;
  slug: string;
  standfirst: string;
  body: unknown;
  publishedAt: Date;
  section: Section;
  authors: Target[];
  /** Views per day from the publication day. */
  views: number[];
}

/** Views from the publication day on: a peak that halves every few days, never past today. */
const viewsAfter = (random: Random, publishedAt: Date, now: Date): number[] => {
  const daysSince = Math.floor((now.getTime() - publishedAt.getTime()) / DAY_MS);
  const days = Math.min(daysSince + 1, random.int(2, 14));
  const peak = random.int(20, 5_000);
  return Array.from({ length: days }, (_, day) => Math.max(1, Math.round(peak / 2 ** (day / 2))));
};

export const seedScale = async (
  strapi: Core.Strapi,
  {
    articles,
    authors: authorCount = 300,
    batchSize = 500,
    onProgress,
    seed = 1,
    now = new Date(),
  }: SeedScaleOptions,
): Promise<SeedScaleResult> => {
  const knex = strapi.db.connection;
  const random = randomFrom(seed);
  const sections = await ensureSections(strapi);
  const authors = await ensureAuthors(strapi, authorCount);
  const deepSections = sections.filter((section) => section.depth === 3);
  const otherSections = sections.filter((section) => section.depth !== 3);

  const articleMeta = strapi.db.metadata.get(ARTICLE_UID);
  const newDocumentId = (articleMeta.attributes.documentId as unknown as { default: () => string })
    .default;
  const sectionJoin = joinTableOf(strapi, 'section');
  const authorsJoin = joinTableOf(strapi, 'authors');
  const seoJoin = joinTableOf(strapi, 'seo');
  const seoTypeColumn = seoJoin.pivotColumns?.[3];
  if (!seoTypeColumn) throw new Error('article.seo has no component type column');
  const sectionOrders = await highestOrders(knex, sectionJoin, sectionJoin.inverseOrderColumnName);
  const authorOrders = await highestOrders(knex, authorsJoin, authorsJoin.inverseOrderColumnName);
  const nextOrder = (orders: Map<number, number>, target: number): number => {
    const order = (orders.get(target) ?? 0) + 1;
    orders.set(target, order);
    return order;
  };
  const actor = currentActor(strapi).label;
  const viewStore = createViewStore(strapi);

  let sample: SeedScaleResult['sample'] | undefined;
  let dailyViewRows = 0;
  onProgress?.(0, articles);
  for (let done = 0; done < articles;) {
    const size = Math.min(batchSize, articles - done);
    const batch: Planned[] = Array.from({ length: size }, (_, k) => {
      const n = done + k + 1;
      // The first one is the sample: three authors, a section three levels deep.
      const first = n === 1;
      const section =
        first || random.next() < 0.8 ? random.pick(deepSections) : random.pick(otherSections);
      const wanted = first ? 3 : random.int(1, 3);
      const byline = new Set<Target>();
      while (byline.size < Math.min(wanted, authors.length)) byline.add(random.pick(authors));
      // Oldest first, spread over the last year, never in the future.
      const age = ((articles - n) / articles) * YEAR_DAYS * DAY_MS + random.int(0, 3_600_000);
      const publishedAt = new Date(now.getTime() - Math.round(age));
      const title = headline(random, n);
      return {
        documentId: newDocumentId(),
        title,
        slug: toSlug(title),
        standfirst: standfirst(random),
        body: body(random, random.int(300, 1_200)),
        publishedAt,
        section,
        authors: [...byline],
        views: viewsAfter(random, publishedAt, now),
      };
    });

    await strapi.db.transaction(async ({ trx }) => {
      // The slug the slug middleware would give: the title's, or the next free suffix.
      const takenRows: Array<{ slug: string }> = await trx(articleMeta.tableName)
        .select('slug')
        .whereIn(
          'slug',
          batch.map((article) => article.slug),
        );
      const taken = new Set(takenRows.map((row) => row.slug));
      for (const article of batch) {
        if (taken.has(article.slug)) {
          article.slug = await uniqueSlug(strapi, ARTICLE_UID, article.slug, {
            maxLength: SLUG_MAX_LENGTH,
          });
        }
      }

      const versions = batch.flatMap((article) =>
        [null, article.publishedAt].map((publishedAt) => ({
          documentId: article.documentId,
          title: article.title,
          slug: article.slug,
          standfirst: article.standfirst,
          body: article.body,
          readingTimeMinutes: readingTimeMinutes(article.body),
          originallyPublishedAt: article.publishedAt,
          createdAt: article.publishedAt,
          updatedAt: article.publishedAt,
          publishedAt,
        })),
      );
      await strapi.db.query(ARTICLE_UID).createMany({ data: versions });
      const rows: Array<{ id: number; document_id: string; published_at: unknown }> = await trx(
        articleMeta.tableName,
      )
        .select('id', 'document_id', 'published_at')
        .whereIn(
          'document_id',
          batch.map((article) => article.documentId),
        )
        .orderBy('id');
      const byDocument = new Map(batch.map((article) => [article.documentId, article]));
      const rowsOf = rows.map((row) => ({
        id: row.id,
        article: byDocument.get(row.document_id) as Planned,
      }));
      if (rowsOf.length !== batch.length * 2) {
        throw new Error(`Expected ${batch.length * 2} article rows, found ${rowsOf.length}`);
      }

      const sectionOrder = new Map<string, number>();
      const authorOrder = new Map<string, number>();
      const sectionLinks = rowsOf.map(({ id, article }) => {
        const key = article.documentId;
        if (!sectionOrder.has(key)) {
          sectionOrder.set(key, nextOrder(sectionOrders, article.section.id));
        }
        return {
          [sectionJoin.joinColumn.name]: id,
          [sectionJoin.inverseJoinColumn.name]: article.section.id,
          ...(sectionJoin.inverseOrderColumnName
            ? { [sectionJoin.inverseOrderColumnName]: sectionOrder.get(key) }
            : {}),
        };
      });
      const authorLinks = rowsOf.flatMap(({ id, article }) =>
        article.authors.map((author, index) => {
          const key = `${article.documentId}:${author.id}`;
          if (!authorOrder.has(key)) authorOrder.set(key, nextOrder(authorOrders, author.id));
          return {
            [authorsJoin.joinColumn.name]: id,
            [authorsJoin.inverseJoinColumn.name]: author.id,
            ...(authorsJoin.orderColumnName ? { [authorsJoin.orderColumnName]: index + 1 } : {}),
            ...(authorsJoin.inverseOrderColumnName
              ? { [authorsJoin.inverseOrderColumnName]: authorOrder.get(key) }
              : {}),
          };
        }),
      );
      await insertRows(trx, sectionJoin.name, sectionLinks);
      await insertRows(trx, authorsJoin.name, authorLinks);

      // Each version has its own SEO component row, as publishing copies the draft's.
      const seo = await strapi.db.query(SEO_UID).createMany({
        data: rowsOf.map(({ article }) => ({
          metaTitle: article.title.slice(0, 70),
          metaDescription: article.standfirst.slice(0, 160),
        })),
      });
      if (seo.ids.length !== rowsOf.length) throw new Error('SEO rows and articles differ');
      await insertRows(
        trx,
        seoJoin.name,
        rowsOf.map(({ id }, index) => ({
          [seoJoin.joinColumn.name]: id,
          [seoJoin.inverseJoinColumn.name]: seo.ids[index],
          ...seoJoin.on,
          [seoTypeColumn]: SEO_UID,
        })),
      );

      await strapi.db.query(PUBLICATION_LOG_UID).createMany({
        data: batch.map((article) => ({
          action: 'publish',
          articleDocumentId: article.documentId,
          articleTitle: article.title.slice(0, 255),
          actor,
          at: article.publishedAt,
          createdAt: article.publishedAt,
          updatedAt: article.publishedAt,
          publishedAt: article.publishedAt,
        })),
      });
    });

    // The view store's own upsert, after the batch's transaction (SQLite has one connection).
    const counts: DayCount[] = batch.flatMap((article) =>
      article.views.map((views, day) => ({
        documentId: article.documentId,
        day: utcDay(new Date(article.publishedAt.getTime() + day * DAY_MS)),
        views,
      })),
    );
    await viewStore.add(counts);
    dailyViewRows += counts.length;

    sample ??= { slug: batch[0].slug, documentId: batch[0].documentId };
    done += size;
    onProgress?.(done, articles);
  }

  // PostgreSQL's planner needs statistics for the new rows (autovacuum would take a while).
  if (strapi.config.get('database.connection.client') === 'postgres') await knex.raw('ANALYZE');
  if (!sample) throw new Error('No article was seeded (--articles must be at least 1)');
  return { articles, sections: sections.length, authors: authors.length, dailyViewRows, sample };
};
