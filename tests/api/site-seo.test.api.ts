/**
 * What search engines and social cards read on an article page: `<title>`, description,
 * canonical URL (absolute, from the public URL), Open Graph and Twitter tags from the `seo`
 * component with their fallbacks (the article's title, standfirst and cover, then the site's), and
 * `NewsArticle` JSON-LD that parses and has every field Google News reads (publisher with logo).
 */

import { SITE_SETTING_UID } from '../../src/constants';
import { createArticle, createAuthor, createSection } from '../helpers/fixtures';
import { canonicalOf, jsonLdOf, metaTags, titleOf } from '../helpers/html';
import { createImage } from '../helpers/media';
import { describeWithDatabase } from '../helpers/services';
import { getPage, SITE_ENV, SITE_URL } from '../helpers/site';
import { bootStrapi, stopStrapi, type TestApp } from '../helpers/strapi';

describeWithDatabase('an article page for search engines and social cards', () => {
  let app: TestApp;
  let withSeo: {
    slug: string;
    documentId: string;
    originallyPublishedAt: string;
    updatedAt: string;
  };
  let withoutSeo: { slug: string };

  beforeAll(async () => {
    app = await bootStrapi({ env: SITE_ENV });
    const logo = await createImage(app.strapi, 'logo.png');
    const social = await createImage(app.strapi, 'social.png');
    const cover = await createImage(app.strapi, 'cover.png');
    const ogImage = await createImage(app.strapi, 'og.png');
    await app.strapi.documents(SITE_SETTING_UID).create({
      data: {
        publicationName: 'The Daily Test',
        description: 'News about tests.',
        logo: logo.id,
        defaultSocialImage: social.id,
      },
    });
    const section = await createSection(app.strapi, { name: 'Science' });
    const authors = [
      await createAuthor(app.strapi, { name: 'Ada Lovelace', jobTitle: 'Science editor' }),
      await createAuthor(app.strapi, { name: 'Alan Turing' }),
    ];
    withSeo = (await createArticle(app.strapi, {
      title: 'Comet seen over the harbour',
      standfirst: 'Astronomers were surprised.',
      section: section.documentId,
      authors: authors.map((author) => author.documentId),
      cover: cover.id,
      seo: {
        metaTitle: 'Comet over the harbour',
        metaDescription: 'A bright comet crossed the sky on Tuesday.',
        canonicalUrl: 'https://syndicated.example.org/comet',
        ogImage: ogImage.id,
      },
    })) as unknown as typeof withSeo;
    withoutSeo = (await createArticle(app.strapi, {
      title: 'Plain story',
      standfirst: 'Its standfirst stands in for the description.',
      section: section.documentId,
    })) as unknown as typeof withoutSeo;
  });
  afterAll(stopStrapi);

  it('takes title, description, canonical URL and images from the seo component', async () => {
    const { html } = await getPage(app, `/news/${withSeo.slug}`);
    expect(titleOf(html)).toBe('Comet over the harbour | The Daily Test');
    expect(canonicalOf(html)).toBe('https://syndicated.example.org/comet');
    expect(metaTags(html)).toMatchObject({
      description: 'A bright comet crossed the sky on Tuesday.',
      'og:type': 'article',
      'og:site_name': 'The Daily Test',
      'og:title': 'Comet over the harbour',
      'og:description': 'A bright comet crossed the sky on Tuesday.',
      'og:url': 'https://syndicated.example.org/comet',
      'og:image': `${SITE_URL}/uploads/og.png`,
      'article:section': 'Science',
      'twitter:card': 'summary_large_image',
      'twitter:title': 'Comet over the harbour',
      'twitter:image': `${SITE_URL}/uploads/og.png`,
    });
  });

  it('falls back to the article (title, standfirst, own URL) and the site (social image)', async () => {
    const { html } = await getPage(app, `/news/${withoutSeo.slug}`);
    expect(titleOf(html)).toBe('Plain story | The Daily Test');
    expect(canonicalOf(html)).toBe(`${SITE_URL}/news/${withoutSeo.slug}`);
    expect(metaTags(html)).toMatchObject({
      description: 'Its standfirst stands in for the description.',
      'og:title': 'Plain story',
      'og:url': `${SITE_URL}/news/${withoutSeo.slug}`,
      'og:image': `${SITE_URL}/uploads/social.png`,
      'twitter:description': 'Its standfirst stands in for the description.',
    });
  });

  it('describes the article as NewsArticle JSON-LD with every field', async () => {
    const { html } = await getPage(app, `/news/${withSeo.slug}`);
    const [data] = jsonLdOf(html);
    expect(data).toEqual({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://syndicated.example.org/comet' },
      url: 'https://syndicated.example.org/comet',
      headline: 'Comet seen over the harbour',
      description: 'A bright comet crossed the sky on Tuesday.',
      datePublished: new Date(withSeo.originallyPublishedAt).toISOString(),
      dateModified: new Date(withSeo.updatedAt).toISOString(),
      inLanguage: 'en',
      image: [`${SITE_URL}/uploads/og.png`],
      articleSection: 'Science',
      author: [
        expect.objectContaining({
          '@type': 'Person',
          name: 'Ada Lovelace',
          jobTitle: 'Science editor',
        }),
        expect.objectContaining({
          '@type': 'Person',
          name: 'Alan Turing',
          url: expect.stringMatching(`^${SITE_URL}/news/author/`),
        }),
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'The Daily Test',
        url: SITE_URL,
        logo: { '@type': 'ImageObject', url: `${SITE_URL}/uploads/logo.png` },
      },
    });
  });

  it('gives list pages their canonical URL and CollectionPage data', async () => {
    const { html } = await getPage(app, '/news/section/science');
    expect(canonicalOf(html)).toBe(`${SITE_URL}/news/section/science`);
    expect(titleOf(html)).toBe('Science | The Daily Test');
    expect(jsonLdOf(html)[0]).toMatchObject({ '@type': 'CollectionPage', name: 'Science' });
  });
});
