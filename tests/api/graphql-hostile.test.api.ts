/**
 * `/graphql` under hostile input: each known case gets its exact 4xx (Strapi's error shape when
 * refused before GraphQL, GraphQL's otherwise), never a 5xx; list sizes are capped (25 by default,
 * 100 at most); introspection is refused when GRAPHQL_INTROSPECTION=false (production's default);
 * no landing page (nothing from a CDN); and answers are never stored by the response cache.
 */

import { CACHE_ON, xCache } from '../helpers/cache';
import { createArticle } from '../helpers/fixtures';
import { errorsOf, gql } from '../helpers/graphql';
import { GRAPHQL_HOSTILE } from '../helpers/graphql-hostile';
import { send } from '../helpers/hostile';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('GraphQL hostile input and limits', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: { ...CACHE_ON, GRAPHQL_INTROSPECTION: 'false' } });
    await createArticle(app.strapi, { title: 'A published story' });
  });
  afterAll(stopStrapi);

  it.each(GRAPHQL_HOSTILE.map((item) => [item.name, item] as const))(
    '%s',
    async (_name, { request, status, shape }) => {
      const res = await send(app, request, 5000);
      expect(res.status).toBe(status);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      if (shape === 'strapi') {
        expect(res.body).toEqual({
          data: null,
          error: expect.objectContaining({ status, name: expect.any(String) }),
        });
      } else {
        expect(errorsOf(res)).toEqual([expect.objectContaining({ message: expect.any(String) })]);
        expect(res.body.data).toBeUndefined();
      }
    },
  );

  it('answers a GET query that carries a CSRF-safe header', async () => {
    const res = await app
      .request()
      .get(`/graphql?query=${encodeURIComponent('{ articles { title } }')}`)
      .set('Apollo-Require-Preflight', 'true');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { articles: [{ title: 'A published story' }] } });
  });

  it('serves no landing page: a browser gets JSON, nothing from another host', async () => {
    const res = await app.request().get('/graphql').set('Accept', 'text/html');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.text).not.toMatch(/apollographql\.com|<script/);
  });

  it('refuses introspection when GRAPHQL_INTROSPECTION=false, and still answers queries', async () => {
    const schema = await gql(app, '{ __schema { types { name } } }');
    expect(schema.status).toBe(400);
    expect(errorsOf(schema)[0]).toMatchObject({
      message: expect.stringContaining('introspection is not allowed'),
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const res = await gql(app, '{ articles { title } }');
    expect(res.body).toEqual({ data: { articles: [{ title: 'A published story' }] } });
  });

  it('caps lists: 25 by default, 100 at most, whatever the pagination asks', async () => {
    const pageSize = async (pagination: string) => {
      const res = await gql(app, `{ articles_connection${pagination} { pageInfo { pageSize } } }`);
      expect(errorsOf(res)).toEqual([]);
      return res.body.data.articles_connection.pageInfo.pageSize as number;
    };
    expect(await pageSize('')).toBe(25);
    expect(await pageSize('(pagination: { limit: 1000 })')).toBe(100);
    expect(await pageSize('(pagination: { pageSize: 1000 })')).toBe(100);
  });

  it('never stores an answer in the response cache, GET or POST', async () => {
    const url = `/graphql?query=${encodeURIComponent('{ articles(sort: "title") { title } }')}`;
    const get = () => app.request().get(url).set('Apollo-Require-Preflight', 'true');
    const first = await get();
    expect(xCache(first)).toBeUndefined();
    await createArticle(app.strapi, { title: 'B newer story' });
    const second = await get();
    expect(xCache(second)).toBeUndefined();
    expect(second.body.data.articles).toEqual([
      { title: 'A published story' },
      { title: 'B newer story' },
    ]);
    const posted = await gql(app, '{ articles { title } }');
    expect(xCache(posted)).toBeUndefined();
    for (const res of [first, second, posted]) {
      expect(res.headers['cache-control'] ?? '').not.toMatch(/public|s-maxage/);
    }
  });
});
