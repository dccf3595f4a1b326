import type { Core } from '@strapi/strapi';
import { validateZodSchema, z } from '@strapi/utils';
import type { Context } from 'koa';

import { cacheable, type CacheableState, responseCacheOf, type RouteLike } from '../cache';
import { SITE_SERVICE, SLUG_MAX_LENGTH, SLUG_PATTERN } from '../constants';
import { ASSET_NAMES, ASSET_PREFIX, type AssetName } from './assets';
import {
  loadArticle,
  loadArticles,
  loadAuthor,
  loadMostRead,
  loadPreview,
  loadSection,
  loadTopSections,
} from './load';
import type { ArticlePayload } from './model';
import type { Chrome } from './pages/Document';
import { renderArticle, renderList, renderNotFound } from './render';
import { createSite, siteOf } from './runtime';
import { paths } from './seo';
import { siteSettings } from './settings';

/** `?page=`: a whole number from 1 to 1000; other query keys (`utm_*`...) are ignored. */
export const pageQuery = z.object({
  page: z
    .string()
    .regex(/^[1-9]\d{0,2}$|^1000$/, { error: 'page must be a whole number from 1 to 1000' })
    .transform(Number)
    .optional(),
});

const isSlug = (slug: unknown): slug is string =>
  typeof slug === 'string' && slug.length <= SLUG_MAX_LENGTH && SLUG_PATTERN.test(slug);

const sendHtml = (ctx: Context, status: number, body: string) => {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = body;
};

/** The ids a page shows, for the response cache's tags (the route adds `articles`). */
const tagPage = (ctx: Context, ids: Array<string | undefined>) => {
  (ctx.state as CacheableState).cacheTags = [
    ...new Set(ids.filter((id): id is string => Boolean(id))),
  ];
};

const articleIds = (article: ArticlePayload) => [
  article.documentId,
  article.section?.documentId,
  ...(article.authors ?? []).map((author) => author.documentId),
  ...article.breadcrumb.map((crumb) => crumb.documentId),
];

/**
 * The handlers of the reader pages: each parses its input, asks `load.ts` (the services), and
 * renders (`render.tsx`). Unknown slugs, pages past the last and paths under `/news` that are no
 * page answer the 404 page.
 */
