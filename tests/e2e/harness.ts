/**
 * The browser harness: the built app (the compiled server in `dist/` and the admin panel in
 * `dist/build`, see `npm run build`) booted in this process on a database of its own with the
 * example content, and Debian's Chromium driven by playwright-core. Every `tests/e2e/*.test.e2e.ts`
 * file uses it; `npm run test:e2e` runs them (jest.e2e.config.js).
 *
 * A file that needs Chromium wraps its tests in `describeWithChromium` (or `describeWithAdminPanel`
 * when it also needs the built admin): without them the tests are skipped with a printed reason,
 * and under `CI=true` they fail instead.
 */

// Functions given to page.evaluate() run in the browser: the tests' type-check needs its DOM types.
/// <reference lib="dom" />

import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import { type Browser, chromium, type Page } from 'playwright-core';

import { SITE_SETTING_UID } from '../../src/constants';
import { AUTHOR_ROLE, EDITOR_ROLE } from '../../src/publishing/actor';
import { roleId } from '../helpers/admin';
import { databaseServices, serviceAvailable } from '../helpers/services';
import { APP_ROOT, bootStrapi, stopStrapi, TEST_ADMIN, type TestApp } from '../helpers/strapi';
import { browserUserAgent } from '../helpers/user-agent';

export { TEST_ADMIN };

/** Where Chromium is (`CHROMIUM_PATH`; Debian's package by default). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Where screenshots go (git-ignored, made on each run). */
export const ARTIFACTS_DIR = path.join(APP_ROOT, 'tests', 'artifacts');

/**
 * The flags Chromium runs with: no sandbox (CI runs as root), no GPU, and none of the browser's
 * own calls home (component updates, sync, background networking), so the only requests it makes
 * are the pages'. playwright-core adds `--headless` and a fresh temporary profile (user-data-dir)
 * per launch, removed when the browser closes.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const testFile = (): string => path.relative(APP_ROOT, expect.getState().testPath ?? 'this file');

/** Prints why a file's tests are skipped, or throws under `CI=true`, where nothing may skip. */
const unavailable = (message: string): false => {
  if (process.env.CI === 'true') {
    throw new Error(`${message}; CI=true, so the browser tests fail instead of skipping.`);
  }
  // Straight to stderr: Jest drops what a wholly skipped file logs through `console`.
  process.stderr.write(`\n${testFile()} skipped: ${message}.\n`);
  return false;
};

/** Whether Chromium is installed at `CHROMIUM_PATH` (prints why not; throws under CI). */
export const chromiumAvailable = (): boolean =>
  fs.existsSync(CHROMIUM_PATH) ||
  unavailable(
    `Chromium is not at ${CHROMIUM_PATH} (apt-get install -y chromium, or set CHROMIUM_PATH)`,
  );

/** Whether the admin panel is built into `dist/build` (prints why not; throws under CI). */
export const adminPanelBuilt = (): boolean =>
  fs.existsSync(path.join(APP_ROOT, 'dist', 'build', 'index.html')) ||
  unavailable('the admin panel is not built (run `npm run build` first)');

/**
 * `describe` for browser tests: skipped with a printed reason when Chromium (or, under
 * `DATABASE_CLIENT=postgres`, PostgreSQL) is missing; failing instead under `CI=true`.
 */
export const describeWithChromium = (name: string, fn: () => void): void => {
  const ready = chromiumAvailable() && databaseServices().every(serviceAvailable);
  (ready ? describe : describe.skip)(name, fn);
};

/** `describeWithChromium` for tests of the admin panel, which also need it built. */
export const describeWithAdminPanel = (name: string, fn: () => void): void => {
  const ready =
    chromiumAvailable() && adminPanelBuilt() && databaseServices().every(serviceAvailable);
  (ready ? describe : describe.skip)(name, fn);
};

/** Chromium, headless, with `CHROMIUM_ARGS` and a fresh profile. Close it in `afterAll`. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });

export interface OpenedPage {
  page: Page;
  /** Console messages of type `error` and uncaught page errors, in order. */
  consoleErrors: string[];
  /** Every request to a host other than this machine's (each one is aborted, never sent). */
  foreignRequests: string[];
}

