import type { Snapshot } from './snapshot';

export interface FieldChange {
  field: string;
  /** `text` for blocks (compared as their plain text), else `value`. */
  kind: 'text' | 'value';
  before: unknown;
  after: unknown;
}

interface Block {
  type?: string;
  text?: string;
  children?: unknown[];
}

const isBlocks = (value: unknown): value is Block[] =>
  Array.isArray(value) &&
  value.length > 0 &&
  value.every((item) => item && typeof item === 'object' && 'type' in item && 'children' in item);

const textOf = (node: unknown): string => {
  if (!node || typeof node !== 'object') return '';
  const { text, children } = node as Block;
  if (typeof text === 'string') return text;
  return Array.isArray(children) ? children.map(textOf).join('') : '';
};

/** A blocks field as text: one line per top-level block (paragraph, heading, list, quote...). */
export const blocksText = (blocks: Block[]): string =>
  blocks.map((block) => textOf(block)).join('\n');

/** JSON with object keys sorted, so that two equal values always compare equal. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  ) ?? 'null';

/**
 * The fields that differ between two snapshots, in the order the later one lists them. Blocks are
 * compared (and answered) as their text: a change of formatting alone is no difference.
 */
export const diffSnapshots = (from: Snapshot, to: Snapshot): FieldChange[] => {
  const fields = [...new Set([...Object.keys(to), ...Object.keys(from)])];
  const changes: FieldChange[] = [];
  for (const field of fields) {
    const before = from[field] ?? null;
    const after = to[field] ?? null;
    if (isBlocks(before) || isBlocks(after)) {
      const [a, b] = [before, after].map((value) => (isBlocks(value) ? blocksText(value) : ''));
      if (a !== b) changes.push({ field, kind: 'text', before: a, after: b });
    } else if (canonical(before) !== canonical(after)) {
      changes.push({ field, kind: 'value', before, after });
    }
  }
  return changes;
};
