/**
 * Reading time: words counted across every kind of block (not punctuation), 200 a minute,
 * rounded up, at least 1.
 */

import {
  countWords,
  readingTimeMinutes,
  WORDS_PER_MINUTE,
} from '../../src/publishing/reading-time';
import { paragraph, words } from '../helpers/fixtures';

describe('countWords', () => {
  it('counts the words of a paragraph', () => {
    expect(countWords([paragraph('The quick brown fox')])).toBe(4);
  });

  it('counts across blocks without joining the last word of one to the first of the next', () => {
    expect(countWords([paragraph('one two'), paragraph('three')])).toBe(3);
  });

  it('reads every nesting: headings, lists, quotes, links, bold runs', () => {
    const blocks = [
      { type: 'heading', level: 2, children: [{ type: 'text', text: 'Big news' }] },
      {
        type: 'list',
        format: 'ordered',
        children: [
          { type: 'list-item', children: [{ type: 'text', text: 'first item' }] },
          {
            type: 'list-item',
            children: [
              { type: 'text', text: 'see ' },
              {
                type: 'link',
                url: 'https://example.com',
                children: [{ type: 'text', text: 'this link' }],
              },
            ],
          },
        ],
      },
      {
        type: 'quote',
        children: [
          { type: 'text', text: 'quoted', bold: true },
          { type: 'text', text: ' words' },
        ],
      },
    ];
    expect(countWords(blocks)).toBe(9);
  });

  it('does not count punctuation, dashes or emoji on their own', () => {
    expect(countWords([paragraph('Wait — what … ?! -- 🙂 yes')])).toBe(3);
  });

  it('counts words in any script, and numbers', () => {
    expect(countWords([paragraph('Привет мир 東京 2024 café')])).toBe(5);
  });

  it('treats any whitespace as a separator', () => {
    expect(countWords([paragraph('  one\ttwo\n\nthree   ')])).toBe(3);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['an empty array', []],
    ['a string', 'not blocks'],
    ['a number', 42],
    ['an empty paragraph', [paragraph('')]],
    [
      'an image block',
      [{ type: 'image', image: { url: '/x.png' }, children: [{ type: 'text', text: '' }] }],
    ],
  ])('is 0 for %s', (_what, value) => {
    expect(countWords(value)).toBe(0);
  });
});

describe('readingTimeMinutes', () => {
  it('reads at 200 words a minute', () => {
    expect(WORDS_PER_MINUTE).toBe(200);
  });

  it.each([
    [0, 1],
    [1, 1],
    [199, 1],
    [200, 1],
    [201, 2],
    [400, 2],
    [401, 3],
    [450, 3],
    [2000, 10],
  ])('is %i words -> %i min (rounded up, at least 1)', (n, minutes) => {
    expect(readingTimeMinutes([paragraph(words(n))])).toBe(minutes);
  });

  it('adds up the words of every block', () => {
    expect(readingTimeMinutes([paragraph(words(150, 'a')), paragraph(words(51, 'b'))])).toBe(2);
  });

  it('is 1 for no body at all', () => {
    expect(readingTimeMinutes(null)).toBe(1);
    expect(readingTimeMinutes(undefined)).toBe(1);
  });
});
