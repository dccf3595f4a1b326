import { chromium } from 'playwright-core';
import { bootStrapi, stopStrapi } from './tests/helpers/strapi';
import { clockDaysAfter } from './tests/helpers/site';

const SLUG = 'natos-rutte-anticipates-success-of-us-peace-initiative-for-ukraine';
(async () => {
  const app = await bootStrapi({ env: { SEED_EXAMPLE_CONTENT: 'true' } });
  const api = (await app.request().get(`/api/articles/slug/${SLUG}`)).body.data;
  clockDaysAfter(app, api.updatedAt, 3);
  const addr = app.server.address() as { port: number };
  const base = `http://127.0.0.1:${addr.port}`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  const pages = (process.env.PAGES || `/news/${SLUG},/news/section/world,/news,/news/author/sophia-brooks,/news/nope`).split(',');
  for (const width of [390, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: width === 390 ? 844 : 900 } });
    page.on('console', (m) => console.log('console', m.type(), m.text()));
    page.on('request', (r) => { if (!r.url().startsWith(base)) console.log('FOREIGN', r.url()); });
    for (const p of pages) {
      await page.goto(base + p);
      const name = p.replace(/[^a-z]+/g, '-').slice(0, 30);
      await page.screenshot({ path: `/tmp/site-shots/${width}${name}.png`, fullPage: true });
    }
  }
  await browser.close();
  await stopStrapi();
})().catch((e) => { console.error(e); process.exit(1); });
