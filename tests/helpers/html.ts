/**
 * A light reading of server-rendered HTML for the reader-page tests (no parser package): elements
 * found by attribute, their text, attributes, meta tags and JSON-LD. Enough for markup React
 * wrote (quoted attributes, closed elements), not for HTML in general.
 */

export interface Element {
  tag: string;
  /** The opening tag's attributes, entities decoded. */
  attrs: Record<string, string>;
  /** The markup between the opening and the closing tag. */
  inner: string;
  /** The text content: tags removed, entities decoded, whitespace as written. */
  text: string;
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  '#x27': "'",
  '#39': "'",
  nbsp: '\u00a0',
};

export const decode = (text: string): string =>
  text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (match, name: string) => {
    if (ENTITIES[name.toLowerCase()] !== undefined) return ENTITIES[name.toLowerCase()];
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return match;
  });

const attributesOf = (openTag: string): Record<string, string> => {
  const attrs: Record<string, string> = {};
  // The tag's name first, then its attributes.
  const [, ...matches] = [...openTag.matchAll(/([\w:-]+)(?:="([^"]*)")?/g)];
  // HTML attribute names are case-insensitive (React writes `dateTime`, `charSet`).
  for (const match of matches) attrs[match[1].toLowerCase()] = decode(match[2] ?? '');
  return attrs;
};

const VOID = new Set(['meta', 'link', 'img', 'br', 'hr', 'input', 'source']);

/** The element whose opening tag starts at `start`, up to its matching closing tag. */
const elementAt = (html: string, start: number): Element => {
  const openEnd = html.indexOf('>', start);
  const openTag = html.slice(start, openEnd + 1);
  const tag = /^<([\w-]+)/.exec(openTag)?.[1] ?? '';
  const attrs = attributesOf(openTag.slice(0, -1));
  if (VOID.has(tag) || openTag.endsWith('/>')) return { tag, attrs, inner: '', text: '' };
  const pattern = new RegExp(`<(/?)${tag}\\b[^>]*>`, 'g');
  pattern.lastIndex = openEnd + 1;
  let depth = 1;
  for (let match = pattern.exec(html); match; match = pattern.exec(html)) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      const inner = html.slice(openEnd + 1, match.index);
      return { tag, attrs, inner, text: decode(inner.replace(/<[^>]*>/g, '')) };
    }
  }
  throw new Error(`<${tag}> is never closed`);
};

/** Every element with `name="value"` among its attributes. */
export const allBy = (html: string, name: string, value: string): Element[] => {
  const found: Element[] = [];
  const pattern = new RegExp(
    `<[\\w-]+\\b[^>]*\\s${name}="${value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*>`,
    'g',
  );
  for (const match of html.matchAll(pattern)) found.push(elementAt(html, match.index ?? 0));
  return found;
};

/** The one element with `data-testid="id"` (throws when there is none or several). */
export const byTestId = (html: string, id: string): Element => {
  const found = allBy(html, 'data-testid', id);
  if (found.length !== 1) throw new Error(`${found.length} elements with data-testid="${id}"`);
  return found[0];
};

/** Every element of a tag (`<time>`, `<a>`) inside some markup. */
export const allTags = (html: string, tag: string): Element[] =>
  [...html.matchAll(new RegExp(`<${tag}\\b`, 'g'))].map((match) =>
    elementAt(html, match.index ?? 0),
  );

/** `<meta property|name="key" content="...">` values, by key. */
export const metaTags = (html: string): Record<string, string> => {
  const head = html.slice(0, html.indexOf('</head>'));
  const meta: Record<string, string> = {};
  for (const element of allTags(head, 'meta')) {
    const key = element.attrs.property ?? element.attrs.name;
    if (key && element.attrs.content !== undefined) meta[key] ??= element.attrs.content;
  }
  return meta;
};

/** `<link rel="canonical">`'s URL. */
export const canonicalOf = (html: string): string | undefined =>
  allTags(html, 'link').find((link) => link.attrs.rel === 'canonical')?.attrs.href;

/** The page's `<title>`. */
export const titleOf = (html: string): string => allTags(html, 'title')[0]?.text ?? '';

/** Every `application/ld+json` block, parsed as a consumer would (JSON.parse of its raw text). */
export const jsonLdOf = (html: string): Array<Record<string, unknown>> =>
  allTags(html, 'script')
    .filter((script) => script.attrs.type === 'application/ld+json')
    .map((script) => JSON.parse(script.inner) as Record<string, unknown>);
