/**
 * Readers may record a view and nothing else: every write to articles, sections and authors is a
 * 403 that writes nothing. A read-only API token reads (drafts too: Strapi's own rule for tokens)
 * and cannot write either.
 */

import type supertest from 'supertest';

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import { createApiToken } from '../helpers/admin';
import { articleRows } from '../helpers/fixtures';
import {
  createPublicContent,
  DRAFT_TITLE,
  publicReaders,
  PUBLISHED_TITLE,
  titles,
  UNPUBLISHED_EDIT,
} from '../helpers/public-content';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { browserUserAgent } from '../helpers/views';

describeWithDatabase('writing through the public API', () => {
  let app: TestApp;
  let content: Awaited<ReturnType<typeof createPublicContent>>;
  let apiToken: string;
  const readers = publicReaders(() => app);

  /** Everything a refused write could have changed. */
  const snapshot = async () => ({
    articles: await app.strapi.db.query(ARTICLE_UID).count(),
    sections: await app.strapi.db.query(SECTION_UID).count(),
    authors: await app.strapi.db.query(AUTHOR_UID).count(),
    rows: await articleRows(app.strapi, content.published.documentId),
    europe: await app.strapi.db
      .query(SECTION_UID)
      .findOne({ where: { documentId: content.europe.documentId } }),
    byline: await app.strapi.db
      .query(AUTHOR_UID)
      .findOne({ where: { documentId: content.byline.documentId } }),
  });

  beforeAll(async () => {
    app = await bootStrapi();
    content = await createPublicContent(app);
    await readers.signUp();
    apiToken = await createApiToken(app, 'frontend read-only');
  });
  afterAll(stopStrapi);

  it.each(readers.all)(
    'is refused (403, nothing written) as $label, who may record a view',
    async (reader) => {
      const { published, europe, lonely, byline, ghost } = content;
      const view = await reader.auth(
        app
          .request()
          .post(`/api/articles/${published.documentId}/views`)
          .set('User-Agent', browserUserAgent(`public-api ${reader.label}`)),
      );
      expect(view.status).toBe(200);
      expect(view.body.data).toMatchObject({ documentId: published.documentId, counted: true });

      const before = await snapshot();
      const writes: Array<[string, string, Record<string, unknown>?]> = [
        ['post', '/api/articles', { data: { title: 'Injected', section: europe.documentId } }],
        ['put', `/api/articles/${published.documentId}`, { data: { title: 'Defaced' } }],
        ['delete', `/api/articles/${published.documentId}`],
        ['post', '/api/sections', { data: { name: 'Injected section' } }],
        ['put', `/api/sections/${europe.documentId}`, { data: { name: 'Defaced section' } }],
        ['delete', `/api/sections/${lonely.documentId}`],
        ['post', '/api/authors', { data: { name: 'Injected author' } }],
        ['put', `/api/authors/${byline.documentId}`, { data: { name: 'Defaced author' } }],
        ['delete', `/api/authors/${ghost.documentId}`],
      ];
      for (const [method, url, body] of writes) {
        const agent = app.request();
        const test =
          method === 'post'
            ? agent.post(url)
            : method === 'put'
              ? agent.put(url)
              : agent.delete(url);
        const res = await reader.auth(body ? test.send(body) : test);
        expect({ method, url, status: res.status }).toEqual({ method, url, status: 403 });
        expect(res.body.error).toMatchObject({ status: 403, name: 'ForbiddenError' });
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  describe('with a read-only API token', () => {
    const withToken = (test: supertest.Test) => test.set('Authorization', `Bearer ${apiToken}`);

    it('reads published articles, sections and authors (200)', async () => {
      const list = await withToken(app.request().get('/api/articles'));
      expect(list.status).toBe(200);
      expect(titles(list)).toEqual([PUBLISHED_TITLE]);
      const one = await withToken(
        app.request().get(`/api/articles/${content.published.documentId}`),
      );
      expect(one.status).toBe(200);
      expect(one.body.data.title).toBe(PUBLISHED_TITLE);
      expect((await withToken(app.request().get('/api/sections'))).status).toBe(200);
      const author = await withToken(
        app.request().get(`/api/authors/${content.byline.documentId}`),
      );
      expect(author.status).toBe(200);
    });

    it('is refused every write (403, nothing written)', async () => {
      const { published, ghost } = content;
      const before = await snapshot();
      const create = await withToken(
        app
          .request()
          .post('/api/articles')
          .send({ data: { title: 'Token write' } }),
      );
      expect(create.status).toBe(403);
      const update = await withToken(
        app
          .request()
          .put(`/api/articles/${published.documentId}`)
          .send({ data: { title: 'Token edit' } }),
      );
      expect(update.status).toBe(403);
      const remove = await withToken(app.request().delete(`/api/articles/${published.documentId}`));
      expect(remove.status).toBe(403);
      const section = await withToken(
        app
          .request()
          .post('/api/sections')
          .send({ data: { name: 'Token section' } }),
      );
      expect(section.status).toBe(403);
      const author = await withToken(app.request().delete(`/api/authors/${ghost.documentId}`));
      expect(author.status).toBe(403);
      expect(await snapshot()).toEqual(before);
    });

    it("keeps Strapi's own draft access (the published-only rule is for readers, not tokens): ?status=draft shows drafts", async () => {
      const res = await withToken(app.request().get('/api/articles?status=draft&sort=title'));
      expect(res.status).toBe(200);
      expect(titles(res)).toEqual([DRAFT_TITLE, UNPUBLISHED_EDIT]);
    });
  });
});
