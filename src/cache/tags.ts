/** The list tags routes may carry: a write to one type purges every list of it. */
export type ListTag = 'articles' | 'sections' | 'authors' | 'tags' | 'site-settings';

export interface BodyInspection {
  /** Every `documentId` in the answer, once each. */
  documentIds: string[];
  /** Whether any object holds `publishedAt: null` (a draft): such an answer is never stored. */
  holdsDraft: boolean;
}

/** Walks a JSON answer once: its document ids (the entry's tags) and whether it holds a draft. */
export const inspectBody = (body: unknown): BodyInspection => {
  const ids = new Set<string>();
  let holdsDraft = false;
  const stack: unknown[] = [body];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) stack.push(item);
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.documentId === 'string') ids.add(record.documentId);
      if ('publishedAt' in record && record.publishedAt === null) holdsDraft = true;
      for (const key of Object.keys(record)) stack.push(record[key]);
    }
  }
  return { documentIds: [...ids], holdsDraft };
};
