/**
 * `strapi::security` (helmet) runs its own code per request only where its headers can differ
 * (GETs outside the REST prefix: the admin, documentation, `/_health`); every other request gets
 * the headers it set on the first such request, replayed (src/http/security-headers.ts). The
 * answers carry the same security headers either way, and Strapi's middleware runs once for any
 * number of API requests.
 */

import http from 'node:http';
import { Socket } from 'node:net';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type supertest from 'supertest';

import { replaySecurityHeaders } from '../../src/http/security-headers';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';
import { postView } from '../helpers/views';

/** Every header helmet may set or remove, and the CSP (config/middlewares.ts) after it. */
const SECURITY_HEADERS = [
  'content-security-policy',
  'cross-origin-embedder-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-powered-by',
  'x-xss-protection',
];

const securityOf = (res: supertest.Response) =>
  Object.fromEntries(SECURITY_HEADERS.map((name) => [name, res.headers[name] ?? null]));

describeWithDatabase('security headers', () => {
  let app: TestApp;
  let documentId: string;

  beforeAll(async () => {
    app = await bootStrapi();
    ({ documentId } = await createArticle(app.strapi));
  });
  afterAll(stopStrapi);

  it('are the same on replayed answers (API, views, HEAD) as on those Strapi builds per request', async () => {
    // `/_health` is a GET outside /api: Strapi's own middleware builds its headers every time.
    const own = securityOf(await app.request().get('/_health'));
    expect(own['x-frame-options']).toBe('SAMEORIGIN');
    expect(own['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(own['x-content-type-options']).toBe('nosniff');
    expect(own['x-powered-by']).toBeNull();

    const replayed = [
      await postView(app, documentId, 'security-1'),
      await postView(app, documentId, 'security-2'),
      await app.request().get('/api/articles'),
      await app.request().head('/api/articles'),
      await app.request().get('/api/articles/not-a-document-id'),
      await app.request().post('/api/articles').send({}),
    ];
    replayed.forEach((res) => expect(securityOf(res)).toEqual(own));
    expect(securityOf(await app.request().get('/_health'))).toEqual(own);
  });

  /** A Koa context of the app's own, for a request that reaches no socket. */
  const contextFor = (method: string, url: string): Context => {
    const req = new http.IncomingMessage(new Socket());
    req.method = method;
    req.url = url;
    return app.strapi.server.app.createContext(req, new http.ServerResponse(req));
  };

  it("runs Strapi's middleware once for any number of API requests, and for every other GET", async () => {
    let runs = 0;
    const counting: Core.MiddlewareFactory = () => async (ctx, next) => {
      runs += 1;
      ctx.set('X-Frame-Options', `run-${runs}`);
      ctx.res.removeHeader('X-Powered-By');
      await next();
    };
    const middleware = replaySecurityHeaders(counting)({}, { strapi: app.strapi });
    if (!middleware) throw new Error('no middleware');
    const next = async () => undefined;

    const answers: Array<string | undefined> = [];
    for (const [method, url] of [
      ['POST', `/api/articles/${documentId}/views`],
      ['GET', '/api/articles'],
      ['HEAD', '/api/articles'],
      ['DELETE', '/api/articles/x'],
    ]) {
      const ctx = contextFor(method, url);
      ctx.res.setHeader('X-Powered-By', 'Koa');
      await middleware(ctx, next);
      answers.push(ctx.response.get('X-Frame-Options'));
      expect(ctx.res.hasHeader('X-Powered-By')).toBe(false);
    }
    expect(runs).toBe(1);
    expect(answers).toEqual(['run-1', 'run-1', 'run-1', 'run-1']);

    for (const url of ['/admin', '/documentation', '/_health']) {
      await middleware(contextFor('GET', url), next);
    }
    expect(runs).toBe(4);
  });
});
