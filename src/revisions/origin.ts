import { AsyncLocalStorage } from 'node:async_hooks';

import type { Core } from '@strapi/strapi';

import { currentActor } from '../publishing/actor';

/** The ways a change reaches an article, as a revision names them. */
export type RevisionPath =
  'admin' | 'api-token' | 'api-user' | 'scheduler' | 'seed' | 'restore' | 'system';

export interface Origin {
  path: RevisionPath;
  /** As the publishing log shows it (`Eve Editor <eve@...>`, `API token "x"`, `Scheduler`). */
  actor: string;
  actorId?: number;
}

/** Set by the server's own writers whose path the request cannot tell (the seed, a restore). */
const declaredPath = new AsyncLocalStorage<RevisionPath>();

/** Runs `work` with its writes recorded under `path` (the actor stays whoever is acting). */
export const recordingAs = <T>(path: RevisionPath, work: () => Promise<T>): Promise<T> =>
  declaredPath.run(path, work);

const STRATEGY_PATHS: Record<string, RevisionPath> = {
  admin: 'admin',
  'content-api-token': 'api-token',
  'users-permissions': 'api-user',
};

/** Who is behind the current Document Service call, and by which path. */
export const currentOrigin = (strapi: Core.Strapi): Origin => {
  const actor = currentActor(strapi);
  const strategy = (
    strapi.requestContext.get() as { state?: { auth?: { strategy?: { name?: string } } } }
  )?.state?.auth?.strategy?.name;
  const path =
    declaredPath.getStore() ??
    (actor.scheduler ? 'scheduler' : (STRATEGY_PATHS[strategy ?? ''] ?? 'system'));
  return { path, actor: actor.label.slice(0, 255), actorId: actor.adminId };
};
