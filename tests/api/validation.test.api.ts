/**
 * Field validation as an editor meets it in the admin's content manager: a bad save of an
 * article, a section or an author is a 400 in Strapi's error shape naming the field, and writes
 * nothing; the limit itself is accepted.
 */

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import { expectValidationError } from '../helpers/errors';
import { bodyOfWords, createArticle, createSection, slugsOf } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('a bad save', () => {
  let app: TestApp;
  let cm: ContentManager;

  const count = (
    uid: typeof ARTICLE_UID | typeof SECTION_UID | typeof AUTHOR_UID,
    where: Record<string, unknown> = {},
  ) => app.strapi.db.query(uid).count({ where });

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  describe('of an article', () => {
    it('is refused without a title', async () => {
      const before = await count(ARTICLE_UID);
      const res = await cm.create(ARTICLE_UID, {
        standfirst: 'No title here',
        body: bodyOfWords(20),
      });

      expectValidationError(res, 'title', 'title');
      expect(await count(ARTICLE_UID)).toBe(before);
    });

    it.each([
      ['an empty string', ''],
      ['null', null],
    ])('is refused when an update makes the title %s', async (_what, title) => {
      const created = await cm.create(ARTICLE_UID, { title: `Titled ${Math.random()}` });
      const documentId = created.body.data.documentId as string;

      const res = await cm.update(ARTICLE_UID, documentId, { title });

      expectValidationError(res, 'title', 'title');
      const rows: Array<{ title: string | null }> = await app.strapi.db
        .query(ARTICLE_UID)
        .findMany({ select: ['title'], where: { documentId } });
      expect(rows.map((row) => row.title)).toEqual([created.body.data.title]);
    });

    it('is refused with a title over 200 characters; one of exactly 200 is taken', async () => {
      const before = await count(ARTICLE_UID);
      const res = await cm.create(ARTICLE_UID, { title: 't'.repeat(201) });

      expectValidationError(res, 'title must be at most 200 characters', 'title');
      expect(await count(ARTICLE_UID)).toBe(before);

      const ok = await cm.create(ARTICLE_UID, { title: 'u'.repeat(200) });
      expect(ok.status).toBe(201);
      expect(ok.body.data.slug).toBe('u'.repeat(200));
    });

    it.each([
      ['spaces and capitals', 'Bad Slug'],
      ['capitals', 'Breaking'],
      ['a double hyphen', 'double--hyphen'],
      ['a leading hyphen', '-leading'],
      ['a trailing hyphen', 'trailing-'],
      ['an underscore', 'snake_case'],
      ['an accent', 'café'],
      ['a slash', 'world/europe'],
    ])('is refused with a slug with %s (%p)', async (_what, slug) => {
      const before = await count(ARTICLE_UID);
      const res = await cm.create(ARTICLE_UID, { title: `Slug ${slug}`, slug });

      expectValidationError(
        res,
        'slug may hold only lowercase letters, digits and single hyphens',
        'slug',
      );
      expect(await count(ARTICLE_UID)).toBe(before);
    });

    it('is refused with a slug over 200 characters', async () => {
      const before = await count(ARTICLE_UID);
      const res = await cm.create(ARTICLE_UID, { title: 'Long slug', slug: 'a'.repeat(201) });

      expectValidationError(res, 'slug must be at most 200 characters', 'slug');
      expect(await count(ARTICLE_UID)).toBe(before);
    });

    it('is refused with a slug another article has, on create and on update, changing nothing', async () => {
      const taken = await createArticle(app.strapi, {
        title: 'Taken slug owner',
        slug: 'taken-slug',
      });
      const before = await count(ARTICLE_UID);

      const created = await cm.create(ARTICLE_UID, { title: 'Another story', slug: 'taken-slug' });
      expectValidationError(
        created,
        'The slug "taken-slug" is already used by another article',
        'slug',
      );
      expect(await count(ARTICLE_UID)).toBe(before);

      const other = await cm.create(ARTICLE_UID, { title: 'Yet another story' });
      expect(other.status).toBe(201);
      const updated = await cm.update(ARTICLE_UID, other.body.data.documentId, {
        slug: 'taken-slug',
      });
      expectValidationError(updated, 'already used by another article', 'slug');
      expect(await slugsOf(app.strapi, other.body.data.documentId)).toEqual(['yet-another-story']);
      // The owner's draft and published rows.
      expect(await count(ARTICLE_UID, { slug: 'taken-slug' })).toBe(2);
      expect(await slugsOf(app.strapi, taken.documentId)).toEqual(['taken-slug']);
    });

    it('is refused with a slug that only a draft of another article has', async () => {
      await cm.create(ARTICLE_UID, { title: 'Draft owner', slug: 'draft-owned-slug' });
      const before = await count(ARTICLE_UID);

      const res = await cm.create(ARTICLE_UID, { title: 'Second', slug: 'draft-owned-slug' });

      expectValidationError(res, 'already used by another article', 'slug');
      expect(await count(ARTICLE_UID)).toBe(before);
    });
  });

  describe('of a section', () => {
    it('is refused without a name', async () => {
      const before = await count(SECTION_UID);
      const res = await cm.create(SECTION_UID, { description: 'Nameless' });

      expectValidationError(res, /name|errors occurred/, 'name');
      expect(await count(SECTION_UID)).toBe(before);
    });

    it('is refused with a name another section has', async () => {
      const existing = await createSection(app.strapi, { name: 'Culture' });
      const before = await count(SECTION_UID);

      const res = await cm.create(SECTION_UID, { name: 'Culture' });

      expectValidationError(res, 'must be unique', 'name');
      expect(await count(SECTION_UID)).toBe(before);
      expect(await count(SECTION_UID, { name: 'Culture' })).toBe(1);

      const renamed = await createSection(app.strapi, { name: 'Arts' });
      const update = await cm.update(SECTION_UID, renamed.documentId, { name: existing.name });
      expectValidationError(update, 'must be unique', 'name');
      expect(await count(SECTION_UID, { name: 'Arts' })).toBe(1);
    });
  });

  describe('of an author', () => {
    it('is refused without a name', async () => {
      const before = await count(AUTHOR_UID);
      const res = await cm.create(AUTHOR_UID, {
        jobTitle: 'Correspondent',
        email: 'nameless@newsroom.test',
      });

      expectValidationError(res, /name|errors occurred/, 'name');
      expect(await count(AUTHOR_UID)).toBe(before);
    });

    it.each(['not-an-email', 'two@@newsroom.test', 'spaces in@newsroom.test'])(
      'is refused with an email that is not an email (%p)',
      async (email) => {
        const before = await count(AUTHOR_UID);
        const res = await cm.create(AUTHOR_UID, { name: 'Bad Email', email });

        expectValidationError(res, 'email must be a valid email', 'email');
        expect(await count(AUTHOR_UID)).toBe(before);
      },
    );
  });
});
