import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';

export const SUPER_ADMIN_ROLE = 'strapi-super-admin';
export const EDITOR_ROLE = 'strapi-editor';
export const AUTHOR_ROLE = 'strapi-author';

/** Who is behind the current Document Service call. */
export interface Actor {
  /** As the publishing log shows it. */
  label: string;
  /** The admin user's id, when an admin user acts. */
  adminId?: number;
  /** The admin user's role codes (empty for the system, the scheduler and API tokens). */
  roles: string[];
  scheduler: boolean;
}

interface AdminUser {
  id: number;
  firstname?: string | null;
  lastname?: string | null;
  email?: string | null;
  roles?: Array<{ code?: string }>;
}

interface RequestState {
  user?: AdminUser;
  auth?: { strategy?: { name?: string }; credentials?: { name?: string } };
}

const scheduler = new AsyncLocalStorage<true>();

/** Runs `work` as the scheduler: what it publishes is logged as a scheduled publish. */
export const runAsScheduler = <T>(work: () => Promise<T>): Promise<T> => scheduler.run(true, work);

export const currentActor = (strapi: Core.Strapi): Actor => {
  if (scheduler.getStore()) return { label: 'Scheduler', roles: [], scheduler: true };
  const state = (strapi.requestContext.get() as { state?: RequestState } | undefined)?.state;
  const strategy = state?.auth?.strategy?.name;
  if (strategy === 'admin' && state?.user) {
    const { id, firstname, lastname, email, roles = [] } = state.user;
    const name = [firstname, lastname].filter(Boolean).join(' ');
    return {
      label: name ? `${name} <${email ?? id}>` : String(email ?? id),
      adminId: id,
      roles: roles.map((role) => role.code ?? ''),
      scheduler: false,
    };
  }
  if (strategy === 'content-api-token') {
    return {
      label: `API token "${state?.auth?.credentials?.name ?? '?'}"`,
      roles: [],
      scheduler: false,
    };
  }
  return { label: 'System', roles: [], scheduler: false };
};

/** Whether this actor is an admin user whose role may not schedule (anyone but editors). */
export const isAdminWithoutSchedulingRight = (actor: Actor): boolean =>
  actor.adminId !== undefined &&
  !actor.roles.some((code) => code === SUPER_ADMIN_ROLE || code === EDITOR_ROLE);

/**
 * Whether this actor is an admin user whose role does an Editor's acts (anyone but Editors and
 * Super Admins): scheduling, notes on a published article, breaking news. API tokens, the
 * scheduler and the server's own calls are not admin users.
 */
export const isAdminWithoutEditorRights = isAdminWithoutSchedulingRight;
