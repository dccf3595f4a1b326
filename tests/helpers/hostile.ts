/**
 * Hostile requests, generated with fast-check from a fixed seed (so a run is reproducible) over
 * the app's routes as its router lists them, and sent with bounded concurrency. Used by
 * `tests/api/hostile-input.test.api.ts`.
 */

import zlib from 'node:zlib';

import fc from 'fast-check';
import type supertest from 'supertest';

import type { TestApp } from './strapi';

export interface HostileRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export interface Route {
  method: string;
  path: string;
}

/** Every content-API route the router holds (`/api/...`), one entry per method. */
export const publicRoutes = (app: TestApp): Route[] => {
  const layers = app.strapi.server.listRoutes() as Array<{ path: string; methods: string[] }>;
  const routes = layers.flatMap(({ path, methods }) =>
    path.startsWith('/api/')
      ? methods.filter((m) => m !== 'HEAD').map((method) => ({ method, path }))
      : [],
  );
  return [...new Map(routes.map((route) => [`${route.method} ${route.path}`, route])).values()];
};

/** A route's path with each parameter given one of `values`' entries (or a hostile one). */
const fillPath = (path: string, pick: (name: string) => string): string =>
  path.replace(/:(\w+)|\(\.\*\)/g, (_match, name: string | undefined) => pick(name ?? 'rest'));

const ODD_SEGMENTS = [
  '%FF',
  '%',
  '..%2F..%2Fetc',
  '%00',
  'x'.repeat(300),
  '-1',
  '1e309',
  '%E2%98%83',
];

const ATTRIBUTES = [
  'id',
  'documentId',
  'title',
  'slug',
  'body',
  'standfirst',
  'name',
  'email',
  'createdAt',
  'publishedAt',
  'readingTimeMinutes',
  'section',
  'author',
  'articles',
  'parent',
  'seo',
  'nope',
  'password',
  'role',
  'username',
  '__proto__',
  'constructor',
];
const OPERATORS = [
  '$eq',
  '$ne',
  '$lt',
  '$lte',
  '$gt',
  '$gte',
  '$in',
  '$notIn',
  '$contains',
  '$notContains',
  '$containsi',
  '$startsWith',
  '$endsWith',
  '$null',
  '$notNull',
  '$between',
  '$eqi',
  '$and',
  '$or',
  '$not',
  '$foo',
  '$jsonSupersetOf',
];
const VALUES = [
  'x',
  '1',
  '-1',
  '0',
  '1e309',
  '99999999999999999999999',
  'true',
  'null',
  '',
  '%FF',
  '%00',
  '2020-13-45',
  "'; drop table articles; --",
  encodeURIComponent('{"a":1}'),
  '[]',
  'a'.repeat(2000),
];

const keyPath = (segments: string[]) =>
  segments.length === 0
    ? ''
    : `${segments[0]}${segments
        .slice(1)
        .map((s) => `[${s}]`)
        .join('')}`;

/** One query-string pair: filters, sort, pagination, populate, fields, status, qs oddities. */
const pairArb: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.array(fc.constantFrom(...ATTRIBUTES, ...OPERATORS, '0', '1', ''), { maxLength: 4 }),
      fc.constantFrom(...VALUES),
    )
    .map(([path, value]) => `${keyPath(['filters', ...path])}=${value}`),
  fc
    .tuple(
      fc.array(fc.constantFrom(...ATTRIBUTES, '0', 'x', ''), { maxLength: 3 }),
      fc.constantFrom('asc', 'desc', 'title:asc', 'title:sideways', 'section.name', 'x', ''),
    )
    .map(([path, value]) => `${keyPath(['sort', ...path])}=${value}`),
  fc
    .tuple(
      fc.constantFrom('page', 'pageSize', 'start', 'limit', 'withCount', 'x', '0'),
      fc.constantFrom(...VALUES),
    )
    .map(([key, value]) => `pagination[${key}]=${value}`),
  fc
    .tuple(
      fc.array(fc.constantFrom(...ATTRIBUTES, 'populate', 'fields', 'filters', 'sort', '*', '0'), {
        maxLength: 4,
      }),
      fc.constantFrom('*', 'true', 'false', 'x', ...ATTRIBUTES),
    )
    .map(([path, value]) => `${keyPath(['populate', ...path])}=${value}`),
  fc
    .tuple(
      fc.constantFrom('fields', 'fields[0]', 'fields[]', 'fields[x][y]'),
      fc.constantFrom(...ATTRIBUTES),
    )
    .map(([key, value]) => `${key}=${value}`),
  fc
    .tuple(
      fc.constantFrom(
        'status',
        'locale',
        '_q',
        '_q[]',
        'q',
        'publicationFilter',
        'hasPublishedVersion',
        'period',
        'section',
        'populate[0]',
        '__proto__[x]',
        'constructor[prototype][x]',
        `a${'[a]'.repeat(30)}`,
      ),
      fc.constantFrom(...VALUES, 'draft', 'published', 'en', 'day', 'week'),
    )
    .map(([key, value]) => `${key}=${value}`),
  fc.string({ maxLength: 40 }).map((text) => encodeURIComponent(text)),
);

const BOUNDARY = 'hostileboundary';
const multipart = (field: string, filename: string) =>
  `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\n` +
  `Content-Type: application/octet-stream\r\n\r\nhostile\r\n--${BOUNDARY}--\r\n`;

