/**
 * Hostile content on the reader pages: markup in a title, standfirst, section or author name and
 * in body text is shown as text, never as markup; a body link to `javascript:` is not a link;
 * JSON-LD cannot be closed by a title (`</script>`); the page runs its one script only.
 */

import { createArticle, createAuthor, createSection, setStored } from '../helpers/fixtures';
import { allTags, byTestId, jsonLdOf, titleOf } from '../helpers/html';
import { describeWithDatabase } from '../helpers/services';
import { getPage, SITE_ENV } from '../helpers/site';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

const PAYLOAD = `</script><script>alert(1)</script><img src=x onerror=alert(2)>"'&`;

describeWithDatabase('hostile content on a reader page', () => {
  let app: TestApp;
  let slug: string;

  beforeAll(async () => {
    app = await bootStrapi({ env: SITE_ENV });
    const section = await createSection(app.strapi, { name: `Sec ${PAYLOAD}`.slice(0, 100) });
    const author = await createAuthor(app.strapi, { name: `Eve ${PAYLOAD}` });
    const article = await createArticle(app.strapi, {
      title: `Title ${PAYLOAD}`,
      standfirst: `Standfirst ${PAYLOAD}`,
      section: section.documentId,
      authors: [author.documentId],
      seo: { metaDescription: `Desc ${PAYLOAD}`.slice(0, 160) },
    });
    // Strapi refuses a `javascript:` link on a write; an import (`strapi.db.query`) does not.
    await setStored(app.strapi, article.documentId, {
      body: [
        { type: 'paragraph', children: [{ type: 'text', text: `Body ${PAYLOAD}` }] },
        {
          type: 'paragraph',
          children: [
            {
              type: 'link',
              url: 'javascript:alert(3)',
              children: [{ type: 'text', text: 'click me' }],
            },
            {
              type: 'link',
              url: 'https://example.org/safe',
              children: [{ type: 'text', text: 'safe link' }],
            },
          ],
        },
        { type: 'code', children: [{ type: 'text', text: '<b>not bold</b>' }] },
      ],
    });
    slug = article.slug as string;
  });
  afterAll(stopStrapi);

  it('shows every field as text', async () => {
    const { res, html } = await getPage(app, `/news/${slug}`);
    expect(res.status).toBe(200);
    expect(byTestId(html, 'headline').text).toBe(`Title ${PAYLOAD}`);
    expect(byTestId(html, 'standfirst').text).toBe(`Standfirst ${PAYLOAD}`);
    expect(byTestId(html, 'byline-author').text).toBe(`Eve ${PAYLOAD}`);
    expect(titleOf(html)).toBe(`Title ${PAYLOAD} | Newsroom`);
    expect(byTestId(html, 'article-body').text).toContain(`Body ${PAYLOAD}`);
    expect(byTestId(html, 'article-body').text).toContain('<b>not bold</b>');
  });

  it('runs no script but its own, and no inline handler', async () => {
    const { html } = await getPage(app, `/news/${slug}`);
    const scripts = allTags(html, 'script');
    expect(scripts.map((s) => s.attrs.type ?? s.attrs.src)).toEqual([
      'application/ld+json',
      expect.stringMatching(/^\/news\/assets\/article\.js\?v=/),
    ]);
    // No tag carries an event handler: quoted attribute values emptied, text is escaped (a `<`
    // always opens a real tag).
    expect(html.replace(/"[^"]*"/g, '""')).not.toMatch(/<[a-z][^>]*\son\w+=/i);
    expect(html).not.toContain('<b>not bold</b>');
  });

  it('keeps the title inside the JSON-LD, which parses back to it', async () => {
    const { html } = await getPage(app, `/news/${slug}`);
    const raw = allTags(html, 'script')[0].inner;
    expect(raw).not.toMatch(/<\/?script/i);
    expect(jsonLdOf(html)[0]).toMatchObject({ headline: `Title ${PAYLOAD}` });
  });

  it('makes no link of a javascript: URL', async () => {
    const { html } = await getPage(app, `/news/${slug}`);
    const links = allTags(byTestId(html, 'article-body').inner, 'a');
    expect(links.map((a) => [a.text, a.attrs.href])).toEqual([
      ['safe link', 'https://example.org/safe'],
    ]);
    expect(html).not.toMatch(/href="javascript:/i);
  });

  it('escapes markup in section and author names on their pages', async () => {
    const { html } = await getPage(app, '/news');
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)');
  });
});