const handlers = (strapi: Core.Strapi) => {
  const chrome = async (): Promise<Chrome> => {
    const [site, sections] = await Promise.all([siteSettings(strapi), loadTopSections(strapi)]);
    return {
      site,
      sections,
      stylesheet: siteOf(strapi).assets['site.css'].url,
    };
  };

  const notFound = async (ctx: Context) =>
    sendHtml(ctx, 404, renderNotFound(await chrome(), ctx.path));

  const pageOf = (ctx: Context): number =>
    (validateZodSchema(pageQuery)(ctx.query) as { page?: number }).page ?? 1;

  return {
    async article(ctx: Context) {
      const { slug } = ctx.params as { slug: string };
      if (!isSlug(slug)) return notFound(ctx);
      const found = await loadArticle(strapi, slug);
      if (found.kind === 'moved') {
        ctx.status = 301;
        ctx.redirect(paths.article(found.slug));
        return;
      }
      if (found.kind === 'missing') return notFound(ctx);
      const { article } = found;
      const [frame, mostRead] = await Promise.all([chrome(), loadMostRead(strapi)]);
      tagPage(ctx, articleIds(article));
      sendHtml(
        ctx,
        200,
        renderArticle(
          { ...frame, script: siteOf(strapi).assets['article.js'].url },
          {
            article,
            mostRead: mostRead.filter((entry) => entry.documentId !== article.documentId),
            now: siteOf(strapi).now(),
          },
        ),
      );
    },

    async preview(ctx: Context) {
      const { documentId, status } = ctx.query as { documentId: string; status?: string };
      const article = await loadPreview(
        strapi,
        documentId,
        status === 'published' ? 'published' : 'draft',
      );
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Robots-Tag', 'noindex, nofollow');
      if (!article) return notFound(ctx);
      sendHtml(
        ctx,
        200,
        renderArticle(
          { ...(await chrome()), script: siteOf(strapi).assets['article.js'].url },
          { article, mostRead: [], now: siteOf(strapi).now(), preview: true },
        ),
      );
    },

    async section(ctx: Context) {
      const { slug } = ctx.params as { slug: string };
      const page = pageOf(ctx);
      if (!isSlug(slug)) return notFound(ctx);
      const found = await loadSection(strapi, slug);
      if (!found) return notFound(ctx);
      const filters = { section: { id: { $in: found.subtree } } };
      const [{ articles, pagination }, mostRead, frame] = await Promise.all([
        loadArticles(strapi, filters, page),
        loadMostRead(strapi, slug),
        chrome(),
      ]);
      if (page > Math.max(1, pagination.pageCount)) return notFound(ctx);
      tagPage(ctx, [found.section.documentId, ...articles.map((article) => article.documentId)]);
      sendHtml(
        ctx,
        200,
        renderList(frame, {
          kind: 'section',
          title: found.section.name,
          description: found.section.description,
          path: paths.section(slug),
          breadcrumb: found.breadcrumb,
          articles,
          pagination,
          mostRead,
          now: siteOf(strapi).now(),
        }),
      );
    },

    async author(ctx: Context) {
      const { slug } = ctx.params as { slug: string };
      const page = pageOf(ctx);
      if (!isSlug(slug)) return notFound(ctx);
      const author = await loadAuthor(strapi, slug);
      if (!author) return notFound(ctx);
      const [{ articles, pagination }, frame] = await Promise.all([
        loadArticles(strapi, { authors: { slug } }, page),
        chrome(),
      ]);
      if (page > Math.max(1, pagination.pageCount)) return notFound(ctx);
      tagPage(ctx, [author.documentId, ...articles.map((article) => article.documentId)]);
      sendHtml(
        ctx,
        200,
        renderList(frame, {
          kind: 'author',
          title: author.name,
          description: author.bio || author.jobTitle,
          jobTitle: author.jobTitle,
          path: paths.author(slug),
          articles,
          pagination,
          mostRead: [],
          now: siteOf(strapi).now(),
        }),
      );
    },

    async home(ctx: Context) {
      const page = pageOf(ctx);
      const [{ articles, pagination }, mostRead, frame] = await Promise.all([
        loadArticles(strapi, {}, page),
        loadMostRead(strapi),
        chrome(),
      ]);
      if (page > Math.max(1, pagination.pageCount)) return notFound(ctx);
      tagPage(
        ctx,
        articles.map((article) => article.documentId),
      );
      sendHtml(
        ctx,
        200,
        renderList(frame, {
          kind: 'home',
          title: 'Latest news',
          path: paths.home,
          articles,
          pagination,
          mostRead,
          now: siteOf(strapi).now(),
        }),
      );
    },

    asset(ctx: Context) {
      const { name } = ctx.params as { name: string };
      if (!ASSET_NAMES.includes(name as AssetName)) return notFound(ctx);
      const asset = siteOf(strapi).assets[name as AssetName];
      // Linked with `?v=<hash>`: a changed file is a new URL, so this one never changes.
      ctx.set('Cache-Control', 'public, max-age=31536000, immutable');
      ctx.set('ETag', `"${asset.version}"`);
      ctx.type = asset.type;
      ctx.body = asset.body;
    },

    notFound,
  };
};

/** A route of Strapi's root router: auth off (public pages), maybe cacheable, maybe a policy. */
type SiteRoute = RouteLike & {
  method: 'GET';
  path: string;
  handler: (ctx: Context) => unknown;
  config: { auth: false; middlewares?: unknown[]; policies?: unknown[] };
};

/** The reader pages' routes, in match order (specific paths before `/news/:slug`). */
export const siteRoutes = (strapi: Core.Strapi) => {
  const handle = handlers(strapi);
  const page = (path: string, handler: (ctx: Context) => unknown, query: string[] = []) => ({
    method: 'GET' as const,
    path,
    handler,
    config: { auth: false as const, middlewares: [cacheable({ list: 'articles', query })] },
  });
  const routes: SiteRoute[] = [
    page('/', handle.home, ['page']),
    page(paths.home, handle.home, ['page']),
    {
      method: 'GET' as const,
      path: `${ASSET_PREFIX}/:name`,
      handler: handle.asset,
      config: { auth: false as const },
    },
    {
      method: 'GET' as const,
      path: '/news/preview',
      handler: handle.preview,
      config: { auth: false as const, policies: ['global::preview-link'] },
    },
    page('/news/section/:slug', handle.section, ['page']),
    page('/news/author/:slug', handle.author, ['page']),
    page('/news/:slug', handle.article),
    {
      method: 'GET' as const,
      path: '/news/(.*)',
      handler: handle.notFound,
      config: { auth: false as const },
    },
  ];
  return routes;
};

/**
 * `register`: the reader pages on Strapi's root router (outside the `/api` prefix), public, and
 * known to the response cache.
 */
export const registerSitePages = (strapi: Core.Strapi): void => {
  const site = createSite(strapi.dirs.app.src);
  strapi.add(SITE_SERVICE, () => site);
  const routes = siteRoutes(strapi);
  strapi.server.routes(routes as unknown as Core.Route[]);
  responseCacheOf(strapi).addRootRoutes(routes);
};
