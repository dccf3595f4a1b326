import { z } from '@strapi/utils';

import { SLUG_MAX_LENGTH } from '../../constants';

/** `GET /articles/slug/:slug`: a slug longer than any article's is the caller's mistake. */
export const slugParams = {
  slug: z
    .string()
    .max(SLUG_MAX_LENGTH, { error: `slug must be at most ${SLUG_MAX_LENGTH} characters` }),
};
