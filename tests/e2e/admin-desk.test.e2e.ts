/**
 * The admin reads like a newsroom's, in a real Chromium: the home page's Desk widget lists what
 * is ready for review, what is scheduled and the user's own drafts, each a link to its edit
 * view; the article list shows section, byline, review, schedule, last update, status and views
 * (the views of the whole page in one request); the edit view's fields carry labels and hints;
 * the publishing log lists when, who and what; an Author's refused save says why, and the
 * schedule is read-only for Authors. Screenshots: tests/artifacts/admin-desk-*.png.
 */

import type { Browser, Page } from 'playwright-core';

import { ARTICLE_UID, PUBLICATION_LOG_UID } from '../../src/constants';
import { adminLogin, contentManager, createDraftAs } from '../helpers/admin';
import { createAuthor, createSection, type Doc } from '../helpers/fixtures';
import { closeBanner } from './admin-forms';
import {
  createStaffUser,
  describeWithAdminPanel,
  launchBrowser,
  loginToAdmin,
  openPage,
  type RunningApp,
  screenshot,
  StaffUser,
  startApp,
} from './harness';

const DESKTOP = { width: 1440, height: 1000 };
const TALL = { width: 1440, height: 1700 };
/** Wide enough for every column of the article list without scrolling sideways. */
const WIDE = { width: 2000, height: 900 };

