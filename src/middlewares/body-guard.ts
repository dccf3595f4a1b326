import { rm } from 'node:fs/promises';

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

import { GRAPHQL_ENDPOINT } from '../constants';
import { errorName } from '../http/client-errors';

/**
 * The routes meant to take uploads: the upload plugin's content-API route, its admin routes, and
 * the admin's project settings (the menu and login logos). Nothing else reads a multipart body,
 * so nothing else gets one parsed onto the disk.
 */
const takesUploads = (path: string): boolean =>
  path === '/api/upload' ||
  path === '/upload' ||
  path.startsWith('/upload/') ||
  path === '/admin/project-settings';

/** What the content API reads from a body: JSON, a form, or text (`navigator.sendBeacon`). */
const API_BODY_TYPES = ['json', '+json', 'urlencoded', 'text/plain'];

/** A JSON body, or none: all `/graphql` reads (its own parser takes JSON only). */
const readableByGraphql = (ctx: Context): boolean => {
  if (!ctx.get('Content-Type')) return !(Number(ctx.get('Content-Length')) > 0);
  return ctx.request.is(['json', '+json']) !== false;
};

/**
 * Whether the API can read the request's body: none at all (an empty POST, as `sendBeacon` and
 * `fetch` send one, with `Content-Length: 0`), or one of {@link API_BODY_TYPES}.
 */
const readableByApi = (ctx: Context): boolean => {
  if (!ctx.get('Content-Type')) return !(Number(ctx.get('Content-Length')) > 0);
  return ctx.request.is(API_BODY_TYPES) !== false;
};

const refuse = (ctx: Context, message: string) => {
  const status = 415;
  ctx.status = status;
  ctx.body = { data: null, error: { status, name: errorName(status), message, details: {} } };
  // Discarded unread (nothing reaches the disk), so the connection ends cleanly.
  ctx.req.resume();
};

type UploadedFile = { filepath?: string };

/** Every file formidable wrote for this request, whatever its field name. */
const uploadedFiles = (ctx: Context): UploadedFile[] => {
  const files = (ctx.request as { files?: Record<string, UploadedFile | UploadedFile[]> }).files;
  return Object.values(files ?? {}).flat();
};

/**
 * Before `strapi::body`, which would otherwise parse a multipart body onto the disk on every route
 * and remove only the field `files` afterwards:
 * - a multipart body outside the upload routes, and under `/api` a body of a type the API does
 *   not read (XML, octet-stream...), is refused with a 415 before a byte of it is read;
 * - `/graphql` takes a JSON body or none (415 otherwise), parsed by the GraphQL plugin;
 * - any other request whose body was not parsed gets an empty one (controllers read
 *   `ctx.request.body`);
 * - at the end of the request, every temp file of a multipart body is removed, whatever its field
 *   name and however the request ended.
 */
const bodyGuard: Core.MiddlewareFactory = (_config, { strapi }) => {
  return async (ctx, next) => {
    if (ctx.request.is('multipart') && !takesUploads(ctx.path)) {
      refuse(ctx, `${ctx.path} does not take multipart bodies`);
      return;
    }
    if (ctx.path.startsWith('/api/') && !takesUploads(ctx.path) && !readableByApi(ctx)) {
      refuse(ctx, `Unsupported Content-Type ${ctx.get('Content-Type') || '(none)'}: send JSON`);
      return;
    }
    if (ctx.path === GRAPHQL_ENDPOINT) {
      if (!readableByGraphql(ctx)) {
        refuse(ctx, `Unsupported Content-Type ${ctx.get('Content-Type')}: send JSON`);
        return;
      }
      // Left unset: the GraphQL plugin's own JSON parser (size-limited) reads it, and skips a
      // request whose body is already set.
    } else {
      (ctx.request as { body?: unknown }).body = {};
    }
    try {
      await next();
    } finally {
      const files = uploadedFiles(ctx);
      const removed = await Promise.allSettled(
        files.flatMap((file) => (file.filepath ? [rm(file.filepath, { force: true })] : [])),
      );
      for (const result of removed) {
        if (result.status === 'rejected') {
          strapi.log.error(`Could not remove an uploaded temp file: ${String(result.reason)}`);
        }
      }
    }
  };
};

export default bodyGuard;
