/**
 * A tiny XML reader for the feed and sitemap tests: `sax` (already installed, the parser the
 * `sitemap` package uses) in strict mode, so a malformed document throws, into a plain tree.
 */
import sax from 'sax';

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  /** The text and CDATA directly inside the element, joined. */
  text: string;
}

/** Parses `xml` (throws on anything not well-formed) and returns the root element. */
export const parseXml = (xml: string): XmlNode => {
  const parser = sax.parser(true, { trim: false });
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const top = () => stack[stack.length - 1];
  parser.onopentag = (tag) => {
    const node: XmlNode = {
      name: tag.name,
      attributes: Object.fromEntries(
        Object.entries(tag.attributes).map(([key, value]) => [
          key,
          typeof value === 'string' ? value : value.value,
        ]),
      ),
      children: [],
      text: '',
    };
    top().children.push(node);
    stack.push(node);
  };
  parser.onclosetag = () => void stack.pop();
  parser.ontext = (text) => (top().text += text);
  parser.oncdata = (text) => (top().text += text);
  parser.onerror = (error) => {
    throw error;
  };
  parser.write(xml).close();
  const [element] = root.children;
  if (!element) throw new Error('no root element');
  return element;
};

/** The direct children named `name`. */
export const childrenNamed = (node: XmlNode, name: string): XmlNode[] =>
  node.children.filter((child) => child.name === name);

/** The text of the first direct child named `name` (trimmed), or undefined. */
export const childText = (node: XmlNode, name: string): string | undefined =>
  childrenNamed(node, name)[0]?.text.trim();

/** An RSS document's channel and items, as plain values. */
export const rssOf = (xml: string) => {
  const rss = parseXml(xml);
  const [channel] = childrenNamed(rss, 'channel');
  return {
    rss,
    channel,
    items: childrenNamed(channel, 'item').map((item) => ({
      title: item.children.find((c) => c.name === 'title')?.text ?? '',
      link: childText(item, 'link'),
      guid: childText(item, 'guid'),
      pubDate: childText(item, 'pubDate'),
      description: childrenNamed(item, 'description')[0]?.text,
      categories: childrenNamed(item, 'category').map((c) => c.text.trim()),
      creators: childrenNamed(item, 'dc:creator').map((c) => c.text),
    })),
  };
};

/** A sitemap's `<url>` entries, or a sitemap index's `<sitemap>` entries, as plain values. */
export const locsOf = (xml: string) => {
  const root = parseXml(xml);
  const entries = childrenNamed(root, root.name === 'sitemapindex' ? 'sitemap' : 'url');
  return {
    root,
    entries: entries.map((entry) => ({
      loc: childText(entry, 'loc') ?? '',
      lastmod: childText(entry, 'lastmod'),
      node: entry,
    })),
  };
};
