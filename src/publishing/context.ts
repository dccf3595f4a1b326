import type { Modules } from '@strapi/strapi';
import { errors } from '@strapi/utils';

export type DocumentMiddleware = Modules.Documents.Middleware.Middleware;
export type DocumentContext = Parameters<DocumentMiddleware>[0];

/** The parts of a Document Service call's parameters that our middlewares read or change. */
export interface WriteParams {
  documentId?: string;
  data?: Record<string, unknown>;
  status?: 'draft' | 'published';
  locale?: string;
}

export const writeParams = (ctx: DocumentContext): WriteParams => ctx.params as WriteParams;

/** A 400 in Strapi's error shape, naming the field, that the admin shows next to it. */
export const fieldError = (path: string, message: string): errors.ValidationError =>
  new errors.ValidationError(message, {
    errors: [{ path: [path], message, name: 'ValidationError', value: null }],
  });

/**
 * Whether a Document Service call publishes: `publish` itself, or `create`/`update` with
 * `status: 'published'` (which publish inside the repository, never passing `publish` through
 * middlewares).
 */
export const publishes = (ctx: DocumentContext): boolean =>
  ctx.action === 'publish' ||
  ((ctx.action === 'create' || ctx.action === 'update') && writeParams(ctx).status === 'published');

/** The document a call acted on: from its result (a create has no id before), else its params. */
export const documentIdOf = (ctx: DocumentContext, result: unknown): string | undefined =>
  (result as { documentId?: string } | null)?.documentId ?? writeParams(ctx).documentId;
