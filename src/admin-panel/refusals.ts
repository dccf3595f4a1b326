import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

import { ARTICLE_UID } from '../constants';
import { EDITOR_DECISIONS } from './field-locks';

type Action = (this: unknown, ctx: Context, next?: () => Promise<unknown>) => Promise<unknown>;
export type Controller = Record<string, Action>;

const CM = 'plugin::content-manager.explorer';

interface AdminState {
  user?: { id: number };
  userAbility?: { can(action: string, subject: string, field?: string): boolean };
}

interface ArticleOwner {
  createdBy: { id: number; firstname?: string | null; lastname?: string | null } | null;
  originallyPublishedAt: string | null;
}

/** What each of the content manager's article actions is, in words. */
const VERBS: Record<string, string> = {
  update: 'edit',
  delete: 'delete',
  bulkDelete: 'delete',
  discard: 'discard the changes of',
  publish: 'publish',
  bulkPublish: 'publish',
  unpublish: 'unpublish',
  bulkUnpublish: 'unpublish',
  create: 'create',
  clone: 'duplicate',
  autoClone: 'duplicate',
};

const BY_EDITORS_ONLY: Record<string, string> = {
  publish:
    'Only Editors can publish articles. Turn on "Ready for review" and save: an editor will check and publish it.',
  unpublish: 'Only Editors can unpublish articles: ask an editor.',
  discard: 'Only Editors can discard the changes of a published article: ask an editor.',
};

const nameOf = (user: ArticleOwner['createdBy']): string =>
  [user?.firstname, user?.lastname].filter(Boolean).join(' ') || 'another user';

const dayOf = (value: string): string =>
  new Date(value).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/**
 * Why the content manager refused `action` on an article to this admin user, in words the
 * admin's error message shows (it displays the error's message as is).
 */
export const explainRefusal = async (
  strapi: Core.Strapi,
  action: string,
  userId: number | undefined,
  documentId: string | undefined,
): Promise<string> => {
  const base = action.replace(/^bulk/, '').replace(/^./, (c) => c.toLowerCase());
  const verb = VERBS[action] ?? action;
  if (BY_EDITORS_ONLY[base] && base !== 'discard') return BY_EDITORS_ONLY[base];
  if (!documentId) return `Your role may not ${verb} articles: ask an editor.`;

  const draft: ArticleOwner | null = await strapi.db.query(ARTICLE_UID).findOne({
    select: ['originallyPublishedAt'],
    where: { documentId, publishedAt: null },
    populate: { createdBy: { select: ['id', 'firstname', 'lastname'] } },
  });
  if (!draft) return `Your role may not ${verb} this article: ask an editor.`;
  if (!draft.createdBy) {
    return `This article was not created by you: Authors can ${verb} only their own articles. Ask an editor.`;
  }
  if (draft.createdBy.id !== userId) {
    const owner = nameOf(draft.createdBy);
    return `This article is ${owner}'s: Authors can ${verb} only their own articles. Ask an editor, or ${owner}.`;
  }
  if (draft.originallyPublishedAt) {
    if (base === 'discard') return BY_EDITORS_ONLY.discard;
    return `This article was published on ${dayOf(draft.originallyPublishedAt)}: once published, only Editors can ${verb} it. Ask an editor (a correction or an update note goes through them too).`;
  }
  return `Your role may not ${verb} this article: ask an editor.`;
};

const sameValue = (a: unknown, b: unknown): boolean => {
  const plain = (value: unknown): unknown => {
    if (value === undefined || value === '' || value === false) return null;
    if (typeof value === 'string' && !Number.isNaN(Date.parse(value)) && /^\d{4}-/.test(value))
      return Date.parse(value);
    if (value instanceof Date) return value.getTime();
    return value;
  };
  return plain(a) === plain(b);
};

/**
 * An admin user whose role may not write an Editor's decision (the schedule, breaking news)
 * and sends a changed value: a 403 naming it, before the content manager silently drops the
 * field (field-level permissions never refuse). An unchanged value (the edit form sends every
 * field back) passes.
 */
