/** Words a reader gets through in a minute: the figure behind the page's "2 min read". */
export const WORDS_PER_MINUTE = 200;

type BlockNode = { text?: unknown; children?: unknown };

const collectText = (node: unknown, out: string[]): void => {
  if (Array.isArray(node)) {
    node.forEach((child) => collectText(child, out));
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const { text, children } = node as BlockNode;
  if (typeof text === 'string') out.push(text);
  if (children !== undefined) collectText(children, out);
};

/** The words in a Strapi blocks value (any nesting: paragraphs, lists, quotes, links). */
export const countWords = (blocks: unknown): number => {
  const texts: string[] = [];
  collectText(blocks, texts);
  return texts
    .join(' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
};

/** Minutes to read `blocks` at {@link WORDS_PER_MINUTE}, rounded up, at least 1. */
export const readingTimeMinutes = (blocks: unknown): number =>
  Math.max(1, Math.ceil(countWords(blocks) / WORDS_PER_MINUTE));
