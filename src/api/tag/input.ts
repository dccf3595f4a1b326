import { z } from '@strapi/utils';

import { SLUG_MAX_LENGTH } from '../../constants';

/** `GET /tags/slug/:slug`: a slug longer than any tag's is the caller's mistake. */
export const tagSlugParams = {
  slug: z
    .string()
    .max(SLUG_MAX_LENGTH, { error: `slug must be at most ${SLUG_MAX_LENGTH} characters` }),
};