const deep = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** A body with the headers that label it (honestly or not). */
const bodyArb: fc.Arbitrary<{ headers: Record<string, string>; body?: string | Buffer }> = fc.oneof(
  fc.constant({ headers: {} }),
  fc.jsonValue({ maxDepth: 3 }).map((value) => ({
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(value) ?? 'null',
  })),
  fc
    .constantFrom(
      '{"__proto__":{"admin":true}}',
      '{"constructor":{"prototype":{"admin":true}}}',
      '{"identifier":{"$ne":null},"password":{"$ne":null}}',
      '{"email":["a@b.c"]}',
      '{"data":{"views":1e309}}',
      `{"n":${'9'.repeat(400)}}`,
      deep(5000),
      `${'['.repeat(20000)}${']'.repeat(20000)}`,
      '{"not json',
      '',
      'null',
    )
    .map((body) => ({ headers: { 'Content-Type': 'application/json' }, body })),
  fc
    .constantFrom(
      'a[b][c]=1',
      `${'a'.repeat(20)}${'[x]'.repeat(40)}=1`,
      '__proto__[admin]=1',
      'email=a%40b.c&email=x',
      '%FF=%FE',
    )
    .map((body) => ({ headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body })),
  fc
    .tuple(
      fc.constantFrom(
        'text/plain',
        'application/xml',
        'text/xml',
        'application/octet-stream',
        'image/png',
        'application/json; charset=utf-16',
        'application/json; charset=nope',
        'multipart/form-data',
        `multipart/form-data; boundary=${BOUNDARY}`,
        'application/x-www-form-urlencoded; charset=latin1',
        ';;;',
        'application/vnd.api+json',
      ),
      fc.constantFrom(
        '<a><b>c</b></a>',
        '{"a":1}',
        'not multipart',
        multipart('foo', 'a.bin'),
        multipart('files', 'b.bin'),
      ),
    )
    .map(([type, body]) => ({ headers: { 'Content-Type': type }, body })),
  fc
    .tuple(
      fc.constantFrom('gzip', 'deflate', 'br', 'compress', 'gzip, gzip', 'identity', 'x'),
      fc.boolean(),
    )
    .map(([encoding, valid]) => ({
      headers: { 'Content-Type': 'application/json', 'Content-Encoding': encoding },
      body: valid && encoding === 'gzip' ? zlib.gzipSync('{"a":1}') : 'not compressed',
    })),
  fc.constant({
    headers: { 'Content-Type': 'application/json' },
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d]),
  }),
);

/** Headers besides the body's: Accept, a huge header, odd auth. */
const headersArb: fc.Arbitrary<Record<string, string>> = fc.record(
  {
    Accept: fc.constantFrom(
      'application/json',
      'text/html',
      'application/xml',
      '*/*',
      'nope/nope;q=x',
      '',
    ),
    'X-Padding': fc.constantFrom('x'.repeat(8000), 'y'),
    Authorization: fc.constantFrom(
      'Bearer x',
      'Bearer ',
      'Basic Og==',
      'Bearer a.b.c',
      `Bearer ${'a'.repeat(2000)}`,
    ),
    'X-Forwarded-For': fc.constantFrom('1.2.3.4', 'not-an-ip', '::1, 999.1.1.1'),
    Range: fc.constantFrom('bytes=0-1', 'bytes=x'),
  },
  { requiredKeys: [] },
);

/** The route parameters the content API's routes use; anything else is given an id's values. */
const PARAM_NAMES = ['documentId', 'id', 'slug', 'provider', 'rest', 'role', 'sessionId'];

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD'];

/**
 * `count` requests over `routes`: mostly each route's own method, with its parameters filled from
 * `params` (real ids and slugs) or odd values, a query of up to six pairs, odd headers and a body.
 */
export const generateRequests = (
  routes: Route[],
  params: Record<string, string[]>,
  count: number,
  seed: number,
): HostileRequest[] => {
  const paramArb = (name: string) => fc.constantFrom(...(params[name] ?? ['1']), ...ODD_SEGMENTS);
  const requestArb = fc
    .record({
      route: fc.constantFrom(...routes),
      otherMethod: fc.option(fc.constantFrom(...METHODS), { freq: 5 }),
      values: fc.record(Object.fromEntries(PARAM_NAMES.map((name) => [name, paramArb(name)]))),
      query: fc.array(pairArb, { maxLength: 6 }),
      headers: headersArb,
      body: bodyArb,
    })
    .map(({ route, otherMethod, values, query, headers, body }) => {
      const path = fillPath(route.path, (name) => values[name] ?? values.id);
      const method = otherMethod ?? route.method;
      // A body on HEAD is not HTTP: Node's parser reads it as the next request.
      const sent = method === 'HEAD' ? { headers: {} } : body;
      return {
        method,
        url: query.length > 0 ? `${path}?${query.join('&')}` : path,
        headers: { ...headers, ...sent.headers },
        body: sent.body,
      };
    });
  return fc.sample(requestArb, { seed, numRuns: count });
};

/**
 * `body` sent as the bytes given: superagent would turn a Buffer labelled JSON or form into the
 * JSON of a Buffer object (`{"type":"Buffer","data":[...]}`).
 */
export const rawBody = (test: supertest.Test, body: string | Buffer): supertest.Test =>
  test.serialize((value: unknown) => value as string).send(body as string);

/** `request` sent through supertest, failing after `timeoutMs` rather than hanging. */
export const send = (app: TestApp, request: HostileRequest, timeoutMs: number) => {
  const agent = app.request();
  const method = request.method.toLowerCase() as
    'get' | 'post' | 'put' | 'patch' | 'delete' | 'options' | 'head';
  let test: supertest.Test = agent[method](request.url).timeout(timeoutMs);
  for (const [name, value] of Object.entries(request.headers)) test = test.set(name, value);
  if (request.body === undefined) return test;
  return rawBody(test, request.body);
};