describeWithAdminPanel('the newsroom admin', () => {
  let run: RunningApp;
  let browser: Browser;
  let editor: StaffUser;
  let author: StaffUser;
  let section: Doc;
  let byline: Doc;
  const drafts: Record<string, string> = {};

  const cmOf = async (user: StaffUser) => contentManager(run.app, await adminLogin(run.app, user));
  const listUrl = (uid: string) => `${run.baseUrl}/admin/content-manager/collection-types/${uid}`;
  const loggedIn = async (user: StaffUser, size = DESKTOP): Promise<Page> => {
    const { page } = await openPage(browser, size);
    await loginToAdmin(page, run.baseUrl, user);
    await closeBanner(page);
    return page;
  };

  beforeAll(async () => {
    run = await startApp();
    browser = await launchBrowser();
    editor = await createStaffUser(run.app, 'editor');
    author = await createStaffUser(run.app, 'author');
    section = await createSection(run.app.strapi, { name: 'Harbour' });
    byline = await createAuthor(run.app.strapi, { name: 'Hana Harbour' });
    const authorCm = await cmOf(author);
    const editorCm = await cmOf(editor);
    const draft = (title: string) => createDraftAs(authorCm, { title, section, byline });

    drafts.ready = (await draft('Tide tables misprinted in the weekend guide')).documentId;
    await authorCm.update(ARTICLE_UID, drafts.ready, { readyForReview: true });
    drafts.own = (await draft('Fishing quotas: what changes in spring')).documentId;
    drafts.scheduled = (await draft('Lighthouse reopens to visitors')).documentId;
    await editorCm.update(ARTICLE_UID, drafts.scheduled, {
      scheduledAt: '2099-05-01T07:00:00.000Z',
    });
    drafts.published = (await draft('Ferry strike called off')).documentId;
    expect((await editorCm.publish(ARTICLE_UID, drafts.published)).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await run?.stop();
  });

  it('shows the Desk on the home page: ready for review, scheduled, own drafts, as links', async () => {
    const page = await loggedIn(author, TALL);
    await page.goto(`${run.baseUrl}/admin`);
    const desk = page.getByTestId('desk-widget');
    await desk.waitFor();
    const ready = page.getByTestId('desk-readyForReview');
    await ready.getByText('Tide tables misprinted in the weekend guide').waitFor();
    await page.getByTestId('desk-scheduled').getByText('Lighthouse reopens to visitors').waitFor();
    const mine = page.getByTestId('desk-myDrafts');
    await mine.getByText('Fishing quotas: what changes in spring').waitFor();
    expect(await mine.getByText('Ferry strike called off').count()).toBe(0);
    await desk.scrollIntoViewIfNeeded();
    await screenshot(page, 'admin-desk-home');

    await ready.getByRole('link', { name: 'Tide tables misprinted in the weekend guide' }).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/${ARTICLE_UID}/${drafts.ready}`));
    await page.close();
  });

  it('lists articles with section, byline, review, schedule, last update, status and views', async () => {
    const page = await loggedIn(editor, WIDE);
    const totalsRequests: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/newsroom-views/totals')) totalsRequests.push(request.url());
    });
    await page.goto(listUrl(ARTICLE_UID));
    await page.getByText('Ferry strike called off').first().waitFor();
    await page.getByTestId('list-views').first().waitFor();
    // Every cell shows its count (no "…" left): the page's totals have arrived.
    await page
      .getByTestId('list-views')
      .filter({ hasText: '…' })
      .first()
      .waitFor({ state: 'detached' });
    const headers = (await page.locator('thead th').allTextContents()).map((text) => text.trim());
    for (const column of [
      'Headline',
      'Section',
      'Byline',
      'Ready for review',
      'Publish automatically at',
      'Last update',
      'Views',
    ]) {
      expect(headers.some((header) => header.startsWith(column))).toBe(true);
    }
    expect(headers.some((header) => /status/i.test(header))).toBe(true);
    expect(totalsRequests).toHaveLength(1);
    await screenshot(page, 'admin-desk-article-list');
    await page.close();
  });

  it('labels and explains the edit view’s fields in words', async () => {
    const page = await loggedIn(editor, TALL);
    await page.goto(`${listUrl(ARTICLE_UID)}/${drafts.published}`);
    await page.locator('input[name="title"]').waitFor();
    for (const text of [
      'Headline',
      'Standfirst',
      'Byline',
      'Reading time (minutes)',
      'Worked out from the body on every save (200 words a minute)',
      'Ready for review',
    ]) {
      // Not exact: a required field's label ends with "*", a relation's with its count.
      await page.getByText(text).first().waitFor();
    }
    await screenshot(page, 'admin-desk-edit-labels');
    await page.close();
  });

  it('lists the publishing log by when, who and what', async () => {
    const page = await loggedIn(editor);
    await page.goto(listUrl(PUBLICATION_LOG_UID));
    await page.getByText('Ferry strike called off').first().waitFor();
    const headers = (await page.locator('thead th').allTextContents()).map((text) => text.trim());
    for (const column of ['When', 'Who', 'What', 'Article']) {
      expect(headers.some((header) => header.startsWith(column))).toBe(true);
    }
    await page
      .getByText(/Edna Editor/)
      .first()
      .waitFor();
    await screenshot(page, 'admin-desk-publishing-log');
    await page.close();
  });

  it('tells an Author why a save is refused, and shows the schedule read-only', async () => {
    const page = await loggedIn(author, TALL);
    await page.goto(`${listUrl(ARTICLE_UID)}/${drafts.published}`);
    const title = page.locator('input[name="title"]');
    await title.waitFor();
    if (await title.isEditable()) {
      await title.fill('Ferry strike called off, says the union');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page
        .getByText(/once published, only Editors can edit it/)
        .first()
        .waitFor();
    } else {
      // The form itself is locked for this Author: nothing to refuse.
      expect(await title.isEditable()).toBe(false);
    }
    await screenshot(page, 'admin-desk-author-refused');

    await page.goto(`${listUrl(ARTICLE_UID)}/${drafts.own}`);
    await page.locator('input[name="title"]').waitFor();
    expect(await page.locator('input[name="title"]').isEditable()).toBe(true);
    // Their own draft: the Author may save it (the document actions have loaded).
    await page.getByRole('button', { name: 'Save', exact: true }).waitFor();
    const schedule = page.locator('input[name="scheduledAt"]').first();
    if ((await schedule.count()) > 0) expect(await schedule.isEditable()).toBe(false);
    await screenshot(page, 'admin-desk-author-read-only');
    await page.close();
  });
});
