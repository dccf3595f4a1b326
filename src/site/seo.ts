import { type ArticlePayload, lastUpdateOf, type Media } from './model';
import { absoluteUrl, type SiteSettings } from './settings';

/** What a page's `<head>` says about it, beyond the stylesheet. */
export interface HeadData {
  title: string;
  description: string;
  /** Absolute. */
  canonical: string;
  /** `noindex` for previews and error pages. */
  robots?: string;
  /** `og:*`, `article:*` (property) then `twitter:*` (name), in order. */
  openGraph: Array<[string, string]>;
  twitter: Array<[string, string]>;
  /** Structured data, serialized with {@link jsonLdText}. */
  jsonLd?: Record<string, unknown>;
}

/** The site's paths (relative: same origin). */
export const paths = {
  home: '/news',
  article: (slug: string) => `/news/${slug}`,
  section: (slug: string) => `/news/section/${slug}`,
  author: (slug: string) => `/news/author/${slug}`,
};

const mediaUrl = (site: SiteSettings, media: Media | null | undefined): string | null =>
  media?.url ? absoluteUrl(site.publicUrl, media.url) : null;

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` escaped as `\u003c`... so
 * no title can close the element or open a comment (a JSON parser reads them back unchanged).
 */
export const jsonLdText = (data: unknown): string =>
  JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** The social-card tags shared by every page. */
const socialTags = (
  site: SiteSettings,
  {
    type,
    title,
    description,
    url,
    image,
  }: Record<'type' | 'title' | 'description' | 'url', string> & {
    image: string | null;
  },
) => ({
  openGraph: [
    ['og:site_name', site.publicationName],
    ['og:locale', site.language.replace('-', '_')],
    ['og:type', type],
    ['og:title', title],
    ['og:description', description],
    ['og:url', url],
    ...(image ? [['og:image', image]] : []),
  ] as Array<[string, string]>,
  twitter: [
    ['twitter:card', image ? 'summary_large_image' : 'summary'],
    ['twitter:title', title],
    ['twitter:description', description],
    ...(image ? [['twitter:image', image]] : []),
  ] as Array<[string, string]>,
});

/**
 * The article page's head: the `seo` component's fields first, then the article's own (title,
 * standfirst, cover), then the site's (description, default social image); `NewsArticle`
 * structured data.
 */
export const articleHead = (site: SiteSettings, article: ArticlePayload): HeadData => {
  const seo = article.seo ?? {};
  const canonical = seo.canonicalUrl || `${site.publicUrl}${paths.article(article.slug)}`;
  const headline = seo.metaTitle || article.title;
  const description = seo.metaDescription || article.standfirst || site.description;
  const image =
    mediaUrl(site, seo.ogImage) ?? mediaUrl(site, article.cover) ?? site.defaultSocialImageUrl;
  const published = article.originallyPublishedAt ?? article.publishedAt ?? article.updatedAt;
  const modified = lastUpdateOf(article).toISOString();
  const social = socialTags(site, {
    type: 'article',
    title: headline,
    description,
    url: canonical,
    image,
  });
  const authors = article.authors ?? [];
  return {
    title: `${headline} | ${site.publicationName}`,
    description,
    canonical,
    openGraph: [
      ...social.openGraph,
      ['article:published_time', new Date(published).toISOString()],
      ['article:modified_time', modified],
      ...(article.section ? [['article:section', article.section.name] as [string, string]] : []),
      ...authors.map(
        (author) =>
          ['article:author', `${site.publicUrl}${paths.author(author.slug)}`] as [string, string],
      ),
    ],
    twitter: social.twitter,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      url: canonical,
      headline: article.title.slice(0, 110),
      description,
      datePublished: new Date(published).toISOString(),
      dateModified: modified,
      inLanguage: site.language,
      ...(image ? { image: [image] } : {}),
      ...(article.section ? { articleSection: article.section.name } : {}),
      author: authors.map((author) => ({
        '@type': 'Person',
        name: author.name,
        url: `${site.publicUrl}${paths.author(author.slug)}`,
        ...(author.jobTitle ? { jobTitle: author.jobTitle } : {}),
      })),
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: site.publicationName,
        url: site.publicUrl,
        ...(site.logoUrl ? { logo: { '@type': 'ImageObject', url: site.logoUrl } } : {}),
      },
    },
  };
};

/** A list page's head (home, section, author): `CollectionPage` structured data. */
export const listHead = (
  site: SiteSettings,
  {
    title,
    description,
    path,
    page,
    profile,
  }: {
    title: string;
    description: string;
    path: string;
    page: number;
    profile?: { name: string; jobTitle?: string | null };
  },
): HeadData => {
  const canonical = `${site.publicUrl}${path}${page > 1 ? `?page=${page}` : ''}`;
  const fullTitle = title === site.publicationName ? title : `${title} | ${site.publicationName}`;
  const social = socialTags(site, {
    type: 'website',
    title: fullTitle,
    description,
    url: canonical,
    image: site.defaultSocialImageUrl,
  });
  return {
    title: page > 1 ? `${fullTitle} (page ${page})` : fullTitle,
    description,
    canonical,
    ...social,
    jsonLd: {
      '@context': 'https://schema.org',
      '@type': profile ? 'ProfilePage' : 'CollectionPage',
      name: title,
      url: canonical,
      inLanguage: site.language,
      ...(profile
        ? {
            mainEntity: {
              '@type': 'Person',
              name: profile.name,
              ...(profile.jobTitle ? { jobTitle: profile.jobTitle } : {}),
            },
          }
        : {}),
      isPartOf: { '@type': 'WebSite', name: site.publicationName, url: site.publicUrl },
    },
  };
};

/** The head of a page that must not be indexed (not found, preview). */
export const unindexedHead = (site: SiteSettings, title: string, path: string): HeadData => ({
  title: `${title} | ${site.publicationName}`,
  description: site.description,
  canonical: `${site.publicUrl}${path}`,
  robots: 'noindex, nofollow',
  openGraph: [],
  twitter: [],
});
