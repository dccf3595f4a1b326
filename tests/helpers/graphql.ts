import type supertest from 'supertest';

import type { TestApp } from './strapi';

export interface GraphqlOptions {
  variables?: Record<string, unknown>;
  /** A bearer token (a reader's JWT or an API token); anonymous (the Public role) without. */
  token?: string;
}

/** `POST /graphql` with a JSON body, as a frontend's client sends it. */
export const gql = (app: TestApp, query: string, { variables, token }: GraphqlOptions = {}) => {
  const request = app.request().post('/graphql').set('Content-Type', 'application/json');
  if (token) request.set('Authorization', `Bearer ${token}`);
  return request.send(JSON.stringify({ query, variables }));
};

interface GraphqlError {
  message: string;
  extensions?: { code?: string; error?: { name?: string } };
}

/** The errors of a GraphQL answer (none: `[]`). */
export const errorsOf = (res: supertest.Response): GraphqlError[] =>
  (res.body as { errors?: GraphqlError[] }).errors ?? [];

/** Every string anywhere in an answer's `data`: a draft's title must be none of them. */
export const stringsIn = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
};
