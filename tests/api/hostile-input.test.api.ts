/**
 * No request, however malformed, gets a 5xx or hangs: a generated suite of hostile requests
 * (fast-check, fixed seed) over every content-API route the router lists, every method, odd
 * headers, bodies and query shapes, plus the known cases written out by hand (`/graphql`'s too). Every answer is
 * under 500, every 4xx under `/api` is in Strapi's JSON error shape, and none takes over 5 s.
 */

import { mapLimit } from '../helpers/concurrency';
import { createArticle, createAuthor, createSection } from '../helpers/fixtures';
import { GRAPHQL_HOSTILE } from '../helpers/graphql-hostile';
import { generateRequests, type HostileRequest, publicRoutes, send } from '../helpers/hostile';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const SEED = 20261128;
const GENERATED = 1200;
const TIMEOUT_MS = 5000;
const CONCURRENCY = 6;

const READER_EMAIL = 'reader@newsroom.test';

/** The known cases (issue 8), each once, whatever the generator draws. */
const knownCases = (documentId: string): HostileRequest[] => {
  const get = (url: string): HostileRequest => ({ method: 'GET', url, headers: {} });
  const post = (url: string, type: string | undefined, body?: string): HostileRequest => ({
    method: 'POST',
    url,
    headers: type ? { 'Content-Type': type } : {},
    body,
  });
  const views = `/api/articles/${documentId}/views`;
  return [
    get('/api/articles?filters[id][$between]=1'),
    get('/api/articles?_q[]=x'),
    get('/api/articles?sort[title][x]=asc'),
    get('/api/articles?filters[body][$contains]=x'),
    get('/api/sections?filters[articles][body][$contains]=x'),
    get('/api/articles?filters[id][$in]=1'),
    get('/api/articles?filters[title][$between][0]=a'),
    post(views, 'multipart/form-data; boundary=x', 'not multipart'),
    {
      ...post(views, 'application/json', 'not gzip'),
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' },
    },
    post('/api/auth/local', 'application/xml', '<a>b</a>'),
    post('/api/auth/local', undefined),
    post('/api/auth/local/register', undefined),
    post('/api/auth/forgot-password', 'application/json', JSON.stringify({ email: READER_EMAIL })),
    post(
      '/api/auth/send-email-confirmation',
      'application/json',
      JSON.stringify({ email: READER_EMAIL }),
    ),
    ...GRAPHQL_HOSTILE.map((item) => item.request),
  ];
};

describeWithDatabase('hostile input', () => {
  let app: TestApp;
  let documentId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    const section = await createSection(app.strapi, { name: 'World' });
    const author = await createAuthor(app.strapi, { name: 'Ada' });
    const article = await createArticle(app.strapi, {
      title: 'A published story',
      section: section.documentId,
      author: author.documentId,
    });
    documentId = article.documentId;
    await app.strapi.plugin('users-permissions').service('user').add({
      username: 'reader',
      email: READER_EMAIL,
      password: 'Passw0rd-reader',
      provider: 'local',
      confirmed: true,
    });
  });
  afterAll(stopStrapi);

  it('answers every hostile request under 500, in Strapi error shape, within 5 s', async () => {
    const routes = publicRoutes(app);
    const requests = [
      ...knownCases(documentId),
      ...generateRequests(
        routes,
        {
          documentId: [documentId],
          id: [documentId, '1'],
          slug: ['a-published-story'],
          provider: ['github', 'local'],
        },
        GENERATED,
        SEED,
      ),
    ];
    const failures = (
      await mapLimit(requests, CONCURRENCY, async (request) => {
        const label = `${request.method} ${request.url.slice(0, 160)} ${JSON.stringify(request.headers).slice(0, 200)} ${String(request.body ?? '').slice(0, 80)}`;
        try {
          const res = await send(app, request, TIMEOUT_MS);
          if (res.status >= 500) return `${label} -> ${res.status} ${JSON.stringify(res.body)}`;
          if (res.status >= 400 && request.method !== 'HEAD' && request.url.startsWith('/api')) {
            const error = res.body?.error;
            const shaped =
              res.body?.data === null &&
              error?.status === res.status &&
              typeof error.name === 'string' &&
              typeof error.message === 'string' &&
              /application\/json/.test(res.headers['content-type'] ?? '');
            if (!shaped)
              return `${label} -> ${res.status} not in error shape: ${res.text.slice(0, 200)}`;
          }
          return undefined;
        } catch (error) {
          return `${label} -> ${(error as Error).message}`;
        }
      })
    ).filter((failure): failure is string => failure !== undefined);
    // eslint-disable-next-line no-console -- the figure the suite exists to show, printed once
    console.log(
      `hostile input: ${requests.length} requests sent over ${routes.length} content-API routes (seed ${SEED})`,
    );
    expect(failures).toEqual([]);
  });
});
