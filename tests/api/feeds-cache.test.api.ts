/**
 * Feeds, sitemaps and robots.txt in the response cache: a second read is a hit, a publish makes
 * the next feed and sitemap fresh, and a site-settings change makes robots.txt fresh. It starts
 * on an empty newsroom, whose sitemaps are valid and empty (not a 500).
 */

import { CACHE_ON, xCache } from '../helpers/cache';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { setSiteSettings } from '../helpers/site-settings';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('feeds and sitemaps in the response cache', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: CACHE_ON });
  });
  afterAll(stopStrapi);

  const get = (url: string) => app.request().get(url).redirects(0);

  it.each(['/rss.xml', '/sitemap.xml', '/news-sitemap.xml', '/robots.txt'])(
    'stores %s and answers the next read from memory',
    async (url) => {
      expect(xCache(await get(url))).toBe('MISS');
      const hit = await get(url);
      expect(xCache(hit)).toBe('HIT');
      expect(hit.status).toBe(200);
    },
  );

  it('answers empty sitemaps while nothing is published', async () => {
    for (const url of ['/sitemap.xml', '/news-sitemap.xml']) {
      const res = await get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.text).toMatch(
        /<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9"/,
      );
      expect(res.text).not.toContain('<url>');
    }
  });

  it('shows an article published after the feed and the sitemap were stored', async () => {
    await get('/rss.xml');
    await get('/sitemap.xml');
    const article = await createArticle(app.strapi, { title: 'Fresh after the purge' });

    const feed = await get('/rss.xml');
    expect(xCache(feed)).toBe('MISS');
    expect(feed.text).toContain('Fresh after the purge');
    const sitemap = await get('/sitemap.xml');
    expect(sitemap.text).toContain(`/news/${article.slug as string}`);
  });

  it('shows a new public URL in robots.txt once the site settings change', async () => {
    await get('/robots.txt');
    await setSiteSettings(app.strapi, { publicUrl: 'https://news.example' });

    const robots = await get('/robots.txt');
    expect(xCache(robots)).toBe('MISS');
    expect(robots.text).toContain('Sitemap: https://news.example/sitemap.xml');
  });
});
