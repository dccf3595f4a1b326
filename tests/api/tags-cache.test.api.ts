/**
 * A tag write purges what shows the tag: with the response cache on, a tag's page and the tag
 * list are served from the cache until the tag is edited, then loaded afresh with the edit.
 */

import { TAG_UID } from '../../src/constants';
import { CACHE_ON, xCache } from '../helpers/cache';
import { createTag } from '../helpers/desk';
import { createArticle } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('cached tag answers', () => {
  let app: TestApp;
  const get = (url: string) => app.request().get(url);

  beforeAll(async () => {
    app = await bootStrapi({ env: CACHE_ON });
  });
  afterAll(stopStrapi);

  it.each(['/api/tags/slug/elections', '/api/tags'])(
    '%s is purged by an edit of the tag',
    async (url) => {
      const tag =
        (await app.strapi.documents(TAG_UID).findFirst({ filters: { slug: 'elections' } })) ??
        (await createTag(app.strapi, { name: 'Elections', description: 'before' }));
      await createArticle(app.strapi, { tags: [tag.documentId] });
      await get(url);
      expect(xCache(await get(url))).toBe('HIT');

      const description = `edited for ${url}`;
      // Built outside the call: Strapi 5.54's `const` type parameter rejects literal `data` keys.
      const edit = { documentId: tag.documentId, data: { description } as Record<string, unknown> };
      await app.strapi.documents(TAG_UID).update(edit);

      const after = await get(url);
      expect(xCache(after)).toBe('MISS');
      expect(JSON.stringify(after.body)).toContain(description);
    },
  );
});