export interface PageOptions {
  width: number;
  height: number;
  /**
   * Who the visitor is: the User-Agent is a desktop Chrome's, made distinct per visitor (the view
   * counter counts one view per visitor and dedupe window, and refuses Chromium's own
   * "HeadlessChrome", which `isbot` takes for a crawler). A new visitor per page unless given.
   */
  visitor?: number | string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);
let visitors = 0;

/** Whether a URL the page asks for leaves this machine (`data:`, `blob:` and the like do not). */
export const isForeign = (url: string): boolean => {
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'http:' && protocol !== 'https:' && protocol !== 'ws:' && protocol !== 'wss:') {
    return false;
  }
  return !LOCAL_HOSTS.has(hostname);
};

/**
 * A page in a fresh browser context (no cookies, no cache) of `width` x `height`, recording its
 * console errors and its requests to other hosts (aborted: the machine has no internet, and a
 * page must not depend on one).
 */
export const openPage = async (
  browser: Browser,
  { width, height, visitor = `e2e-${process.pid}-${(visitors += 1)}` }: PageOptions,
): Promise<OpenedPage> => {
  const context = await browser.newContext({
    viewport: { width, height },
    userAgent: browserUserAgent(visitor),
    locale: 'en-US',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    consoleErrors.push(url ? `${message.text()} (${url})` : message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await context.route(
    (url) => isForeign(url.href),
    async (route) => {
      foreignRequests.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  page.on('close', () => void context.close().catch(() => undefined));
  return { page, consoleErrors, foreignRequests };
};

/** Saves a full-page screenshot as `tests/artifacts/<name>.png` and answers its path. */
export const screenshot = async (page: Page, name: string): Promise<string> => {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
};

/**
 * Logs in to the admin panel through its login form, as a person would, and waits until the
 * panel has left the login page.
 */
export const loginToAdmin = async (
  page: Page,
  baseUrl: string,
  { email, password }: { email: string; password: string },
): Promise<void> => {
  await page.goto(`${baseUrl}/admin/auth/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.getByRole('button', { name: 'Login' }).click();
  await page.waitForURL(
    (url) => url.pathname.startsWith('/admin') && !url.pathname.includes('/auth/'),
  );
};

export interface RunningApp {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  baseUrl: string;
  app: TestApp;
  stop: () => Promise<void>;
}

/**
 * Boots the app for browser tests (one per test file, in `beforeAll`): the compiled server from
 * `dist/` serving the built admin at `/admin`, on a database of its own, with the example
 * content (the reference report) seeded and the response cache off unless `env` says otherwise.
 * The site settings' public URL is set to the address it listens on, so every absolute link the
 * pages make points back at it.
 */
export const startApp = async ({
  env = {},
}: { env?: Record<string, string> } = {}): Promise<RunningApp> => {
  const app = await bootStrapi({ env: { SEED_EXAMPLE_CONTENT: 'true', ...env } });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const settings = app.strapi.documents(SITE_SETTING_UID);
  const data: Record<string, unknown> = { publicUrl: baseUrl };
  const existing = await settings.findFirst({});
  if (existing) await settings.update({ documentId: existing.documentId, data });
  else await settings.create({ data });
  return { baseUrl, app, stop: stopStrapi };
};

/** The password of every admin account `createStaffUser` makes. */
export const STAFF_PASSWORD = 'Br0wserTestPass';

export interface StaffUser {
  id: number;
  email: string;
  password: string;
  firstname: string;
  lastname: string;
}

/**
 * A new, active admin user with the newsroom role `role` (`'editor'`: Editor, may publish;
 * `'author'`: Author, drafts only), who logs in with `email` and `STAFF_PASSWORD`.
 */
export const createStaffUser = async (
  app: TestApp,
  role: 'editor' | 'author',
  firstname = role === 'editor' ? 'Edna' : 'Arthur',
  lastname = role === 'editor' ? 'Editor' : 'Author',
): Promise<StaffUser> => {
  const email = `${firstname}.${lastname}.e2e@newsroom.test`.toLowerCase();
  const users = app.strapi.service('admin::user') as unknown as {
    create(attributes: Record<string, unknown>): Promise<{ id: number }>;
  };
  const user = await users.create({
    email,
    firstname,
    lastname,
    password: STAFF_PASSWORD,
    isActive: true,
    roles: [await roleId(app, role === 'editor' ? EDITOR_ROLE : AUTHOR_ROLE)],
  });
  return { id: user.id, email, password: STAFF_PASSWORD, firstname, lastname };
};
