/**
 * The malformed requests found answering 500 (issue 8) each get the one 4xx that fits, in
 * Strapi's error shape, logged at `warn` in one line without a stack; a server fault is still a
 * 500 logged at `error` with its stack. The account-mail routes answer a registered address as
 * they answer an unknown one (no account enumeration), logging the mail failure at `warn`.
 */

import zlib from 'node:zlib';

import { expectError } from '../helpers/errors';
import { createArticle, createSection } from '../helpers/fixtures';
import { rawBody } from '../helpers/hostile';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const REGISTERED = 'registered@newsroom.test';
const UNCONFIRMED = 'unconfirmed@newsroom.test';

describeWithDatabase('malformed requests', () => {
  let app: TestApp;
  let views: string;
  let warn: jest.SpyInstance;
  let error: jest.SpyInstance;

  beforeAll(async () => {
    app = await bootStrapi();
    const section = await createSection(app.strapi, { name: 'World' });
    const article = await createArticle(app.strapi, { section: section.documentId });
    views = `/api/articles/${article.documentId}/views`;
    const users = app.strapi.plugin('users-permissions').service('user');
    for (const [email, confirmed] of [
      [REGISTERED, true],
      [UNCONFIRMED, false],
    ] as const) {
      await users.add({
        username: email.split('@')[0],
        email,
        password: 'Passw0rd-reader',
        provider: 'local',
        confirmed,
      });
    }
  });
  afterAll(stopStrapi);

  beforeEach(() => {
    warn = jest.spyOn(app.strapi.log, 'warn');
    error = jest.spyOn(app.strapi.log, 'error');
  });
  afterEach(() => jest.restoreAllMocks());

  const get = (url: string) => app.request().get(url);
  const json = (url: string) => app.request().post(url).set('Content-Type', 'application/json');

  /** One warn line naming the status, nothing at error (and so no stack). */
  const expectWarnedOnce = (status: number) => {
    expect(error).not.toHaveBeenCalled();
    const lines = warn.mock.calls.map(([line]) => line);
    expect(lines).toEqual([expect.stringContaining(`answered ${status} `)]);
    expect(lines[0]).not.toMatch(/\n\s+at /);
  };

  it.each([
    ['$between with one value', '/api/articles?filters[id][$between]=1'],
    ['$between with an unfinished list', '/api/articles?filters[title][$between][0]=a'],
    ['a search that is a list', '/api/articles?_q[]=x'],
    ['a sort direction that is an object', '/api/articles?sort[title][x]=asc'],
    ['a filter on rich text', '/api/articles?filters[body][$contains]=x'],
    ['a filter on rich text through a relation', '/api/sections?filters[articles][body][$eq]=x'],
  ])('%s is a 400 ValidationError, logged at warn', async (_label, url) => {
    expectError(await get(url), 400, 'ValidationError');
    expectWarnedOnce(400);
  });

  it.each([
    ['a body labelled multipart that is not', 'multipart/form-data; boundary=x', 'not multipart'],
    ['XML', 'application/xml', '<a>b</a>'],
    ['bytes', 'application/octet-stream', 'abc'],
  ])('%s sent to the API is a 415 UnsupportedMediaTypeError', async (_label, type, body) => {
    for (const url of [views, '/api/auth/local']) {
      const res = await app.request().post(url).set('Content-Type', type).send(body);
      expectError(res, 415, 'UnsupportedMediaTypeError');
    }
  });

  it('a body that is not the gzip its Content-Encoding says is a 400, logged at warn', async () => {
    const res = await json(views).set('Content-Encoding', 'gzip').send('not gzip');
    expectError(res, 400, 'BadRequestError');
    expectWarnedOnce(400);
    const good = await rawBody(json(views).set('Content-Encoding', 'gzip'), zlib.gzipSync('{}'));
    expect(good.status).toBe(200);
  });

  it('a body nested 5,000 levels deep is a 400, logged at warn', async () => {
    const res = await json('/api/auth/forgot-password').send(
      `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    );
    expectError(res, 400, 'ValidationError');
    expectWarnedOnce(400);
  });

  it('POST /api/auth/local with no body is a 400, not a 500', async () => {
    expectError(await app.request().post('/api/auth/local'), 400, 'ValidationError');
  });

  it('a JSON with __proto__ is a 400 BadRequestError, logged at warn without a stack', async () => {
    expectError(await json('/api/auth/local').send('{"__proto__":{"a":1}}'), 400);
    expectWarnedOnce(400);
  });

  it('a fault of the server is still a 500, logged at error with its stack', async () => {
    const service = app.strapi.service('api::section.section') as { find: () => Promise<unknown> };
    jest.spyOn(service, 'find').mockImplementation(async () => {
      throw new Error('the database fell over');
    });
    expectError(await get('/api/sections'), 500, 'InternalServerError');
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ stack: expect.any(String) }));
  });

  describe('account mail tells nobody who has an account', () => {
    it('forgot-password answers a registered address as an unknown one, logging at warn', async () => {
      const unknown = await json('/api/auth/forgot-password').send({ email: 'nobody@example.com' });
      const registered = await json('/api/auth/forgot-password').send({ email: REGISTERED });
      expect([unknown.status, unknown.body]).toEqual([200, { ok: true }]);
      expect([registered.status, registered.body]).toEqual([200, { ok: true }]);
      expect(error).not.toHaveBeenCalled();
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('/api/auth/forgot-password'));
    });

    it('send-email-confirmation answers the same for unknown, unconfirmed and confirmed addresses', async () => {
      const send = (email: string) => json('/api/auth/send-email-confirmation').send({ email });
      for (const email of ['nobody@example.com', UNCONFIRMED, REGISTERED]) {
        const res = await send(email);
        expect([res.status, res.body]).toEqual([200, { email, sent: true }]);
      }
      expect(error).not.toHaveBeenCalled();
    });

    it('a malformed address is still a 400 (the same for every address)', async () => {
      expectError(await json('/api/auth/forgot-password').send({ email: 'x' }), 400);
    });
  });
});
