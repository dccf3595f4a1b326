/**
 * unit: the text the feeds hand to their libraries stays well-formed XML whatever editors type
 * (`]]>` any number of times, control characters), Google News gets ISO 639 languages, and
 * SITEMAP_URLS_PER_FILE is checked at boot.
 */
import { readUrlsPerFile } from '../../src/site/feeds';
import { renderRss } from '../../src/site/feeds/rss';
import { newsLanguage } from '../../src/site/sitemaps/render';
import { rssOf } from '../helpers/xml';

const SETTINGS = {
  publicationName: 'P & <Q>',
  description: '',
  language: 'en',
  publicUrl: 'https://news.example.test',
  logoUrl: null,
  defaultSocialImageUrl: null,
};

const rssWithTitle = (title: string) =>
  renderRss(
    SETTINGS,
    { title: 'P', description: '', link: 'https://news.example.test/news', self: 'https://x/rss' },
    [
      {
        documentId: 'abcdefghijklmnopqrstuvwx',
        title,
        slug: 'a',
        standfirst: title,
        originallyPublishedAt: '2026-01-01T00:00:00.000Z',
        updatedAt: '2026-01-01T00:00:00.000Z',
        section: null,
        authors: [{ name: title, slug: 'b' }],
      },
    ],
  );

describe('RSS text', () => {
  it.each([
    ['no CDATA end', 'Plain <b>title</b> & more'],
    ['one CDATA end', 'One ]]> end'],
    ['three CDATA ends', ']]>a]]>b]]>'],
    ['a CDATA start and end', '<![CDATA[x]]>'],
    ['entities typed as text', 'Fish &amp; chips &lt;3'],
  ])('keeps %s as typed, in title, description and dc:creator', (_label, title) => {
    const [item] = rssOf(rssWithTitle(title)).items;
    expect(item.title).toBe(title);
    expect(item.description).toBe(title);
    expect(item.creators).toEqual([title]);
  });

  it('drops characters XML cannot hold', () => {
    const [item] = rssOf(rssWithTitle('bell\u0007 and \uD800 lone')).items;
    expect(item.title).toBe('bell and  lone');
  });
});

describe('newsLanguage', () => {
  it.each([
    ['en', 'en'],
    ['en-GB', 'en'],
    ['fr_CA', 'fr'],
    ['zh-TW', 'zh-tw'],
    ['zh-Hant-HK', 'zh-tw'],
    ['zh', 'zh-cn'],
    ['zh-Hans', 'zh-cn'],
  ])('%s -> %s', (language, expected) => expect(newsLanguage(language)).toBe(expected));
});

describe('SITEMAP_URLS_PER_FILE', () => {
  it('defaults to the protocol maximum', () => {
    expect(readUrlsPerFile(undefined)).toBe(50_000);
    expect(readUrlsPerFile('')).toBe(50_000);
    expect(readUrlsPerFile('1000')).toBe(1000);
  });

  it.each(['0', '50001', 'many', '-3', '1.5'])('refuses %s, naming the variable', (raw) => {
    expect(() => readUrlsPerFile(raw)).toThrow(/SITEMAP_URLS_PER_FILE/);
  });
});
