/**
 * The revision diff: only fields that differ, blocks compared as their text (formatting alone is
 * no difference), relations and components compared as values whatever their key order.
 */

import { blocksText, diffSnapshots } from '../../src/revisions/diff';
import { parseRevisionSettings } from '../../src/revisions/settings';

const paragraph = (...texts: Array<{ text: string; bold?: boolean }>) => ({
  type: 'paragraph',
  children: texts.map((text) => ({ type: 'text', ...text })),
});

describe('diffSnapshots', () => {
  it('answers nothing for equal snapshots, key order aside', () => {
    const seo = { metaTitle: 'T', metaDescription: 'D' };
    expect(
      diffSnapshots(
        { title: 'A', seo, authors: ['x', 'y'] },
        { authors: ['x', 'y'], seo: { metaDescription: 'D', metaTitle: 'T' }, title: 'A' },
      ),
    ).toEqual([]);
  });

  it('names each changed field with its values, relation order counting', () => {
    expect(
      diffSnapshots(
        { title: 'A', authors: ['x', 'y'], section: 's1' },
        { title: 'B', authors: ['y', 'x'], section: 's1' },
      ),
    ).toEqual([
      { field: 'title', kind: 'value', before: 'A', after: 'B' },
      { field: 'authors', kind: 'value', before: ['x', 'y'], after: ['y', 'x'] },
    ]);
  });

  it('compares blocks as text, one line per block', () => {
    const before = [paragraph({ text: 'One ' }, { text: 'two' }), paragraph({ text: 'Three' })];
    const bolded = [
      paragraph({ text: 'One ' }, { text: 'two', bold: true }),
      paragraph({ text: 'Three' }),
    ];
    expect(blocksText(before)).toBe('One two\nThree');
    expect(diffSnapshots({ body: before }, { body: bolded })).toEqual([]);
    expect(diffSnapshots({ body: before }, { body: [paragraph({ text: 'Four' })] })).toEqual([
      { field: 'body', kind: 'text', before: 'One two\nThree', after: 'Four' },
    ]);
    expect(diffSnapshots({ body: null }, { body: before })).toEqual([
      { field: 'body', kind: 'text', before: '', after: 'One two\nThree' },
    ]);
  });
});

describe('the revision settings', () => {
  it('defaults to on, 50 per article, 365 days, and refuses malformed values by name', () => {
    expect(
      parseRevisionSettings({ enabled: 'true', maxPerArticle: '50', maxAgeDays: '365' }),
    ).toEqual({ enabled: true, maxPerArticle: 50, maxAgeDays: 365 });
    expect(() =>
      parseRevisionSettings({ enabled: 'yes', maxPerArticle: '0', maxAgeDays: '365' }),
    ).toThrow(/REVISIONS_ENABLED must be "true" or "false".*REVISIONS_MAX_PER_ARTICLE/);
  });
});
