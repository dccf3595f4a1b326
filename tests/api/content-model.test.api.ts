/**
 * The content model's rules as an editor meets them through the admin's content manager: field
 * validation (400 in Strapi's error shape, nothing written), the section tree, slugs (generated,
 * kept, unique, and the same in the admin's "regenerate" button), and the author's private email.
 */
import type { Response } from 'supertest';

import { adminLogin, contentManager } from '../helpers/admin';
import { expectValidationError } from '../helpers/errors';
import {
  bodyOfWords,
  createArticle,
  createAuthor,
  createSection,
  type Doc,
} from '../helpers/fixtures';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const ARTICLE = 'api::article.article';
const SECTION = 'api::section.section';
const AUTHOR = 'api::author.author';

const NATO_TITLE = "NATO's Rutte anticipates success of US peace initiative for Ukraine";
const NATO_SLUG = 'natos-rutte-anticipates-success-of-us-peace-initiative-for-ukraine';

const connect = (...documentIds: string[]) => ({
  connect: documentIds.map((documentId) => ({ documentId })),
});

describe('the content model', () => {
  let app: TestApp;
  let cm: ReturnType<typeof contentManager>;

  const count = (
    uid: typeof ARTICLE | typeof SECTION | typeof AUTHOR,
    where: Record<string, unknown> = {},
  ) => app.strapi.db.query(uid).count({ where });

  const parentOf = async (documentId: string): Promise<string | null> => {
    const row: { parent: { documentId: string } | null } | null = await app.strapi.db
      .query(SECTION)
      .findOne({
        where: { documentId },
        populate: { parent: { select: ['documentId'] } },
      });
    return row?.parent?.documentId ?? null;
  };

  const slugsOf = async (documentId: string): Promise<Array<string | null>> => {
    const rows: Array<{ slug: string | null }> = await app.strapi.db
      .query(ARTICLE)
      .findMany({ select: ['slug'], where: { documentId } });
    return [...new Set(rows.map((row) => row.slug))];
  };

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  describe('validation: a bad save is a 400 and writes nothing', () => {
    it('refuses an article without a title', async () => {
      const before = await count(ARTICLE);
      const res = await cm.create(ARTICLE, { standfirst: 'No title here', body: bodyOfWords(20) });

      expectValidationError(res, 'title', 'title');
      expect(await count(ARTICLE)).toBe(before);
    });

    it.each([
      ['an empty string', ''],
      ['null', null],
    ])('refuses an update that makes an article title %s', async (_what, title) => {
      const created = await cm.create(ARTICLE, { title: `Titled ${Date.now()}` });
      const documentId = created.body.data.documentId as string;

      const res = await cm.update(ARTICLE, documentId, { title });

      expectValidationError(res, 'title', 'title');
      const rows: Array<{ title: string | null }> = await app.strapi.db
        .query(ARTICLE)
        .findMany({ select: ['title'], where: { documentId } });
      expect(rows.map((row) => row.title)).toEqual([created.body.data.title]);
    });

    it('refuses an article title longer than 200 characters, and takes one of exactly 200', async () => {
      const before = await count(ARTICLE);
      const res = await cm.create(ARTICLE, { title: 't'.repeat(201) });

      expectValidationError(res, 'title must be at most 200 characters', 'title');
      expect(await count(ARTICLE)).toBe(before);

      const ok = await cm.create(ARTICLE, { title: 'u'.repeat(200) });
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
    ])('refuses a slug with %s (%p)', async (_what, slug) => {
      const before = await count(ARTICLE);
      const res = await cm.create(ARTICLE, { title: `Slug ${slug}`, slug });

      expectValidationError(
        res,
        'slug may hold only lowercase letters, digits and single hyphens',
        'slug',
      );
      expect(await count(ARTICLE)).toBe(before);
    });

    it('refuses a slug longer than 200 characters', async () => {
      const before = await count(ARTICLE);
      const res = await cm.create(ARTICLE, { title: 'Long slug', slug: 'a'.repeat(201) });

      expectValidationError(res, 'slug must be at most 200 characters', 'slug');
      expect(await count(ARTICLE)).toBe(before);
    });

    it('refuses a slug another article has, on create and on update, and changes nothing', async () => {
      const taken = await createArticle(app.strapi, {
        title: 'Taken slug owner',
        slug: 'taken-slug',
      });
      const before = await count(ARTICLE);

      const created = await cm.create(ARTICLE, { title: 'Another story', slug: 'taken-slug' });
      expectValidationError(
        created,
        'The slug "taken-slug" is already used by another article',
        'slug',
      );
      expect(await count(ARTICLE)).toBe(before);

      const other = await cm.create(ARTICLE, { title: 'Yet another story' });
      expect(other.status).toBe(201);
      const updated = await cm.update(ARTICLE, other.body.data.documentId, { slug: 'taken-slug' });
      expectValidationError(updated, 'already used by another article', 'slug');
      expect(await slugsOf(other.body.data.documentId)).toEqual(['yet-another-story']);
      expect(await count(ARTICLE, { slug: 'taken-slug' })).toBe(2); // the owner's draft and published rows
      expect(await slugsOf(taken.documentId)).toEqual(['taken-slug']);
    });

    it('refuses a slug that only a draft of another article has', async () => {
      await cm.create(ARTICLE, { title: 'Draft owner', slug: 'draft-owned-slug' });
      const before = await count(ARTICLE);

      const res = await cm.create(ARTICLE, { title: 'Second', slug: 'draft-owned-slug' });

      expectValidationError(res, 'already used by another article', 'slug');
      expect(await count(ARTICLE)).toBe(before);
    });

    it('refuses a section without a name', async () => {
      const before = await count(SECTION);
      const res = await cm.create(SECTION, { description: 'Nameless' });

      expectValidationError(res, /name|errors occurred/, 'name');
      expect(await count(SECTION)).toBe(before);
    });

    it('refuses a section whose name another section has', async () => {
      const existing = await createSection(app.strapi, { name: 'Culture' });
      const before = await count(SECTION);

      const res = await cm.create(SECTION, { name: 'Culture' });

      expectValidationError(res, 'must be unique', 'name');
      expect(await count(SECTION)).toBe(before);
      expect(await count(SECTION, { name: 'Culture' })).toBe(1);

      const renamed = await createSection(app.strapi, { name: 'Arts' });
      const update = await cm.update(SECTION, renamed.documentId, { name: existing.name });
      expectValidationError(update, 'must be unique', 'name');
      expect(await count(SECTION, { name: 'Arts' })).toBe(1);
    });

    it('refuses an author without a name', async () => {
      const before = await count(AUTHOR);
      const res = await cm.create(AUTHOR, {
        jobTitle: 'Correspondent',
        email: 'nameless@newsroom.test',
      });

      expectValidationError(res, /name|errors occurred/, 'name');
      expect(await count(AUTHOR)).toBe(before);
    });

    it.each(['not-an-email', 'two@@newsroom.test', 'spaces in@newsroom.test'])(
      'refuses an author email that is not an email (%p)',
      async (email) => {
        const before = await count(AUTHOR);
        const res = await cm.create(AUTHOR, { name: 'Bad Email', email });

        expectValidationError(res, 'email must be a valid email', 'email');
        expect(await count(AUTHOR)).toBe(before);
      },
    );
  });

  describe('the section tree', () => {
    it('refuses a parent that makes a cycle (A under B, then B under A) and keeps B where it was', async () => {
      const a = await createSection(app.strapi);
      const b = await createSection(app.strapi);

      const first = await cm.update(SECTION, a.documentId, { parent: connect(b.documentId) });
      expect(first.status).toBe(200);
      expect(await parentOf(a.documentId)).toBe(b.documentId);

      const cycle = await cm.update(SECTION, b.documentId, { parent: connect(a.documentId) });
      expectValidationError(cycle, 'A section cannot be its own ancestor', 'parent');
      expect(await parentOf(b.documentId)).toBeNull();
      expect(await parentOf(a.documentId)).toBe(b.documentId);
    });

    it('refuses a section as its own parent', async () => {
      const a = await createSection(app.strapi);

      const res = await cm.update(SECTION, a.documentId, { parent: connect(a.documentId) });

      expectValidationError(res, 'A section cannot be its own ancestor', 'parent');
      expect(await parentOf(a.documentId)).toBeNull();
    });

    it('refuses a longer cycle (A under B under C, then C under A)', async () => {
      const c = await createSection(app.strapi);
      const b = await createSection(app.strapi, { parent: c.documentId });
      const a = await createSection(app.strapi, { parent: b.documentId });

      const res = await cm.update(SECTION, c.documentId, { parent: connect(a.documentId) });

      expectValidationError(res, 'own ancestor', 'parent');
      expect(await parentOf(c.documentId)).toBeNull();
    });

    it('refuses a cycle made through `children` and one made at creation', async () => {
      const top = await createSection(app.strapi);
      const child = await createSection(app.strapi, { parent: top.documentId });

      const res = await cm.update(SECTION, child.documentId, { children: connect(top.documentId) });
      expectValidationError(res, 'own ancestor', 'parent');
      expect(await parentOf(top.documentId)).toBeNull();
      expect(await parentOf(child.documentId)).toBe(top.documentId);

      const before = await count(SECTION);
      const created = await cm.create(SECTION, {
        name: `Loop ${Date.now()}`,
        parent: connect(child.documentId),
        children: connect(top.documentId),
      });
      expectValidationError(created, 'own ancestor', 'parent');
      expect(await count(SECTION)).toBe(before);
      expect(await parentOf(top.documentId)).toBeNull();
    });

    it('accepts a proper nesting', async () => {
      const world = await createSection(app.strapi);
      const europe = await cm.create(SECTION, {
        name: `Europe ${Date.now()}`,
        parent: connect(world.documentId),
      });

      expect(europe.status).toBe(201);
      expect(await parentOf(europe.body.data.documentId)).toBe(world.documentId);
    });
  });

  describe('slugs', () => {
    it('makes an empty slug from the title, the way `slugify` strict does', async () => {
      const res = await cm.create(ARTICLE, { title: NATO_TITLE, slug: '' });

      expect(res.status).toBe(201);
      expect(res.body.data.slug).toBe(NATO_SLUG);
      expect(await slugsOf(res.body.data.documentId)).toEqual([NATO_SLUG]);
    });

    it('adds -1, then -2, when the slug is taken', async () => {
      const title = 'Markets rally after rate decision';
      const slugs: string[] = [];
      for (let i = 0; i < 3; i += 1) {
        const res = await cm.create(ARTICLE, { title });
        expect(res.status).toBe(201);
        slugs.push(res.body.data.slug as string);
      }
      expect(slugs).toEqual([
        'markets-rally-after-rate-decision',
        'markets-rally-after-rate-decision-1',
        'markets-rally-after-rate-decision-2',
      ]);
    });

    it('counts published articles (made through the Document Service) as taken', async () => {
      const published = await createArticle(app.strapi, { title: 'Storm hits the coast' });
      expect(published.slug).toBe('storm-hits-the-coast');

      const res = await cm.create(ARTICLE, { title: 'Storm hits the coast!' });
      expect(res.body.data.slug).toBe('storm-hits-the-coast-1');
    });

    it('keeps the slug an editor gives', async () => {
      const res = await cm.create(ARTICLE, {
        title: 'A long and winding headline',
        slug: 'short-one',
      });

      expect(res.status).toBe(201);
      expect(res.body.data.slug).toBe('short-one');
      expect(await slugsOf(res.body.data.documentId)).toEqual(['short-one']);
    });

    it('keeps the slug when the title of an existing article changes', async () => {
      const article = await createArticle(app.strapi, { title: 'Original headline' });
      expect(article.slug).toBe('original-headline');

      const titleOnly = await cm.update(ARTICLE, article.documentId, {
        title: 'Rewritten headline',
      });
      expect(titleOnly.status).toBe(200);
      expect(titleOnly.body.data.slug).toBe('original-headline');

      // The admin's form sends every field back, the slug included.
      const wholeForm = await cm.update(ARTICLE, article.documentId, {
        title: 'Rewritten again',
        slug: 'original-headline',
      });
      expect(wholeForm.status).toBe(200);
      expect(wholeForm.body.data.slug).toBe('original-headline');

      const republished = await cm.publish(ARTICLE, article.documentId, {
        title: 'Final headline',
      });
      expect(republished.status).toBe(200);
      expect(await slugsOf(article.documentId)).toEqual(['original-headline']);
    });

    it('makes a new slug from the current title when an editor clears it', async () => {
      const created = await cm.create(ARTICLE, { title: 'First wording' });
      await cm.update(ARTICLE, created.body.data.documentId, { title: 'Second wording' });

      const cleared = await cm.update(ARTICLE, created.body.data.documentId, { slug: '' });

      expect(cleared.status).toBe(200);
      expect(cleared.body.data.slug).toBe('second-wording');
    });

    it('falls back to the type name when the title has no letters slugify keeps', async () => {
      const first = await cm.create(ARTICLE, { title: '日本語' });
      const second = await cm.create(ARTICLE, { title: '!!!' });

      expect(first.body.data.slug).toMatch(/^article(-\d+)?$/);
      expect(second.body.data.slug).toMatch(/^article-\d+$/);
      expect(second.body.data.slug).not.toBe(first.body.data.slug);
    });

    it('cuts a long title at a word, within 200 characters', async () => {
      const title = Array.from({ length: 40 }, (_, i) => `headline${i}`)
        .join(' ')
        .slice(0, 200);
      const res = await cm.create(ARTICLE, { title });

      const slug = res.body.data.slug as string;
      expect(slug.length).toBeLessThanOrEqual(200);
      expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(title.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
    });

    it('gives sections and authors slugs from their names', async () => {
      const section = await cm.create(SECTION, { name: 'Science & Tech' });
      const author = await cm.create(AUTHOR, { name: 'Zoë Ångström-Fox' });

      expect(section.body.data.slug).toBe('science-and-tech');
      expect(author.body.data.slug).toBe('zoe-angstrom-fox');
    });

    it('gives two articles saved at the same moment different slugs', async () => {
      const title = 'Simultaneous scoop';
      const results = await Promise.all([
        app.strapi.documents(ARTICLE).create({ data: { title } }),
        app.strapi.documents(ARTICLE).create({ data: { title } }),
      ]);

      const slugs = results.map((doc) => doc.slug);
      expect(new Set(slugs).size).toBe(2);
    });

    describe("the admin's slug generator", () => {
      it('proposes what the server makes, "natos-rutte" and not "nato-s-rutte"', async () => {
        const title = "NATO's chief: what's next?";
        const proposed = await cm.generateUid(ARTICLE, 'slug', { title });
        expect(proposed.status).toBe(200);
        expect(proposed.body.data).toBe('natos-chief-whats-next');

        const saved = await cm.create(ARTICLE, { title });
        expect(saved.body.data.slug).toBe(proposed.body.data);
      });

      it('proposes the collision suffix the server would add', async () => {
        const title = 'Election night live';
        await cm.create(ARTICLE, { title });
        await createArticle(app.strapi, { title });

        const proposed = await cm.generateUid(ARTICLE, 'slug', { title });
        expect(proposed.body.data).toBe('election-night-live-2');

        const saved = await cm.create(ARTICLE, { title });
        expect(saved.body.data.slug).toBe(proposed.body.data);
      });

      it("does not count the article's own slug as taken", async () => {
        const own = await createArticle(app.strapi, { title: 'My own slug' });

        const proposed = await cm.generateUid(ARTICLE, 'slug', {
          title: 'My own slug',
          documentId: own.documentId,
        });

        expect(proposed.body.data).toBe('my-own-slug');
      });

      it('proposes the same slug as the server for sections and authors', async () => {
        const proposedSection = await cm.generateUid(SECTION, 'slug', { name: "Editor's Picks" });
        const section = await cm.create(SECTION, { name: "Editor's Picks" });
        expect(proposedSection.body.data).toBe('editors-picks');
        expect(section.body.data.slug).toBe(proposedSection.body.data);

        await createAuthor(app.strapi, { name: "Seán O'Brien" });
        const proposedAuthor = await cm.generateUid(AUTHOR, 'slug', { name: "Seán O'Brien" });
        const author = await cm.create(AUTHOR, { name: "Seán O'Brien" });
        expect(proposedAuthor.body.data).toBe('sean-obrien-1');
        expect(author.body.data.slug).toBe(proposedAuthor.body.data);
      });
    });
  });

  describe("the author's email", () => {
    const EMAIL = 'private.reporter@newsroom.test';
    let author: Doc;
    let article: Doc;

    beforeAll(async () => {
      author = await createAuthor(app.strapi, { name: 'Private Reporter', email: EMAIL });
      article = await createArticle(app.strapi, {
        title: 'A story with a byline',
        authors: [author.documentId],
      });
    });

    const expectNoEmail = (res: Response) => {
      expect(res.status).toBe(200);
      expect(JSON.stringify(res.body)).not.toContain(EMAIL);
      expect(JSON.stringify(res.body)).not.toContain('"email"');
    };

    it('is stored, and the admin sees it', async () => {
      const row: { email: string } | null = await app.strapi.db
        .query(AUTHOR)
        .findOne({ where: { documentId: author.documentId } });
      expect(row?.email).toBe(EMAIL);

      const res = await cm.findOne(AUTHOR, author.documentId);
      expect(res.status).toBe(200);
      expect(res.body.data.email).toBe(EMAIL);
    });

    it('is in no public response', async () => {
      const list = await app.request().get('/api/authors');
      expectNoEmail(list);
      expect(list.body.data.map((a: { documentId: string }) => a.documentId)).toContain(
        author.documentId,
      );

      const one = await app.request().get(`/api/authors/${author.documentId}`);
      expectNoEmail(one);
      expect(one.body.data.name).toBe('Private Reporter');

      const articles = await app.request().get('/api/articles?populate=authors');
      expectNoEmail(articles);
      const ours = articles.body.data.find(
        (a: { documentId: string }) => a.documentId === article.documentId,
      );
      expect(ours.authors).toEqual([expect.objectContaining({ name: 'Private Reporter' })]);

      const deep = await app.request().get('/api/articles?populate[authors][populate]=*');
      expectNoEmail(deep);

      const page = await app.request().get(`/api/articles/slug/${article.slug as string}`);
      expectNoEmail(page);
      expect(page.body.data.authors).toEqual([
        expect.objectContaining({ name: 'Private Reporter' }),
      ]);

      const sections = await app
        .request()
        .get('/api/sections?populate[articles][populate]=authors');
      expectNoEmail(sections);
    });

    it('cannot be asked for, filtered or sorted on by readers', async () => {
      for (const query of [
        `filters[email][$eq]=${encodeURIComponent(EMAIL)}`,
        'filters[email][$contains]=private',
        'sort=email',
        'fields[0]=email',
      ]) {
        const res = await app.request().get(`/api/authors?${query}`);
        expect([res.status, JSON.stringify(res.body).includes(EMAIL)]).toEqual([400, false]);
      }
      const viaArticle = await app
        .request()
        .get('/api/articles?filters[authors][email][$contains]=private');
      expect(viaArticle.status).toBe(400);
    });
  });
});
