/**
 * `npm run backup` then `npm run restore` into a fresh database (both run as child processes
 * against the compiled app, as an operator runs them) bring back everything readers and the
 * rankings depend on: articles, their section, their authors in order, view totals, views per
 * day, the redirects of renamed slugs and the revision history. Both refuse to overwrite without `--force`.
 */

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import type { Knex } from 'knex';

import { ARTICLE_UID } from '../../src/constants';
import { adminLogin, contentManager } from '../helpers/admin';
import { connectTestDatabase, createTestDatabase, type TestDatabase } from '../helpers/database';
import { childProcessEnv } from '../helpers/env';
import { createArticle, createAuthor, createSection } from '../helpers/fixtures';
import { RANKING_NOW, readOn } from '../helpers/most-read';
import { describeWithDatabase } from '../helpers/services';
import { APP_ROOT, bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { viewCounter } from '../helpers/views';

const TSX = path.join(APP_ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');

/** `npm run backup|restore -- <args>` against `db`; answers the exit code and the output. */
const ops = (db: TestDatabase, args: string[]) =>
  new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [TSX, path.join('scripts', 'backup', 'index.ts'), ...args],
      {
        cwd: APP_ROOT,
        maxBuffer: 32 * 1024 * 1024,
        env: childProcessEnv(db.env),
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });

/** What a restore must bring back, read straight from the tables, ids left out (they change). */
const snapshot = async (knex: Knex) => ({
  articles: await knex('articles')
    .select('document_id', 'title', 'slug', knex.raw('published_at IS NOT NULL AS published'))
    .orderBy(['document_id', 'published']),
  sections: await knex('articles_section_lnk as l')
    .join('articles as a', 'a.id', 'l.article_id')
    .join('sections as s', 's.id', 'l.section_id')
    .select('a.document_id as article', 'a.published_at', 's.document_id as section')
    .orderBy(['article', 'section']),
  authors: await knex('articles_authors_lnk as l')
    .join('articles as a', 'a.id', 'l.article_id')
    .join('authors as w', 'w.id', 'l.author_id')
    .whereNotNull('a.published_at')
    .select('a.document_id as article', 'w.name as author')
    .orderBy([{ column: 'article' }, { column: 'l.author_ord' }]),
  totals: await knex('article_views').select('*').orderBy('document_id'),
  daily: await knex('article_views_daily').select('*').orderBy(['document_id', 'day']),
  redirects: await knex('article_slug_history').select('slug', 'document_id').orderBy('slug'),
  revisions: await knex('revisions')
    .select('document_id', 'article_document_id', 'action', 'path', 'actor', 'at', 'snapshot')
    .orderBy('document_id'),
});

describeWithDatabase('a backup restored into a fresh database', () => {
  let app: TestApp;
  let fresh: TestDatabase;
  let dir: string;
  const file = () => path.join(dir, 'newsroom.tar');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-backup-'));
    app = await bootStrapi({ env: { SEED_EXAMPLE_CONTENT: 'true' } });
    const section = await createSection(app.strapi, { name: 'Backups' });
    const [first, second, third] = await Promise.all(
      ['Ada', 'Grace', 'Linus'].map((name) => createAuthor(app.strapi, { name })),
    );
    const ordered = await createArticle(app.strapi, {
      title: 'Three authors',
      section: section.documentId,
      authors: [third.documentId, first.documentId, second.documentId],
    });
    const other = await createArticle(app.strapi, {
      title: 'Two authors',
      section: section.documentId,
      authors: [second.documentId, third.documentId],
    });
    await readOn(app, ordered, 0, 3);
    await readOn(app, ordered, 2, 2);
    await readOn(app, other, 5, 4);
    viewCounter(app).useClock(() => RANKING_NOW);
    await viewCounter(app).flush();
    const cm = contentManager(app, await adminLogin(app));
    expect((await cm.update(ARTICLE_UID, other.documentId, { slug: 'renamed' })).status).toBe(200);
    expect((await cm.publish(ARTICLE_UID, other.documentId)).status).toBe(200);
    fresh = await createTestDatabase(app.db.client);
  });
  afterAll(async () => {
    await stopStrapi();
    await fresh?.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  // Two Strapi boots (export, import) in child processes: minutes on a busy machine.
  it('holds the same articles, relations, authors in order, totals, days, redirects and revisions', async () => {
    const backup = await ops(app.db, ['backup', '--file', file()]);
    expect(backup).toMatchObject({ code: 0 });
    const restore = await ops(fresh, ['restore', '--file', file()]);
    expect(restore).toMatchObject({ code: 0 });

    const source = connectTestDatabase(app.db);
    const target = connectTestDatabase(fresh);
    try {
      const before = await snapshot(source);
      expect(before.authors.filter((row) => row.author !== 'Ada').length).toBeGreaterThan(0);
      expect(before.daily.length).toBeGreaterThanOrEqual(3);
      expect(before.redirects.length).toBe(1);
      expect(before.revisions.length).toBeGreaterThanOrEqual(5);
      expect(await snapshot(target)).toEqual(before);
    } finally {
      await source.destroy();
      await target.destroy();
    }
  }, 300_000);

  it('refuses to overwrite a backup file or a database holding articles without --force', async () => {
    const written = fs.statSync(file()).mtimeMs;
    const again = await ops(app.db, ['backup', '--file', file()]);
    expect(again.code).toBe(2);
    expect(again.output).toContain('pass --force');
    expect(fs.statSync(file()).mtimeMs).toBe(written);

    const over = await ops(fresh, ['restore', '--file', file()]);
    expect(over.code).toBe(2);
    expect(over.output).toContain('pass --force');
  });
});
