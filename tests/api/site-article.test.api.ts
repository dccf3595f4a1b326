/**
 * The reader page of the reference report (`GET /news/:slug`), seeded at boot: every element of
 * the DOM contract (docs/site.md) with the reference's values, the one same-origin script and
 * stylesheet, and nothing private.
 */

import { REFERENCE_SLUG } from '../../src/setup/example-content';
import { allTags, byTestId } from '../helpers/html';
import { describeWithDatabase } from '../helpers/services';
import { clockDaysAfter, getPage, SITE_ENV } from '../helpers/site';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const TITLE = "NATO's Rutte anticipates success of US peace initiative for Ukraine";

describeWithDatabase('the reference report as a reader page', () => {
  let app: TestApp;
  let html: string;
  let api: { documentId: string; updatedAt: string };

  beforeAll(async () => {
    app = await bootStrapi({ env: { SEED_EXAMPLE_CONTENT: 'true', ...SITE_ENV } });
    api = (await app.request().get(`/api/articles/slug/${REFERENCE_SLUG}`)).body.data;
    clockDaysAfter(app, api.updatedAt, 3);
    const page = await getPage(app, `/news/${REFERENCE_SLUG}`);
    expect(page.res.status).toBe(200);
    expect(page.res.headers['content-type']).toBe('text/html; charset=utf-8');
    html = page.html;
  });
  afterAll(stopStrapi);

  it('is a whole HTML document in the publication language', () => {
    expect(html.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
  });

  it('has the breadcrumb Home > World > headline', () => {
    const breadcrumb = byTestId(html, 'breadcrumb');
    expect(breadcrumb.tag).toBe('nav');
    expect(breadcrumb.attrs['aria-label']).toBe('Breadcrumb');
    const items = allTags(breadcrumb.inner, 'li');
    expect(items.map((item) => item.text)).toEqual(['Home', 'World', TITLE]);
    expect(allTags(items[0].inner, 'a')[0].attrs.href).toBe('/');
    expect(allTags(items[1].inner, 'a')[0].attrs.href).toBe('/news/section/world');
    expect(items[2].attrs['aria-current']).toBe('page');
  });

  it('labels the section, with a link to its page', () => {
    const label = byTestId(html, 'section-label');
    expect(label.text).toBe('World');
    expect(label.attrs.href).toBe('/news/section/world');
  });

  it('shows the headline as the one h1, then the standfirst', () => {
    const headline = byTestId(html, 'headline');
    expect(headline.tag).toBe('h1');
    expect(headline.text).toBe(TITLE);
    expect(allTags(html, 'h1')).toHaveLength(1);
    expect(byTestId(html, 'standfirst').text).toBe(
      'NATO Optimistic on Ukraine Peace Efforts, Stresses Continued Support',
    );
  });

  it('renders the body: its six paragraphs', () => {
    const paragraphs = allTags(byTestId(html, 'article-body').inner, 'p');
    expect(paragraphs).toHaveLength(6);
    expect(paragraphs[0].text).toMatch(/^NATO Secretary General Mark Rutte expressed optimism/);
    expect(paragraphs[0].text).toContain('"I believe that persistent international efforts');
  });

  it('credits the author with a link to her page', () => {
    const authors = allTags(byTestId(html, 'byline').inner, 'a');
    expect(authors.map((a) => [a.text, a.attrs.href, a.attrs['data-testid']])).toEqual([
      ['Sophia Brooks', '/news/author/sophia-brooks', 'byline-author'],
    ]);
  });

  it('says "Last update: 3 days ago" on the injected clock, "2 min read" and "35 Views"', () => {
    const lastUpdate = byTestId(html, 'last-update');
    expect(lastUpdate.text).toBe('Last update: 3 days ago');
    expect(allTags(lastUpdate.inner, 'time')[0].attrs.datetime).toBe(
      new Date(api.updatedAt).toISOString(),
    );
    expect(byTestId(html, 'reading-time').text).toBe('2 min read');
    const views = byTestId(html, 'views');
    expect(views.text).toBe('35 Views');
    expect(views.attrs['data-views']).toBe('35');
  });

  it('has a Share button and plain share links, with no third-party script', () => {
    const share = byTestId(html, 'share');
    expect(share.tag).toBe('button');
    expect(share.attrs['data-share-url']).toBe(`https://news.example.test/news/${REFERENCE_SLUG}`);
    expect(html).toContain(`href="mailto:?subject=`);
    const scripts = allTags(html, 'script').filter((s) => s.attrs.type !== 'application/ld+json');
    expect(scripts).toHaveLength(1);
    expect(scripts[0].attrs.src).toMatch(/^\/news\/assets\/article\.js\?v=[0-9a-f]{12}$/);
    expect(scripts[0].inner).toBe('');
  });

  it('names the article for the view script and links its own stylesheet only', () => {
    const article = allTags(html, 'article')[0];
    expect(article.attrs['data-document-id']).toBe(api.documentId);
    const sheets = allTags(html, 'link').filter((link) => link.attrs.rel === 'stylesheet');
    expect(sheets.map((sheet) => sheet.attrs.href)).toEqual([
      expect.stringMatching(/^\/news\/assets\/site\.css\?v=[0-9a-f]{12}$/),
    ]);
    // Nothing loaded from another host (share links are plain links, not loads).
    expect(html).not.toMatch(/(src|href)="\/\//);
    expect(allTags(html, 'img').every((img) => !/^https?:/.test(img.attrs.src))).toBe(true);
  });

  it('serves the script and the stylesheet, cached for a year', async () => {
    for (const [path, type] of [
      [allTags(html, 'script').find((s) => s.attrs.src)?.attrs.src, 'text/javascript'],
      [allTags(html, 'link').find((l) => l.attrs.rel === 'stylesheet')?.attrs.href, 'text/css'],
    ]) {
      const res = await app.request().get(String(path));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(`${type}; charset=utf-8`);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
    expect((await app.request().get('/news/assets/secrets.env')).status).toBe(404);
  });

  it('lets the view script record a view through the views route', async () => {
    const res = await app
      .request()
      .post(`/api/articles/${api.documentId}/views`)
      .set(
        'User-Agent',
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/120 Safari/537.36',
      );
    expect(res.status).toBe(200);
    expect(res.body.data).toMatchObject({ documentId: api.documentId, counted: true, views: 36 });
  });

  it('shows no private field', () => {
    expect(html).not.toMatch(/scheduledAt|readyForReview|@newsroom/);
  });
});
