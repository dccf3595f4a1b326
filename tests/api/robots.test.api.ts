/**
 * Proves `/robots.txt` is served by the app (no static file shadows it), as text, naming the
 * absolute URLs of both sitemaps: from `PUBLIC_URL` until editors set a public URL, then theirs.
 */
import { setSiteSettings } from '../helpers/site-settings';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

let app: TestApp;

beforeAll(async () => {
  app = await bootStrapi({ env: { PUBLIC_URL: 'https://fallback.example.test' } });
});

afterAll(stopStrapi);

const robots = async () => {
  const res = await app.request().get('/robots.txt');
  expect(res.status).toBe(200);
  expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
  expect(res.headers['cache-control']).toMatch(/^public, max-age=60/);
  return res.text;
};

it('names the sitemaps under PUBLIC_URL while the site settings have no public URL', async () => {
  const text = await robots();
  expect(text).toContain('User-agent: *');
  expect(text).toContain('Disallow: /admin/');
  expect(text).toContain('Sitemap: https://fallback.example.test/sitemap.xml');
  expect(text).toContain('Sitemap: https://fallback.example.test/news-sitemap.xml');
});

it("names them under the editors' public URL once it is set", async () => {
  await setSiteSettings(app.strapi, { publicUrl: 'https://news.example.test/' });
  const text = await robots();
  expect(text).toContain('Sitemap: https://news.example.test/sitemap.xml');
  expect(text).toContain('Sitemap: https://news.example.test/news-sitemap.xml');
  expect(text).not.toContain('fallback');
});
