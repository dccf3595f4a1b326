import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';

import { booleanVariable, wholeNumberVariable } from '../env-values';

/**
 * The revision history's settings: each one's environment variable and default, written once.
 * `config/revisions.ts` reads these variables; {@link readRevisionSettings} checks what it read.
 */
export const REVISION_VARIABLES = {
  /** `false` records no revision (the bench's "off" side); the history already kept stays. */
  enabled: { variable: 'REVISIONS_ENABLED', fallback: 'true' },
  /** Most revisions kept per article: the oldest beyond it are pruned at the next write. */
  maxPerArticle: { variable: 'REVISIONS_MAX_PER_ARTICLE', fallback: '50' },
  /** Revisions older than this many days are pruned at the article's next write. */
  maxAgeDays: { variable: 'REVISIONS_MAX_AGE_DAYS', fallback: '365' },
} as const;

type Setting = keyof typeof REVISION_VARIABLES;

export type RevisionConfig = Record<Setting, string>;

/** `config/revisions.ts`: the variables as they are; a malformed one is refused at boot, named. */
export const revisionConfigFromEnv = (
  env: (name: string, fallback: string) => string,
): RevisionConfig =>
  Object.fromEntries(
    Object.entries(REVISION_VARIABLES).map(([key, { variable, fallback }]) => [
      key,
      env(variable, fallback),
    ]),
  ) as RevisionConfig;

const settingsSchema = z.object({
  enabled: booleanVariable(REVISION_VARIABLES.enabled.variable),
  // One kept revision at least: the current state is always restorable.
  maxPerArticle: wholeNumberVariable(REVISION_VARIABLES.maxPerArticle.variable, 1),
  maxAgeDays: wholeNumberVariable(REVISION_VARIABLES.maxAgeDays.variable, 1),
});

export type RevisionSettings = z.infer<typeof settingsSchema>;

/** Checks a config; throws one message naming every malformed variable. */
export const parseRevisionSettings = (raw: unknown): RevisionSettings => {
  const parsed = settingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Revision settings: ${parsed.error.issues.map((i) => i.message).join(' ')}`);
  }
  return parsed.data;
};

export const readRevisionSettings = (strapi: Core.Strapi): RevisionSettings =>
  parseRevisionSettings(
    strapi.config.get(
      'revisions',
      revisionConfigFromEnv((_name, fallback) => fallback),
    ),
  );
