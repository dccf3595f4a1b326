/**
 * The OpenAPI document (`GET /api/openapi.json`, Strapi's own generator): it is a well-formed
 * OpenAPI 3.1 document, it lists every content-API route of the app's own APIs with its path
 * parameters, every custom route there declares the answer it gives (a zod `response` schema),
 * and `OPENAPI_ENABLED=false` takes it away.
 */

import type { Core } from '@strapi/strapi';

import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

interface AppRoute {
  method: string;
  /** Without the REST prefix, in OpenAPI's form: `/articles/{documentId}/views`. */
  path: string;
  handler: string;
  custom: boolean;
}

const CORE_ACTIONS = ['find', 'findOne', 'create', 'update', 'delete'];

/** The content-API routes of `src/api/*`, as Strapi's routers hold them once loaded. */
const appRoutes = (strapi: Core.Strapi): AppRoute[] =>
  Object.values(strapi.apis).flatMap((api) =>
    Object.values((api as { routes?: Record<string, unknown> }).routes ?? {}).flatMap((router) => {
      const { type = 'content-api', routes = [] } = router as {
        type?: string;
        routes?: Array<{ method: string; path: string; handler: unknown; config?: object }>;
      };
      if (type !== 'content-api') return [];
      return routes
        .filter((route) => typeof route.handler === 'string')
        .filter((route) => !('prefix' in (route.config ?? {})))
        .map((route) => ({
          method: route.method.toLowerCase(),
          path: route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}'),
          handler: route.handler as string,
          custom: !CORE_ACTIONS.includes((route.handler as string).split('.').pop() ?? ''),
        }));
    }),
  );

/** Every `$ref` in the document, each of which must name a schema under `components`. */
const refs = (value: unknown, found: string[] = []): string[] => {
  if (Array.isArray(value)) value.forEach((item) => refs(item, found));
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string') found.push(item);
      else refs(item, found);
    }
  }
  return found;
};

describeWithDatabase('the OpenAPI document', () => {
  let app: TestApp;
  let document: {
    openapi: string;
    info: { title: string; version: string };
    components: { schemas: Record<string, unknown> };
    paths: Record<string, Record<string, OperationObject>>;
  };

  interface OperationObject {
    parameters?: Array<{ name: string; in: string }>;
    responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
  }

  beforeAll(async () => {
    app = await bootStrapi();
    const res = await app.request().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    document = res.body;
  });
  afterAll(stopStrapi);

  it('is an OpenAPI 3.1 document whose every $ref resolves', () => {
    expect(document.openapi).toMatch(/^3\.1\./);
    expect(document.info).toMatchObject({ title: 'newsroom', version: expect.any(String) });
    const dangling = refs(document.paths).filter((ref) => {
      const name = ref.replace('#/components/schemas/', '');
      return !ref.startsWith('#/components/schemas/') || !(name in document.components.schemas);
    });
    expect(dangling).toEqual([]);
  });

  it("lists every content-API route of the app's own APIs, with its path parameters", () => {
    const routes = appRoutes(app.strapi);
    expect(routes.filter((route) => route.custom).length).toBeGreaterThanOrEqual(4);
    const missing = routes.filter((route) => !document.paths[route.path]?.[route.method]);
    expect(missing).toEqual([]);
    for (const route of routes) {
      const declared = (document.paths[route.path][route.method].parameters ?? [])
        .filter((parameter) => parameter.in === 'path')
        .map((parameter) => parameter.name)
        .sort();
      const inPath = [...route.path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      expect({ route: route.path, parameters: declared }).toEqual({
        route: route.path,
        parameters: inPath,
      });
    }
  });

  it('describes the answer of every custom route (its zod response schema)', () => {
    const undescribed = appRoutes(app.strapi)
      .filter((route) => route.custom)
      .filter((route) => {
        const responses = document.paths[route.path][route.method].responses;
        return !responses['200']?.content?.['application/json']?.schema;
      })
      .map((route) => `${route.method.toUpperCase()} ${route.path} (${route.handler})`);
    expect(undescribed).toEqual([]);
  });

  it('documents the page route with its query-free answer: the views and the breadcrumb', () => {
    const schema = JSON.stringify(
      document.paths['/articles/slug/{slug}'].get.responses['200'].content?.['application/json'],
    );
    expect(schema).toContain('"breadcrumb"');
    expect(schema).toContain('"views"');
    expect(schema).toContain('"readingTimeMinutes"');
  });
});

describeWithDatabase('the OpenAPI document with OPENAPI_ENABLED=false', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await bootStrapi({ env: { OPENAPI_ENABLED: 'false' } });
  });
  afterAll(stopStrapi);

  it('is not served', async () => {
    const res = await app.request().get('/api/openapi.json');
    expect(res.status).toBe(404);
  });
});
