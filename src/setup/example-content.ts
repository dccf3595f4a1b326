import type { Core } from '@strapi/strapi';

import fixture from '../../database/seed/nato-report.json';
import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../constants';
import { recordingAs } from '../revisions';
import { viewsOf } from '../views';

/** The reference report's slug (`slugify(title, { lower: true, strict: true })`). */
export const REFERENCE_SLUG = 'natos-rutte-anticipates-success-of-us-peace-initiative-for-ukraine';

const paragraphs = (texts: string[]) =>
  texts.map((text) => ({
    type: 'paragraph' as const,
    children: [{ type: 'text' as const, text }],
  }));

export interface SeedReport {
  created: string[];
}

/**
 * Seeds the reference news report, published, with its section, author and 35 views over the
 * last three days (so "most read" of the day has it too). Each piece
 * is looked up by slug first, so a second run changes nothing.
 */
export const seedExampleContent = (strapi: Core.Strapi): Promise<SeedReport> =>
  // Its article's revisions say "seed", whether a boot step or `npm run seed` runs it.
  recordingAs('seed', () => seed(strapi));

const seed = async (strapi: Core.Strapi): Promise<SeedReport> => {
  const created: string[] = [];

  let section = await strapi
    .documents(SECTION_UID)
    .findFirst({ filters: { slug: fixture.section.slug } });
  if (!section) {
    section = await strapi.documents(SECTION_UID).create({
      data: { name: fixture.section.name, slug: fixture.section.slug, position: 0 },
    });
    created.push(`section "${fixture.section.name}"`);
  }

  let author = await strapi
    .documents(AUTHOR_UID)
    .findFirst({ filters: { slug: fixture.author.slug } });
  if (!author) {
    author = await strapi.documents(AUTHOR_UID).create({
      data: { name: fixture.author.name, slug: fixture.author.slug, jobTitle: 'Correspondent' },
    });
    created.push(`author "${fixture.author.name}"`);
  }

  const existing: { documentId: string } | null = await strapi.db
    .query(ARTICLE_UID)
    .findOne({ select: ['documentId'], where: { slug: REFERENCE_SLUG } });
  if (!existing) {
    const article = await strapi.documents(ARTICLE_UID).create({
      data: {
        title: fixture.article.title,
        slug: REFERENCE_SLUG,
        standfirst: fixture.article.standfirst,
        body: paragraphs(fixture.article.body),
        section: section.documentId,
        authors: [author.documentId],
        seo: {
          metaTitle: fixture.article.title.slice(0, 70),
          metaDescription: fixture.article.standfirst,
        },
      },
      status: 'published',
    });
    await viewsOf(strapi).initialise(article.documentId, fixture.article.views);
    created.push(`article "${fixture.article.title}" (published, ${fixture.article.views} views)`);
  }

  return { created };
};

/**
 * `SEED_EXAMPLE_CONTENT`: on by default under `strapi develop`, off otherwise. Seeds only an
 * empty newsroom, so an editor's deletions are not undone at the next start.
 */
export const seedExampleContentIfEmpty = async (
  strapi: Core.Strapi,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> => {
  const developing = Boolean(strapi.config.get<boolean>('autoReload'));
  const enabled =
    env.SEED_EXAMPLE_CONTENT === undefined ? developing : env.SEED_EXAMPLE_CONTENT === 'true';
  if (!enabled) return;
  if ((await strapi.db.query(ARTICLE_UID).count()) > 0) return;
  const { created } = await seedExampleContent(strapi);
  if (created.length > 0) strapi.log.info(`Seeded example content: ${created.join(', ')}.`);
};
