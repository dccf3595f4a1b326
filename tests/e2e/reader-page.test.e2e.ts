/**
 * The reference report's reader page (`/news/<slug>`) in a real Chromium, on a phone and on a
 * desktop: every element of the page contract (docs/site.md, /work/briefs/contracts.md) with the
 * values of the reference (database/seed/nato-report.json), no console error, no request to
 * another host, only its own stylesheet and script, and a view count that rises by exactly one per
 * load. Screenshots: tests/artifacts/reader-page-phone.png and reader-page-desktop.png.
 */

import type { Browser, Page } from 'playwright-core';

import fixture from '../../database/seed/nato-report.json';
import { ARTICLE_UID } from '../../src/constants';
import { REFERENCE_SLUG } from '../../src/setup/example-content';
import { setStored } from '../helpers/fixtures';
import { viewCounter } from '../helpers/views';
import {
  describeWithChromium,
  launchBrowser,
  type OpenedPage,
  openPage,
  type RunningApp,
  screenshot,
  startApp,
} from './harness';

const DAY_MS = 24 * 60 * 60 * 1000;
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** How many pixels the page is wider than its window (0 when nothing sticks out). */
const horizontalOverflow = (page: Page): Promise<number> =>
  page.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);

const text = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

interface Load extends OpenedPage {
  status: number | undefined;
  /** The paths of the page's requests to its own host, in order. */
  ownRequests: string[];
  /** How many `POST /api/articles/:documentId/views` the page sent. */
  viewPosts: () => number;
}

