/**
 * The admin panel's article form, driven as a person drives it: the content manager's edit view
 * for a new article, its fields, relations and document actions.
 */

import type { Page } from 'playwright-core';

import { ARTICLE_UID } from '../../src/constants';

export interface ArticleInput {
  title: string;
  standfirst: string;
  /** Typed into the body's rich-text (blocks) editor as one paragraph. */
  body: string;
  /** The section's name, picked in the relation's list. */
  section: string;
  /** The authors' names, each picked in the relation's list. */
  authors: string[];
}

/** The content manager's edit view of a new article. */
export const openNewArticle = async (page: Page, baseUrl: string): Promise<void> => {
  await page.goto(`${baseUrl}/admin/content-manager/collection-types/${ARTICLE_UID}/create`);
  await page.locator('input[name="title"]').waitFor();
};

/** Closes the admin's announcement banner when it shows (it covers the top of each screen). */
export const closeBanner = async (page: Page): Promise<void> => {
  const close = page.getByRole('button', { name: 'Close the banner.' });
  if (await close.isVisible()) await close.click();
};

/** Picks `option` in a relation field's list (`name` is the attribute). */
const pickRelation = async (page: Page, name: string, option: string): Promise<void> => {
  await page.locator(`input[name="${name}"]`).click();
  await page.getByRole('option', { name: option }).click();
};

/** Fills the article form: title, standfirst, body, section and authors. */
export const fillArticle = async (page: Page, input: ArticleInput): Promise<void> => {
  await page.locator('input[name="title"]').fill(input.title);
  await page.locator('textarea[name="standfirst"]').fill(input.standfirst);
  await page.locator('[data-slate-editor="true"]').click();
  await page.keyboard.type(input.body);
  await pickRelation(page, 'section', input.section);
  for (const author of input.authors) await pickRelation(page, 'authors', author);
};

/** The edit view's document action `name` ("Save", "Publish"), a button. */
export const documentAction = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true });

/** Closes the notifications ("Saved document", "Published document") that cover the title. */
export const dismissNotifications = async (page: Page): Promise<void> => {
  const close = page.getByRole('button', { name: 'Close', exact: true });
  for (const button of await close.all()) {
    if (await button.isVisible()) await button.click();
  }
  await close.first().waitFor({ state: 'hidden' });
};