const refuseLockedChanges = async (strapi: Core.Strapi, ctx: Context): Promise<void> => {
  const { userAbility } = ctx.state as AdminState;
  const body = (ctx.request.body ?? {}) as Record<string, unknown>;
  const attributes = strapi.contentType(ARTICLE_UID).attributes as Record<
    string,
    { default?: unknown }
  >;
  const sent = Object.keys(EDITOR_DECISIONS).filter(
    (field) => field in body && field in attributes,
  );
  if (!userAbility || sent.length === 0) return;
  const { id } = ctx.params as { id?: string };
  const action = id ? 'update' : 'create';
  const locked = sent.filter((field) => !userAbility.can(`${CM}.${action}`, ARTICLE_UID, field));
  if (locked.length === 0) return;

  let stored: Record<string, unknown> = {};
  if (id) {
    stored =
      (await strapi.db
        .query(ARTICLE_UID)
        .findOne({ select: locked, where: { documentId: id, publishedAt: null } })) ?? {};
  } else {
    for (const field of locked) {
      stored[field] = attributes[field].default ?? null;
    }
  }
  const changed = locked.find((field) => !sameValue(body[field], stored[field]));
  if (changed) {
    throw new errors.PolicyError(
      `Only Editors can ${EDITOR_DECISIONS[changed]}: ask an editor to do it.`,
    );
  }
};

/** A refusal Strapi would answer as a bare "Forbidden" (only a PolicyError's message gets out). */
const isBareForbidden = (error: unknown): boolean =>
  error instanceof errors.ForbiddenError && !(error instanceof errors.PolicyError);

const documentIdOf = (ctx: Context): string | undefined => {
  const { id } = (ctx.params ?? {}) as { id?: string };
  if (id) return id;
  const ids = (ctx.request?.body as { documentIds?: unknown } | undefined)?.documentIds;
  return Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : undefined;
};

const isArticle = (ctx: Context): boolean =>
  (ctx.params as { model?: string } | undefined)?.model === ARTICLE_UID;

const explainFor = (strapi: Core.Strapi, name: string, ctx: Context) =>
  explainRefusal(strapi, name, (ctx.state as AdminState).user?.id, documentIdOf(ctx));

/**
 * The content manager's `action` on articles, with its bare "Forbidden" (a document the role's
 * condition does not match) turned into a PolicyError that says why: whose article it is, that
 * it was published. Strapi's authorization step answers any other ForbiddenError as a bare
 * "Forbidden", whatever its message; a PolicyError's message reaches the admin, which shows it.
 * An Author's change to an Editor's decision is refused in words first. Other types pass through.
 */
const withWordedRefusals = (strapi: Core.Strapi, name: string, action: Action): Action =>
  async function (this: unknown, ctx, next) {
    if (!isArticle(ctx)) return action.call(this, ctx, next);
    if (name === 'create' || name === 'update' || name === 'publish') {
      await refuseLockedChanges(strapi, ctx);
    }
    let result: unknown;
    try {
      result = await action.call(this, ctx, next);
    } catch (error) {
      if (isBareForbidden(error)) throw new errors.PolicyError(await explainFor(strapi, name, ctx));
      throw error;
    }
    if (ctx.status === 403) throw new errors.PolicyError(await explainFor(strapi, name, ctx));
    return result;
  };

type PolicyHandler = (ctx: Context) => Promise<boolean>;

/**
 * A route policy placed before the content manager's `hasPermissions` on the article actions:
 * when the role lacks the action altogether (an Author publishing), it refuses with a
 * PolicyError that says why, where `hasPermissions` would answer "Policy Failed".
 */
export const wordedArticlePermissionsPolicy =
  (strapi: Core.Strapi, name: string, actions: string[]): PolicyHandler =>
  async (ctx) => {
    if (!isArticle(ctx)) return true;
    const { userAbility } = ctx.state as AdminState;
    if (!userAbility || actions.every((action) => userAbility.can(action, ARTICLE_UID))) {
      return true;
    }
    throw new errors.PolicyError(await explainFor(strapi, name, ctx));
  };

/** Whether a content-manager action on collection types has worded refusals. */
export const hasWordedRefusals = (name: string): boolean => name in VERBS;

/** The content manager's collection-type controller with its article refusals in words. */
export const withWordedArticleRefusals = (
  strapi: Core.Strapi,
  controller: Controller,
): Controller =>
  Object.fromEntries(
    Object.entries(controller).map(([name, action]) => [
      name,
      hasWordedRefusals(name) ? withWordedRefusals(strapi, name, action) : action,
    ]),
  );
