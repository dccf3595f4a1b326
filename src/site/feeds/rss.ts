import { Feed } from 'feed';

import type { SiteSettings } from '../settings';
import type { ListedArticle } from './articles';
import { escapeXml, xmlSafe } from './xml-text';

/** One RSS channel: the publication's, a section's or an author's. */
export interface Channel {
  title: string;
  description: string;
  /** The HTML page the channel stands for (absolute). */
  link: string;
  /** The feed's own URL (absolute), its `atom:link rel="self"`. */
  self: string;
}

/** An article's reader page. */
export const articleUrl = (publicUrl: string, slug: string) => `${publicUrl}/news/${slug}`;

/** A permalink that survives slug changes: `/news/id/<documentId>` redirects to the page. */
export const articlePermalink = (publicUrl: string, documentId: string) =>
  `${publicUrl}/news/id/${documentId}`;

const CDATA_END = ']]>';

/**
 * Text that `feed` 4.2.2 puts in a CDATA section (titles, descriptions). Its XML writer (xml-js)
 * splits only the FIRST `]]>` of a CDATA section, so a second one would end the section early
 * and break the document: every later one is split here, the first left to xml-js.
 */
export const cdataText = (text: string): string => {
  const safe = xmlSafe(text);
  const first = safe.indexOf(CDATA_END);
  if (first === -1) return safe;
  const head = safe.slice(0, first + CDATA_END.length);
  return head + safe.slice(head.length).split(CDATA_END).join(']]]]><![CDATA[>');
};

/**
 * Text that `feed` writes as element text: xml-js escapes `&`, `<` and `>`, but first turns
 * every `&amp;` back into `&` (to avoid double escaping), which would change `&amp;` typed by an
 * editor into `&`. Writing `&` as `&amp;` first keeps the text as typed.
 */
const elementText = (text: string): string => xmlSafe(text).replace(/&/g, '&amp;');

const date = (value: string | Date): Date => new Date(value);

/**
 * The RSS 2.0 document of a channel, written by `feed`. RSS's `<author>` must be an e-mail
 * address, which bylines do not publish: the names go in `<dc:creator>` (one per author), added
 * after each item's unique `<guid>`.
 */
export const renderRss = (
  settings: SiteSettings,
  channel: Channel,
  items: ListedArticle[],
): string => {
  // The newest item, not the request's time: the same items make the same bytes (ETag). An
  // empty feed says now.
  const newest = items[0] ? date(items[0].originallyPublishedAt) : undefined;
  const feed = new Feed({
    id: channel.link,
    title: elementText(channel.title),
    description: elementText(channel.description || channel.title),
    link: channel.link,
    language: settings.language,
    image: settings.logoUrl ?? undefined,
    updated: newest,
    feed: channel.self,
    copyright: elementText(`© ${settings.publicationName}`),
  });
  for (const article of items) {
    feed.addItem({
      title: cdataText(article.title),
      link: articleUrl(settings.publicUrl, article.slug),
      guid: articlePermalink(settings.publicUrl, article.documentId),
      date: date(article.originallyPublishedAt),
      description: article.standfirst ? cdataText(article.standfirst) : undefined,
      category: article.section
        ? [
            {
              name: elementText(article.section.name),
              // An attribute: xml-js escapes only its quotes.
              domain: escapeXml(`${settings.publicUrl}/news/section/${article.section.slug}`),
            },
          ]
        : undefined,
    });
  }
  let xml = feed.rss2();
  xml = xml.replace(
    '<rss version="2.0"',
    '<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"',
  );
  for (const article of items) {
    if (article.authors.length === 0) continue;
    const guid = `<guid>${escapeXml(articlePermalink(settings.publicUrl, article.documentId))}</guid>`;
    const creators = article.authors
      .map((author) => `\n            <dc:creator>${escapeXml(author.name)}</dc:creator>`)
      .join('');
    xml = xml.replace(guid, `${guid}${creators}`);
  }
  return xml;
};
