/**
 * Publishing through the admin panel, in a real Chromium: an Editor logs in, writes an article
 * with a section and an author in the content manager, publishes it, and its reader page shows
 * it; an Author's draft offers no working Publish (the action is disabled, absent, or refused with
 * a visible message) and stays unpublished. Screenshot: tests/artifacts/admin-edit-view.png.
 */

import type { Browser } from 'playwright-core';

import fixture from '../../database/seed/nato-report.json';
import { ARTICLE_UID } from '../../src/constants';
import {
  closeBanner,
  dismissNotifications,
  documentAction,
  fillArticle,
  openNewArticle,
} from './admin-forms';
import {
  createStaffUser,
  describeWithAdminPanel,
  launchBrowser,
  loginToAdmin,
  openPage,
  type RunningApp,
  screenshot,
  startApp,
} from './harness';

const DESKTOP = { width: 1280, height: 900 };
/** Tall enough to show the whole edit form, relations included (the admin scrolls inside). */
const TALL = { width: 1280, height: 1700 };

interface StoredVersion {
  documentId: string;
  slug: string;
  publishedAt: string | null;
}

describeWithAdminPanel('publishing from the admin panel', () => {
  let run: RunningApp;
  let browser: Browser;

  /** The stored versions (draft, and published if any) of the article titled `title`. */
  const versionsOf = (title: string) =>
    run.app.strapi.db.query(ARTICLE_UID).findMany({
      select: ['documentId', 'slug', 'publishedAt'],
      where: { title },
    }) as Promise<StoredVersion[]>;

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });

  it('an Editor writes and publishes an article, and readers see it on its page', async () => {
    const editor = await createStaffUser(run.app, 'editor');
    const article = {
      title: 'Harbour cranes return to the waterfront',
      standfirst: 'The port brings back the cranes it took down in 1990.',
      body: 'Four cranes went back up on the old quay this morning, thirty years after they came down.',
      section: fixture.section.name,
      authors: [fixture.author.name],
    };
    const { page } = await openPage(browser, DESKTOP);
    await loginToAdmin(page, run.baseUrl, editor);
    await openNewArticle(page, run.baseUrl);
    await closeBanner(page);
    await fillArticle(page, article);
    expect(await documentAction(page, 'Publish').isEnabled()).toBe(true);
    await documentAction(page, 'Publish').click();
    await page.getByText('Published document').first().waitFor();
    await page.getByText('All time').waitFor();
    await dismissNotifications(page);
    await page.setViewportSize(TALL);
    await screenshot(page, 'admin-edit-view');

    const versions = await versionsOf(article.title);
    expect(versions.filter((version) => version.publishedAt !== null)).toHaveLength(1);
    const { slug } = versions[0];
    expect(slug).toBe('harbour-cranes-return-to-the-waterfront');
    await page.close();

    const reader = await openPage(browser, DESKTOP);
    const response = await reader.page.goto(`${run.baseUrl}/news/${slug}`);
    expect(response?.status()).toBe(200);
    const text = async (testId: string) =>
      ((await reader.page.getByTestId(testId).first().textContent()) ?? '').trim();
    expect(await text('headline')).toBe(article.title);
    expect(await text('standfirst')).toBe(article.standfirst);
    expect(await text('article-body')).toContain(article.body);
    expect(await text('section-label')).toBe(article.section);
    expect(
      await reader.page
        .getByTestId('byline-author')
        .evaluateAll((links) => links.map((link) => (link.textContent ?? '').trim())),
    ).toEqual(article.authors);
    expect(reader.consoleErrors).toEqual([]);
    await reader.page.close();
  });

  it("an Author's draft offers no working Publish and stays unpublished", async () => {
    const author = await createStaffUser(run.app, 'author');
    const title = 'Ferry timetable changes for winter';
    const { page } = await openPage(browser, DESKTOP);
    await loginToAdmin(page, run.baseUrl, author);
    await openNewArticle(page, run.baseUrl);
    await closeBanner(page);
    await fillArticle(page, {
      title,
      standfirst: 'Fewer sailings from December to March.',
      body: 'The island ferry will sail four times a day instead of six this winter.',
      section: fixture.section.name,
      authors: [fixture.author.name],
    });
    await documentAction(page, 'Save').click();
    await page.getByText('Saved document').first().waitFor();
    const [draft] = await versionsOf(title);
    expect(draft).toBeDefined();

    // The saved draft's edit view, as the Author comes back to it.
    await page.goto(
      `${run.baseUrl}/admin/content-manager/collection-types/${ARTICLE_UID}/${draft.documentId}`,
    );
    await page.locator('input[name="title"]').waitFor();
    await page.getByText('All time').waitFor();
    const publish = page.locator('button').filter({ hasText: /^Publish$/ });
    if ((await publish.count()) > 0 && (await publish.first().isEnabled())) {
      // Offered: then it must be refused, with a message the Author can read.
      await publish.first().click();
      await page.getByRole('alert').first().waitFor();
    } else {
      // Absent or disabled: a click does nothing.
      if ((await publish.count()) > 0) await publish.first().click({ force: true });
    }
    await page.setViewportSize(TALL);
    await screenshot(page, 'admin-author-draft');

    const versions = await versionsOf(title);
    expect(versions).toHaveLength(1);
    expect(versions[0].publishedAt).toBeNull();
    const publicRead = await run.app.request().get(`/api/articles/slug/${draft.slug}`);
    expect(publicRead.status).toBe(404);
    await page.close();
  });
});
