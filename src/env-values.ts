import { z } from '@strapi/utils';

/**
 * An environment variable holding a whole number of at least `min`, as the rooms' settings check
 * them at boot (a malformed value stops the start, naming the variable); `hint` ends the message.
 */
export const wholeNumberVariable = (variable: string, min = 0, hint = '') =>
  z
    .unknown()
    .transform((value) => String(value ?? '').trim())
    .refine((text) => /^\d+$/.test(text) && Number.isSafeInteger(Number(text)), {
      error: (issue) =>
        `${variable} must be a whole number of ${min} or more, not "${String(issue.input)}".`,
    })
    .transform(Number)
    .refine((value) => value >= min, {
      error: `${variable} must be a whole number of ${min} or more.${hint}`,
    });

/** An environment variable holding `true` or `false` (any case, spaces around allowed). */
export const booleanVariable = (variable: string) =>
  z
    .unknown()
    .transform((value) =>
      String(value ?? '')
        .trim()
        .toLowerCase(),
    )
    .refine((text) => text === 'true' || text === 'false', {
      error: (issue) => `${variable} must be "true" or "false", not "${String(issue.input)}".`,
    })
    .transform((text) => text === 'true');
