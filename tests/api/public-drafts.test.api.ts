/**
 * Readers never see a draft, whatever they send: not in lists (`status`, `publicationFilter`,
 * `hasPublishedVersion`, filters), not by id or slug, not through populated relations, and a
 * relation filter cannot even reveal that one exists; it still finds published content.
 */

import { expectError } from '../helpers/errors';
import {
  createPublicContent,
  DRAFT_TITLE,
  publicReaders,
  PUBLISHED_TITLE,
  titles,
  UNPUBLISHED_EDIT,
} from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

interface Item {
  documentId: string;
  title?: string;
  name?: string;
  [key: string]: unknown;
}

describeWithDatabase('drafts, for readers', () => {
  let app: TestApp;
  let content: Awaited<ReturnType<typeof createPublicContent>>;
  const readers = publicReaders(() => app);

  const { get } = readers;

  beforeAll(async () => {
    app = await bootStrapi();
    content = await createPublicContent(app);
    await readers.signUp();
  });
  afterAll(stopStrapi);

  describe.each(readers.all)('as $label', (reader) => {
    it.each([
      ['status=draft'],
      ['publicationFilter=never-published'],
      ['publicationFilter=modified'],
      ['status=draft&publicationFilter=never-published'],
      ['hasPublishedVersion=false'],
      ['status=draft&hasPublishedVersion=false'],
      ['filters[publishedAt][$null]=true'],
      [`filters[title][$eq]=${encodeURIComponent(UNPUBLISHED_EDIT)}`],
      [`filters[title][$eq]=${encodeURIComponent(DRAFT_TITLE)}`],
    ])('are not listed by GET /api/articles?%s', async (query) => {
      const res = await get(reader, `/api/articles?${query}`);
      expect(res.status).toBe(200);
      expect(titles(res)).not.toContain(DRAFT_TITLE);
      expect(titles(res)).not.toContain(UNPUBLISHED_EDIT);
      for (const article of res.body.data as Item[])
        expect(article.publishedAt).toEqual(expect.any(String));
    });

    it.each([
      [''],
      ['?status=draft'],
      ['?publicationFilter=never-published'],
      ['?hasPublishedVersion=false'],
    ])('are a 404 by document id (GET /api/articles/:documentId%s)', async (query) => {
      expectError(await get(reader, `/api/articles/${content.draftOnly.documentId}${query}`), 404);
    });

    it("are a 404 by slug; a published article's draft edit is not served", async () => {
      const { draftOnly, published } = content;
      expectError(
        await get(reader, `/api/articles/slug/${String(draftOnly.slug)}?status=draft`),
        404,
      );

      const one = await get(reader, `/api/articles/${published.documentId}?status=draft`);
      expect(one.status).toBe(200);
      expect(one.body.data.title).toBe(PUBLISHED_TITLE);
      const page = await get(reader, `/api/articles/slug/${String(published.slug)}?status=draft`);
      expect(page.body.data.title).toBe(PUBLISHED_TITLE);
    });

    it('are never brought along by populating relations', async () => {
      const { lonely, ghost, byline } = content;
      const sections = await get(reader, '/api/sections?populate=articles&status=draft');
      expect(sections.status).toBe(200);
      const byName = Object.fromEntries(
        (sections.body.data as Array<Item & { articles: Item[] }>).map((s) => [
          s.name,
          s.articles.map((a) => a.title),
        ]),
      );
      expect(byName).toEqual({ World: [], Europe: [PUBLISHED_TITLE], Lonely: [] });

      const lonelyOne = await get(
        reader,
        `/api/sections/${lonely.documentId}?populate=articles&status=draft`,
      );
      expect(lonelyOne.status).toBe(200);
      expect(lonelyOne.body.data.articles).toEqual([]);

      const ghostOne = await get(reader, `/api/authors/${ghost.documentId}?populate=articles`);
      expect(ghostOne.status).toBe(200);
      expect(ghostOne.body.data.articles).toEqual([]);

      const bylineOne = await get(
        reader,
        `/api/authors/${byline.documentId}?populate=articles&hasPublishedVersion=false`,
      );
      expect((bylineOne.body.data.articles as Item[]).map((a) => a.title)).toEqual([
        PUBLISHED_TITLE,
      ]);

      const nested = await get(
        reader,
        '/api/articles?populate[section][populate][articles]=true&status=draft',
      );
      expect(nested.status).toBe(200);
      expect(nested.body.data).toHaveLength(1);
      expect((nested.body.data[0].section.articles as Item[]).map((a) => a.title)).toEqual([
        PUBLISHED_TITLE,
      ]);

      const deeper = await get(
        reader,
        '/api/authors?populate[articles][populate][section][populate][articles][fields][0]=title&status=draft',
      );
      const seen = JSON.stringify(deeper.body);
      expect(deeper.status).toBe(200);
      expect(seen).toContain(PUBLISHED_TITLE);
      expect(seen).not.toContain('EMBARGOED');

      const counts = await get(reader, '/api/sections?populate[articles][count]=true&sort=name');
      expect(counts.status).toBe(200);
      expect(
        (counts.body.data as Array<{ articles: { count: number } }>).map((s) => s.articles.count),
      ).toEqual([1, 0, 0]);

      const populateFilter = await get(
        reader,
        '/api/sections?populate[articles][filters][publishedAt][$null]=true',
      );
      expect(populateFilter.status).toBe(200);
      expect(JSON.stringify(populateFilter.body)).not.toContain('EMBARGOED');
    });

    it.each([
      ['sections', 'articles][title][$eq', DRAFT_TITLE],
      ['sections', 'articles][title][$eq', UNPUBLISHED_EDIT],
      ['sections', 'articles][title][$contains', 'EMBARGOED'],
      ['sections', 'articles][documentId][$eq', 'DRAFT_ID'],
      ['authors', 'articles][title][$eq', DRAFT_TITLE],
      ['authors', 'articles][title][$contains', 'EMBARGOED'],
      ['articles', 'section][articles][title][$eq', DRAFT_TITLE],
      ['articles', 'authors][articles][title][$contains', 'EMBARGOED'],
    ])(
      'cannot be found by a relation filter: /api/%s?filters[%s]=%s',
      async (type, path, value) => {
        const wanted = value === 'DRAFT_ID' ? content.draftOnly.documentId : value;
        const res = await get(
          reader,
          `/api/${type}?filters[${path}]=${encodeURIComponent(wanted)}`,
        );
        expect(res.status).toBe(200);
        expect(res.body.data).toEqual([]);
      },
    );

    it('leave relation filters finding published content (the scoping does not hide everything)', async () => {
      const res = await get(
        reader,
        `/api/sections?filters[articles][title][$eq]=${encodeURIComponent(PUBLISHED_TITLE)}`,
      );
      expect(res.status).toBe(200);
      expect((res.body.data as Item[]).map((s) => s.name)).toEqual(['Europe']);
      const viaOr = await get(
        reader,
        `/api/sections?filters[$or][0][articles][title][$eq]=${encodeURIComponent(DRAFT_TITLE)}` +
          `&filters[$or][1][name][$eq]=World`,
      );
      expect((viaOr.body.data as Item[]).map((s) => s.name)).toEqual(['World']);
    });
  });
});
