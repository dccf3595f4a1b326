/**
 * Drafts never decide what a published read matches or how it is ordered. A sort through a
 * relation to articles (which have drafts) is a 400 naming `sort`, so a draft-only rename cannot
 * move anything; sorts through sections and authors (no drafts) still order; relation filters
 * match published articles only. This holds in the Document Service itself (what GraphQL will
 * call), not only over REST; the admin's content manager keeps sorting and filtering on drafts.
 */

import type { UID } from '@strapi/strapi';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import { EDITOR_ROLE } from '../../src/publishing/actor';
import { type ContentManager, createAdminUser, roleId } from '../helpers/admin';
import { expectError, rejectionOf } from '../helpers/errors';
import {
  createArticle,
  createAuthor,
  createSection,
  type Doc,
  editDraft,
} from '../helpers/fixtures';
import { titles } from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

/** Saved in the draft of the published "Mango harvest" only; sorts before every published title. */
const DRAFT_TERM = 'Aardvark embargo';

const names = (items: unknown) =>
  (items as Array<{ name?: unknown }>).map((item) => String(item.name));

/** Public sorts that a related article's draft would decide. */
const DRAFT_SORTS = [
  ['sections', 'sort=articles.title:asc', 'sort'],
  ['sections', 'sort[0]=articles.title:asc', 'sort'],
  ['sections', 'sort[articles][title]=asc', 'sort'],
  ['sections', 'sort=name:asc,articles.title:asc', 'sort'],
  ['authors', 'sort=articles.title:asc', 'sort'],
  ['articles', 'sort=section.articles.title:asc', 'sort'],
  ['sections', 'populate[articles][sort]=section.articles.title', 'populate[articles][sort]'],
] as const;