describeWithChromium('the reference report in a browser', () => {
  let run: RunningApp;
  let browser: Browser;
  let documentId: string;
  /** When the report was last updated: three days and an hour before the test. */
  let lastUpdate: Date;

  /** The article's views as the public slug route answers them (the cache is off), after a flush. */
  const publicViews = async (): Promise<number> => {
    await viewCounter(run.app).flush();
    const res = await run.app.request().get(`/api/articles/slug/${REFERENCE_SLUG}`);
    expect(res.status).toBe(200);
    return res.body.data.views as number;
  };

  /** Opens the page in a new browser context (a new visitor) and waits until its view is sent. */
  const load = async (size: { width: number; height: number }): Promise<Load> => {
    const opened = await openPage(browser, size);
    const ownRequests: string[] = [];
    let posts = 0;
    opened.page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin !== run.baseUrl) return;
      ownRequests.push(`${request.method()} ${url.pathname}`);
      if (request.method() === 'POST' && url.pathname === `/api/articles/${documentId}/views`) {
        posts += 1;
      }
    });
    const viewAnswered = opened.page.waitForResponse(
      (response) =>
        response.request().method() === 'POST' &&
        new URL(response.url()).pathname === `/api/articles/${documentId}/views`,
    );
    const response = await opened.page.goto(`${run.baseUrl}/news/${REFERENCE_SLUG}`, {
      waitUntil: 'load',
    });
    // A page that failed to render sends no view: fail on its status, not on a 30 s wait.
    viewAnswered.catch(() => undefined);
    if (response?.status() === 200) expect((await viewAnswered).status()).toBeLessThan(300);
    await opened.page.waitForLoadState('networkidle');
    return { ...opened, status: response?.status(), ownRequests, viewPosts: () => posts };
  };

  beforeAll(async () => {
    run = await startApp();
    const row: { documentId: string } | null = await run.app.strapi.db
      .query(ARTICLE_UID)
      .findOne({ select: ['documentId'], where: { slug: REFERENCE_SLUG } });
    if (!row) throw new Error('the reference report was not seeded');
    documentId = row.documentId;
    // The reference page was seen three days after its last update: date it so, in the database.
    lastUpdate = new Date(Date.now() - 3 * DAY_MS - 60 * 60 * 1000);
    const dates: Record<string, unknown> = { updatedAt: lastUpdate };
    if (run.app.strapi.contentType(ARTICLE_UID).attributes.lastSubstantiveUpdateAt) {
      dates.lastSubstantiveUpdateAt = lastUpdate;
    }
    await setStored(run.app.strapi, documentId, dates);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });

  // First test of the file: the page is loaded for the first time, so it shows the seeded 35 views.
  it('shows every element of the reference report on a phone', async () => {
    const { page, status } = await load(PHONE);
    expect(status).toBe(200);

    const breadcrumb = page.getByTestId('breadcrumb');
    expect(await breadcrumb.evaluate((nav) => nav.tagName)).toBe('NAV');
    expect(await breadcrumb.getAttribute('aria-label')).toBe('Breadcrumb');
    const crumbs = await breadcrumb.locator('ol > li').evaluateAll((items) =>
      items.map((item) => {
        const link = item.querySelector('a');
        return {
          text: (item.textContent ?? '').trim(),
          href: link?.getAttribute('href') ?? null,
          // On the item itself or on an element inside it.
          current:
            item.matches('[aria-current="page"]') ||
            item.querySelector('[aria-current="page"]') !== null,
        };
      }),
    );
    expect(crumbs).toEqual([
      { text: 'Home', href: '/', current: false },
      { text: 'World', href: '/news/section/world', current: false },
      { text: fixture.article.title, href: null, current: true },
    ]);

    const label = page.getByTestId('section-label');
    expect(await text(page, 'section-label')).toBe(fixture.section.name);
    const labelLink =
      (await label.evaluate((el) => el.tagName)) === 'A' ? label : label.locator('a');
    expect(await labelLink.getAttribute('href')).toBe(`/news/section/${fixture.section.slug}`);

    expect(await page.getByTestId('headline').evaluate((el) => el.tagName)).toBe('H1');
    expect(await text(page, 'headline')).toBe(fixture.article.title);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await text(page, 'standfirst')).toBe(fixture.article.standfirst);

    const paragraphs = await page
      .getByTestId('article-body')
      .locator('p')
      .evaluateAll((items) => items.map((item) => (item.textContent ?? '').trim()));
    expect(paragraphs).toEqual(fixture.article.body);

    const authors = await page
      .getByTestId('byline')
      .getByTestId('byline-author')
      .evaluateAll((links) =>
        links.map((link) => ({
          tag: link.tagName,
          name: (link.textContent ?? '').trim(),
          href: link.getAttribute('href'),
        })),
      );
    expect(authors).toEqual([
      { tag: 'A', name: fixture.author.name, href: `/news/author/${fixture.author.slug}` },
    ]);

    expect(await text(page, 'last-update')).toBe('Last update: 3 days ago');
    const datetime = await page.getByTestId('last-update').locator('time').getAttribute('datetime');
    expect(Math.floor(new Date(datetime ?? '').getTime() / 1000)).toBe(
      Math.floor(lastUpdate.getTime() / 1000),
    );
    expect(await text(page, 'reading-time')).toBe(`${fixture.article.readingTimeMinutes} min read`);
    expect(await text(page, 'views')).toBe(`${fixture.article.views} Views`);
    expect(await page.getByTestId('views').getAttribute('data-views')).toBe(
      String(fixture.article.views),
    );

    const share = page.getByTestId('share');
    expect(await share.evaluate((el) => el.tagName)).toBe('BUTTON');
    expect(await share.isVisible()).toBe(true);

    expect(await page.locator('article').getAttribute('data-document-id')).toBe(documentId);
    await screenshot(page, 'reader-page-phone');
    await page.close();
  });

  it('looks right on a desktop', async () => {
    const { page, status } = await load(DESKTOP);
    expect(status).toBe(200);
    for (const testId of ['breadcrumb', 'headline', 'standfirst', 'byline', 'views', 'share']) {
      expect(await page.getByTestId(testId).first().isVisible()).toBe(true);
    }
    expect(await text(page, 'headline')).toBe(fixture.article.title);
    // Nothing is wider than the window.
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBe(0);
    await screenshot(page, 'reader-page-desktop');
    await page.close();
  });

  it('fits a phone screen: nothing is wider than the window', async () => {
    const { page } = await load(PHONE);
    const overflow = await horizontalOverflow(page);
    expect(overflow).toBe(0);
    await page.close();
  });

  it('logs no console error, asks no other host, loads only its own stylesheet and script', async () => {
    const { page, consoleErrors, foreignRequests, ownRequests } = await load(DESKTOP);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);

    const scripts = ownRequests.filter((request) => request.endsWith('.js'));
    expect(scripts).toEqual(['GET /news/assets/article.js']);
    expect(ownRequests).toContain('GET /news/assets/site.css');
    // The CSP allows no inline script: the only <script> without a src is JSON-LD data.
    const inline = await page
      .locator('script:not([src])')
      .evaluateAll((items) => items.map((item) => item.getAttribute('type')));
    expect(inline.filter((type) => type !== 'application/ld+json')).toEqual([]);
    expect(
      await page
        .locator('script[src]')
        .evaluateAll((items) => items.map((s) => s.getAttribute('src'))),
    ).toEqual([expect.stringMatching(/^\/news\/assets\/article\.js(\?.*)?$/)]);
    await page.close();
  });

  it('counts exactly one view per load', async () => {
    for (const size of [PHONE, DESKTOP]) {
      const before = await publicViews();
      const { page, viewPosts } = await load(size);
      expect(viewPosts()).toBe(1);
      // The count the page shows is the one the server had when it rendered the page.
      expect(await page.getByTestId('views').getAttribute('data-views')).toBe(String(before));
      await page.close();
      expect(await publicViews()).toBe(before + 1);
    }
  });

  it('shares the page: the Share button copies its link where the Web Share API is absent', async () => {
    const { page, consoleErrors } = await load(DESKTOP);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: run.baseUrl,
    });
    const webShare = await page.evaluate(() => typeof navigator.share === 'function');
    await page.getByTestId('share').click();
    if (!webShare) {
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain(`/news/${REFERENCE_SLUG}`);
    }
    expect(consoleErrors).toEqual([]);
    await page.close();
  });
});
