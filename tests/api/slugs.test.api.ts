/**
 * Slugs as the admin makes them: from the title the way `slugify` strict does, unique (`-1`,
 * `-2`, also when saved at the same moment), kept when the title changes, and proposed by the
 * admin's "regenerate" button exactly as the server would make them.
 */

import { ARTICLE_UID, AUTHOR_UID, SECTION_UID } from '../../src/constants';
import { adminLogin, type ContentManager, contentManager } from '../helpers/admin';
import { createArticle, createAuthor, slugsOf } from '../helpers/fixtures';
import { describeWithDatabase } from '../helpers/services';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const NATO_TITLE = "NATO's Rutte anticipates success of US peace initiative for Ukraine";
const NATO_SLUG = 'natos-rutte-anticipates-success-of-us-peace-initiative-for-ukraine';

describeWithDatabase('the slug', () => {
  let app: TestApp;
  let cm: ContentManager;

  beforeAll(async () => {
    app = await bootStrapi();
    cm = contentManager(app, await adminLogin(app));
  });
  afterAll(stopStrapi);

  it('is made from the title when empty, the way `slugify` strict does', async () => {
    const res = await cm.create(ARTICLE_UID, { title: NATO_TITLE, slug: '' });

    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe(NATO_SLUG);
    expect(await slugsOf(app.strapi, res.body.data.documentId)).toEqual([NATO_SLUG]);
  });

  it('gets -1, then -2, when it is taken', async () => {
    const title = 'Markets rally after rate decision';
    const slugs: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const res = await cm.create(ARTICLE_UID, { title });
      expect(res.status).toBe(201);
      slugs.push(res.body.data.slug as string);
    }
    expect(slugs).toEqual([
      'markets-rally-after-rate-decision',
      'markets-rally-after-rate-decision-1',
      'markets-rally-after-rate-decision-2',
    ]);
  });

  it('of a published article (made through the Document Service) counts as taken', async () => {
    const published = await createArticle(app.strapi, { title: 'Storm hits the coast' });
    expect(published.slug).toBe('storm-hits-the-coast');

    const res = await cm.create(ARTICLE_UID, { title: 'Storm hits the coast!' });
    expect(res.body.data.slug).toBe('storm-hits-the-coast-1');
  });

  it('an editor gives is kept', async () => {
    const res = await cm.create(ARTICLE_UID, {
      title: 'A long and winding headline',
      slug: 'short-one',
    });

    expect(res.status).toBe(201);
    expect(res.body.data.slug).toBe('short-one');
    expect(await slugsOf(app.strapi, res.body.data.documentId)).toEqual(['short-one']);
  });

  it('is kept when the title of an existing article changes', async () => {
    const article = await createArticle(app.strapi, { title: 'Original headline' });
    expect(article.slug).toBe('original-headline');

    const titleOnly = await cm.update(ARTICLE_UID, article.documentId, {
      title: 'Rewritten headline',
    });
    expect(titleOnly.status).toBe(200);
    expect(titleOnly.body.data.slug).toBe('original-headline');

    // The admin's form sends every field back, the slug included.
    const wholeForm = await cm.update(ARTICLE_UID, article.documentId, {
      title: 'Rewritten again',
      slug: 'original-headline',
    });
    expect(wholeForm.status).toBe(200);
    expect(wholeForm.body.data.slug).toBe('original-headline');

    const republished = await cm.publish(ARTICLE_UID, article.documentId, {
      title: 'Final headline',
    });
    expect(republished.status).toBe(200);
    expect(await slugsOf(app.strapi, article.documentId)).toEqual(['original-headline']);
  });

  it('is made anew from the current title when an editor clears it', async () => {
    const created = await cm.create(ARTICLE_UID, { title: 'First wording' });
    await cm.update(ARTICLE_UID, created.body.data.documentId, { title: 'Second wording' });

    const cleared = await cm.update(ARTICLE_UID, created.body.data.documentId, { slug: '' });

    expect(cleared.status).toBe(200);
    expect(cleared.body.data.slug).toBe('second-wording');
  });

  it('falls back to the type name when the title has no letters slugify keeps', async () => {
    const first = await cm.create(ARTICLE_UID, { title: '日本語' });
    const second = await cm.create(ARTICLE_UID, { title: '!!!' });

    expect(first.body.data.slug).toMatch(/^article(-\d+)?$/);
    expect(second.body.data.slug).toMatch(/^article-\d+$/);
    expect(second.body.data.slug).not.toBe(first.body.data.slug);
  });

  it('of a long title is cut at a word, within 200 characters', async () => {
    const title = Array.from({ length: 40 }, (_, i) => `headline${i}`)
      .join(' ')
      .slice(0, 200);
    const res = await cm.create(ARTICLE_UID, { title });

    const slug = res.body.data.slug as string;
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
  });

  it('of sections and authors is made from their names', async () => {
    const section = await cm.create(SECTION_UID, { name: 'Science & Tech' });
    const author = await cm.create(AUTHOR_UID, { name: 'Zoë Ångström-Fox' });

    expect(section.body.data.slug).toBe('science-and-tech');
    expect(author.body.data.slug).toBe('zoe-angstrom-fox');
  });

  it('differs for two articles saved at the same moment', async () => {
    const title = 'Simultaneous scoop';
    const results = await Promise.all([
      app.strapi.documents(ARTICLE_UID).create({ data: { title } }),
      app.strapi.documents(ARTICLE_UID).create({ data: { title } }),
    ]);

    const slugs = results.map((doc) => doc.slug);
    expect(new Set(slugs).size).toBe(2);
  });

  describe("proposed by the admin's slug generator", () => {
    it('is what the server makes, "natos-rutte" and not "nato-s-rutte"', async () => {
      const title = "NATO's chief: what's next?";
      const proposed = await cm.generateUid(ARTICLE_UID, 'slug', { title });
      expect(proposed.status).toBe(200);
      expect(proposed.body.data).toBe('natos-chief-whats-next');

      const saved = await cm.create(ARTICLE_UID, { title });
      expect(saved.body.data.slug).toBe(proposed.body.data);
    });

    it('carries the collision suffix the server would add', async () => {
      const title = 'Election night live';
      await cm.create(ARTICLE_UID, { title });
      await createArticle(app.strapi, { title });

      const proposed = await cm.generateUid(ARTICLE_UID, 'slug', { title });
      expect(proposed.body.data).toBe('election-night-live-2');

      const saved = await cm.create(ARTICLE_UID, { title });
      expect(saved.body.data.slug).toBe(proposed.body.data);
    });

    it("does not count the article's own slug as taken", async () => {
      const own = await createArticle(app.strapi, { title: 'My own slug' });

      const proposed = await cm.generateUid(ARTICLE_UID, 'slug', {
        title: 'My own slug',
        documentId: own.documentId,
      });

      expect(proposed.body.data).toBe('my-own-slug');
    });

    it('is the same as the server makes for sections and authors', async () => {
      const proposedSection = await cm.generateUid(SECTION_UID, 'slug', {
        name: "Editor's Picks",
      });
      const section = await cm.create(SECTION_UID, { name: "Editor's Picks" });
      expect(proposedSection.body.data).toBe('editors-picks');
      expect(section.body.data.slug).toBe(proposedSection.body.data);

      await createAuthor(app.strapi, { name: "Seán O'Brien" });
      const proposedAuthor = await cm.generateUid(AUTHOR_UID, 'slug', { name: "Seán O'Brien" });
      const author = await cm.create(AUTHOR_UID, { name: "Seán O'Brien" });
      expect(proposedAuthor.body.data).toBe('sean-obrien-1');
      expect(author.body.data.slug).toBe(proposedAuthor.body.data);
    });
  });
});
