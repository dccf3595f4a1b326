import type { Site } from '../../src/site/runtime';
import { appModule, type TestApp } from './strapi';

/** The public URL the reader-page tests boot with: canonical and social URLs start with it. */
export const SITE_URL = 'https://news.example.test';

export const SITE_ENV = { PUBLIC_URL: SITE_URL };

const DAY_MS = 24 * 60 * 60 * 1000;

/** The app's reader pages (its own module instance), to move their clock. */
export const siteOf = (app: TestApp): Site =>
  appModule<typeof import('../../src/site/runtime')>('site/runtime').siteOf(app.strapi);

/** Sets the pages' clock to `days` after `from` (an ISO date the app answered). */
export const clockDaysAfter = (app: TestApp, from: string, days: number): void => {
  const at = new Date(new Date(from).getTime() + days * DAY_MS);
  siteOf(app).useClock(() => at);
};

/** A GET whose body is the page's HTML (supertest buffers text/html as `text`). */
export const getPage = async (app: TestApp, path: string) => {
  const res = await app.request().get(path).redirects(0);
  return { res, html: res.text };
};
