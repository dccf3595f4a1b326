/**
 * Proves `/sitemap.xml`: every published article, section and author page with its `lastmod`,
 * in one `<urlset>` while they fit in one file, else a sitemap index of numbered files
 * (`/sitemaps/articles-1.xml`, ...) each holding at most `SITEMAP_URLS_PER_FILE` URLs (3 here);
 * drafts and unpublished articles in none of them; unknown files are 404s.
 */
import {
  createArticle,
  createAuthor,
  createSection,
  type Doc,
  publishedRows,
  unpublishArticle,
} from '../helpers/fixtures';
import { setSiteSettings, TEST_PUBLICATION } from '../helpers/site-settings';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { locsOf } from '../helpers/xml';

const URL = TEST_PUBLICATION.publicUrl;

let app: TestApp;
let section: Doc;
let author: Doc;
let first: Doc;

const get = (path: string) => app.request().get(path).buffer(true);
const article = (title: string, publish = true) =>
  createArticle(app.strapi, {
    title,
    publish,
    section: section.documentId,
    authors: [author.documentId],
  });

beforeAll(async () => {
  app = await bootStrapi({ env: { SITEMAP_URLS_PER_FILE: '3' } });
  await setSiteSettings(app.strapi);
  section = await createSection(app.strapi, { name: 'World' });
  author = await createAuthor(app.strapi, { name: 'Ada Byline' });
  first = await article('First story');
  await article('EMBARGOED draft', false);
  const withdrawn = await article('EMBARGOED withdrawn');
  await unpublishArticle(app.strapi, withdrawn.documentId);
});

afterAll(stopStrapi);

describe('while every page fits in one file', () => {
  it('/sitemap.xml is a urlset of the article, section and author pages with lastmod', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=60/);
    const { root, entries } = locsOf(res.text);
    expect(root.name).toBe('urlset');
    const [published] = await publishedRows(app.strapi, first.documentId);
    expect(entries.map(({ loc, lastmod }) => ({ loc, lastmod }))).toEqual([
      {
        loc: `${URL}/news/${first.slug}`,
        lastmod: new Date(published.updatedAt as string).toISOString(),
      },
      {
        loc: `${URL}/news/section/${section.slug}`,
        lastmod: new Date(section.updatedAt as string).toISOString(),
      },
      {
        loc: `${URL}/news/author/${author.slug}`,
        lastmod: new Date(author.updatedAt as string).toISOString(),
      },
    ]);
  });
});

describe('once they do not', () => {
  let all: Doc[];
  beforeAll(async () => {
    all = [first];
    for (const title of ['Second story', 'Third story', 'Fourth story']) {
      all.push(await article(title));
    }
  });

  it('/sitemap.xml is an index of files of at most 3 URLs each', async () => {
    const res = await get('/sitemap.xml');
    expect(res.status).toBe(200);
    const { root, entries } = locsOf(res.text);
    expect(root.name).toBe('sitemapindex');
    expect(entries.map((entry) => entry.loc)).toEqual([
      `${URL}/sitemaps/articles-1.xml`,
      `${URL}/sitemaps/articles-2.xml`,
      `${URL}/sitemaps/sections-1.xml`,
      `${URL}/sitemaps/authors-1.xml`,
    ]);
  });

  it('the files list every published page once, and no draft', async () => {
    const locs: string[] = [];
    for (const file of ['articles-1', 'articles-2', 'sections-1', 'authors-1']) {
      const res = await get(`/sitemaps/${file}.xml`);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
      const { entries } = locsOf(res.text);
      expect(entries.length).toBeLessThanOrEqual(3);
      expect(entries.every((entry) => entry.lastmod)).toBe(true);
      locs.push(...entries.map((entry) => entry.loc));
    }
    expect(locs.sort()).toEqual(
      [
        ...all.map((doc) => `${URL}/news/${doc.slug}`),
        `${URL}/news/section/${section.slug}`,
        `${URL}/news/author/${author.slug}`,
      ].sort(),
    );
    expect(locs.join(' ')).not.toContain('embargoed');
  });

  it.each(['articles-3.xml', 'articles-0.xml', 'drafts-1.xml', 'articles-1.xml.gz'])(
    '/sitemaps/%s is a 404',
    async (file) => {
      const res = await get(`/sitemaps/${file}`);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
      expect(res.text).toContain('/sitemap.xml');
    },
  );
});
