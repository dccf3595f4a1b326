/**
 * Hostile requests to `/graphql`, each with the status it must get: used by
 * `tests/api/graphql-hostile.test.api.ts` (exact answers) and added to the known cases of
 * `tests/api/hostile-input.test.api.ts` (never a 5xx, never over 5 s).
 */

import type { HostileRequest } from './hostile';

export interface GraphqlHostileCase {
  name: string;
  request: HostileRequest;
  status: number;
  /** Strapi's error shape (`{ data: null, error }`, refused before GraphQL), else GraphQL's. */
  shape: 'strapi' | 'graphql';
}

const JSON_TYPE = { 'Content-Type': 'application/json' };

const post = (body: string, headers: Record<string, string> = JSON_TYPE): HostileRequest => ({
  method: 'POST',
  url: '/graphql',
  headers,
  body,
});

const query = (text: string) => post(JSON.stringify({ query: text }));

/** `{ articles { section { articles { ... name } } } }`: `2 * pairs + 1` fields deep. */
const nested = (pairs: number) =>
  `{ ${'articles { section { '.repeat(pairs)}name${' } }'.repeat(pairs)} }`;

/** Fragments that each spread the next one twice: 2^`levels` fields from a short query. */
const fragmentBomb = (levels: number) => {
  const fragments = Array.from({ length: levels }, (_, i) =>
    i === levels - 1
      ? `fragment F${i} on Article { title }`
      : `fragment F${i} on Article { ...F${i + 1} a${i}: section { name } ...F${i + 1} }`,
  );
  return `{ articles { ...F0 } } ${fragments.join(' ')}`;
};

export const GRAPHQL_HOSTILE: GraphqlHostileCase[] = [
  { name: 'malformed JSON', request: post('{"query": '), status: 400, shape: 'strapi' },
  { name: 'a JSON string as the body', request: post('"hello"'), status: 400, shape: 'strapi' },
  { name: 'an empty JSON object', request: post('{}'), status: 400, shape: 'graphql' },
  {
    name: 'a query that is not a string',
    request: post(JSON.stringify({ query: 42 })),
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'a batch (an array of operations)',
    request: post(
      JSON.stringify([{ query: '{ articles { title } }' }, { query: '{ a: articles { title } }' }]),
    ),
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'text/plain (a simple cross-site request)',
    request: post('{"query":"{ articles { title } }"}', { 'Content-Type': 'text/plain' }),
    status: 415,
    shape: 'strapi',
  },
  {
    name: 'a form body',
    request: post('query=%7B%20articles%20%7B%20title%20%7D%20%7D', {
      'Content-Type': 'application/x-www-form-urlencoded',
    }),
    status: 415,
    shape: 'strapi',
  },
  {
    name: 'a multipart body',
    request: post(
      '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--\r\n',
      {
        'Content-Type': 'multipart/form-data; boundary=x',
      },
    ),
    status: 415,
    shape: 'strapi',
  },
  {
    name: 'XML',
    request: post('<query/>', { 'Content-Type': 'application/xml' }),
    status: 415,
    shape: 'strapi',
  },
  {
    name: 'a body over 1 MB',
    request: post(
      JSON.stringify({ query: '{ articles { title } }', padding: 'x'.repeat(1100000) }),
    ),
    status: 413,
    shape: 'strapi',
  },
  {
    name: 'a GET without a CSRF-safe header',
    request: {
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('{ articles { title } }')}`,
      headers: {},
    },
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'a mutation by GET',
    request: {
      method: 'GET',
      url: `/graphql?query=${encodeURIComponent('mutation { login(input: { identifier: "a", password: "b" }) { jwt } }')}`,
      headers: { 'Apollo-Require-Preflight': 'true' },
    },
    status: 405,
    shape: 'graphql',
  },
  {
    name: 'PUT',
    request: { ...query('{ articles { title } }'), method: 'PUT' },
    status: 405,
    shape: 'graphql',
  },
  {
    name: 'a query 5,001 fields deep',
    request: query(nested(2500)),
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'filters nested 3,000 levels deep',
    request: query(
      `{ articles(filters: ${'{ and: ['.repeat(3000)}{}${'] }'.repeat(3000)}) { title } }`,
    ),
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'a query 9 fields deep (limit 7)',
    request: query(nested(4)),
    status: 400,
    shape: 'graphql',
  },
  {
    name: '2,000 aliased lists',
    request: query(
      `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: articles { title }`).join(' ')} }`,
    ),
    status: 400,
    shape: 'graphql',
  },
  {
    name: '201 fields (limit 200)',
    request: query(
      `{ articles { ${Array.from({ length: 200 }, (_, i) => `t${i}: title`).join(' ')} } }`,
    ),
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'a spread of an unknown fragment',
    request: query('{ articles { ...Nope } }'),
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'fragments spread within each other',
    request: query(
      '{ articles { ...A } } fragment A on Article { title ...B } fragment B on Article { ...A }',
    ),
    status: 400,
    shape: 'graphql',
  },
  { name: 'a fragment bomb', request: query(fragmentBomb(30)), status: 400, shape: 'graphql' },
  {
    name: 'variables nested 5,000 levels deep',
    request: post(
      `{"query":"query ($f: ArticleFiltersInput) { articles(filters: $f) { title } }","variables":{"f":${'{"and":['.repeat(5000)}{}${']}'.repeat(5000)}}}`,
    ),
    status: 400,
    shape: 'graphql',
  },
  {
    name: 'an unknown operator in a filter',
    request: query('{ articles(filters: { title: { $where: "1" } }) { title } }'),
    status: 400,
    shape: 'graphql',
  },
];