describeWithDatabase('drafts and relational sorts and filters', () => {
  let app: TestApp;
  let alpha: Doc;
  let mango: Doc;
  let editor: ContentManager;
  const get = (url: string) => app.request().get(url);

  beforeAll(async () => {
    app = await bootStrapi();
    const { strapi } = app;
    alpha = await createSection(strapi, { name: 'Alpha desk' });
    const beta = await createSection(strapi, { name: 'Beta desk' });
    const mina = await createAuthor(strapi, { name: 'Mina' });
    const kofi = await createAuthor(strapi, { name: 'Kofi' });
    mango = await createArticle(strapi, {
      title: 'Mango harvest',
      section: alpha.documentId,
      authors: [mina.documentId],
    });
    await createArticle(strapi, {
      title: 'Kiwi prices',
      section: beta.documentId,
      authors: [kofi.documentId],
    });
    editor = (await createAdminUser(app, await roleId(app, EDITOR_ROLE), 'Eve', 'Sorter')).cm;
  });
  afterAll(stopStrapi);

  describe('over REST, for readers', () => {
    it('a draft-only rename of a related article does not change any public answer', async () => {
      const answers = () =>
        Promise.all(
          DRAFT_SORTS.map(async ([type, query]) => (await get(`/api/${type}?${query}`)).body),
        );
      const before = await answers();
      await editDraft(app.strapi, mango.documentId, { title: DRAFT_TERM });
      expect(await answers()).toEqual(before);
    });

    it.each(DRAFT_SORTS)(
      'GET /api/%s?%s is a 400 naming %s and saying what may be sorted by',
      async (type, query, param) => {
        const res = await get(`/api/${type}?${query}`);
        expectError(res, 400, 'ValidationError');
        expect(res.body.error.message).toMatch(new RegExp(`^${param.replace(/[[\]]/g, '\\$&')}=`));
        expect(res.body.error.message).toContain('has drafts');
        expect(res.body.error.message).toContain("Sort by this type's own fields");
        expect(res.body.error.details).toMatchObject({ source: 'query', param });
      },
    );

    it('sections say which of their relations may be sorted by', async () => {
      const res = await get('/api/sections?sort=articles.title');
      expect(res.body.error.message).toContain('or the fields of parent, children');
      expect(res.body.error.details.sortableRelations).toEqual(['parent', 'children']);
    });

    it.each([
      ['sort=section.name:asc', ['Mango harvest', 'Kiwi prices']],
      ['sort=section.name:desc', ['Kiwi prices', 'Mango harvest']],
      ['sort=authors.name:asc', ['Kiwi prices', 'Mango harvest']],
      ['sort[section][name]=asc', ['Mango harvest', 'Kiwi prices']],
    ])(
      'sorts through relations without drafts still order: /api/articles?%s',
      async (query, expected) => {
        const res = await get(`/api/articles?${query}`);
        expect(res.status).toBe(200);
        expect(titles(res)).toEqual(expected);
      },
    );

    it.each([
      ['sections', `filters[articles][title][$eq]=${DRAFT_TERM}`],
      ['sections', 'filters[articles][title][$containsi]=aardvark'],
      ['authors', 'filters[articles][title][$startsWith]=Aardvark'],
      ['articles', 'filters[section][articles][title][$contains]=Aardvark'],
    ])('a term only a draft holds finds nothing: /api/%s?%s', async (type, query) => {
      const res = await get(`/api/${type}?${encodeURI(query)}`);
      expect(res.status).toBe(200);
      expect(res.body.data).toEqual([]);
    });

    it('relation filters still find published content (articles by section slug)', async () => {
      const bySlug = await get(`/api/articles?filters[section][slug][$eq]=${String(alpha.slug)}`);
      expect(bySlug.status).toBe(200);
      expect(titles(bySlug)).toEqual(['Mango harvest']);
      const byTitle = await get('/api/sections?filters[articles][title][$eq]=Mango%20harvest');
      expect(names(byTitle.body.data)).toEqual(['Alpha desk']);
    });
  });

  describe('in the Document Service, below REST (what GraphQL calls)', () => {
    it.each<[UID.ContentType, Record<string, unknown>, string]>([
      [SECTION_UID, { sort: 'articles.title:asc' }, 'sort'],
      [SECTION_UID, { sort: [{ articles: { title: 'asc' } }] }, 'sort'],
      [AUTHOR_UID, { sort: { articles: { title: 'desc' } } }, 'sort'],
      [AUTHOR_UID, { populate: { articles: { sort: 'section.articles.title' } } }, 'populate'],
    ])(
      'a published read of %s with %j is refused (ValidationError)',
      async (uid, params, param) => {
        const error = await rejectionOf(
          // Params built per row: Strapi 5.54's `const` type parameter rejects them untyped.
          app.strapi.documents(uid).findMany({ status: 'published', ...params } as never),
        );
        expect(error.name).toBe('ValidationError');
        expect(error.message).toMatch(new RegExp(`^${param}`));
      },
    );

    it('published reads filtered on a term only a draft holds find nothing', async () => {
      const filters = { articles: { title: { $contains: 'Aardvark' } } };
      const sections = app.strapi.documents(SECTION_UID);
      expect(await sections.findMany({ status: 'published', filters })).toEqual([]);
      expect(await sections.count({ status: 'published', filters })).toBe(0);
      expect(await sections.findFirst({ status: 'published', filters })).toBeNull();

      const authors = await app.strapi.documents(AUTHOR_UID).findMany({
        status: 'published',
        populate: { articles: { filters: { section: filters } } },
      });
      for (const author of authors as unknown as Array<{ articles: unknown[] }>) {
        expect(author.articles).toEqual([]);
      }
    });

    it('reads of drafts keep the drafts: sorted and filtered by the draft title', async () => {
      const sections = app.strapi.documents(SECTION_UID);
      expect(names(await sections.findMany({ sort: 'articles.title:asc' }))).toEqual([
        'Alpha desk',
        'Beta desk',
      ]);
      const drafts = await app.strapi.documents(ARTICLE_UID).findMany({
        status: 'draft',
        filters: { section: { articles: { title: { $eq: DRAFT_TERM } } } },
      });
      expect(drafts.map((article) => article.title)).toEqual([DRAFT_TERM]);
    });
  });

  describe("in the admin's content manager", () => {
    it('an Editor still sorts and filters sections by their articles, drafts included', async () => {
      const sorted = await editor.findMany(SECTION_UID, '?sort=articles.title:ASC');
      expect(sorted.status).toBe(200);
      expect(names(sorted.body.results)).toEqual(['Alpha desk', 'Beta desk']);

      const filtered = await editor.findMany(
        SECTION_UID,
        `?filters[articles][title][$eq]=${encodeURIComponent(DRAFT_TERM)}`,
      );
      expect(filtered.status).toBe(200);
      expect(names(filtered.body.results)).toEqual(['Alpha desk']);

      const articles = await editor.findMany(ARTICLE_UID, '?sort=section.name:DESC');
      expect(articles.status).toBe(200);
      expect((articles.body.results as Doc[]).map((article) => article.title)).toEqual([
        'Kiwi prices',
        DRAFT_TERM,
      ]);
    });

    it('without an admin token the content manager answers 401', async () => {
      expectError(await get(`/content-manager/collection-types/${SECTION_UID}`), 401);
    });
  });
});
