/**
 * `toSlug`: the same slugs as `slugify` strict, cut at a word within the maximum length, never
 * with a trailing hyphen.
 */

import { SLUG_MAX_LENGTH, SLUG_PATTERN } from '../../src/constants';
import { toSlug } from '../../src/publishing/slug';

describe('toSlug', () => {
  it.each([
    [
      "NATO's Rutte anticipates success of US peace initiative for Ukraine",
      'natos-rutte-anticipates-success-of-us-peace-initiative-for-ukraine',
    ],
    ['Hello, World!', 'hello-world'],
    ['Café Crème brûlée', 'cafe-creme-brulee'],
    ['Rock & Roll', 'rock-and-roll'],
    ['  --Multiple   spaces-- ', 'multiple-spaces'],
    ['2024: A year in review', '2024-a-year-in-review'],
    ['Привет мир', 'privet-mir'],
    ['Hello_world foo.bar', 'helloworld-foobar'],
    ['ÆØÅ æøå ß', 'aeoa-aeoa-ss'],
    ['already-a-slug', 'already-a-slug'],
  ])('%p -> %p', (text, slug) => {
    expect(toSlug(text)).toBe(slug);
  });

  it.each(['', '!!!', '日本語', '   '])('is empty when nothing in %p survives', (text) => {
    expect(toSlug(text)).toBe('');
  });

  it('keeps a slug of exactly the maximum length whole', () => {
    const text = 'a'.repeat(SLUG_MAX_LENGTH);
    expect(toSlug(text)).toBe(text);
  });

  it('cuts a long title at the last whole word within 200 characters', () => {
    const title = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const slug = toSlug(title);

    expect(SLUG_MAX_LENGTH).toBe(200);
    expect(slug.length).toBeLessThanOrEqual(200);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.endsWith('-word29')).toBe(true); // word30 would not fit whole
    expect(toSlug(title).length).toBe(199);
  });

  it('never leaves a trailing hyphen when the cut falls just after one', () => {
    const slug = toSlug(`${'a'.repeat(199)} b c`);
    expect(slug).toBe('a'.repeat(199));
  });

  it('cuts inside a word when no hyphen lies in the second half', () => {
    expect(toSlug('a'.repeat(250))).toBe('a'.repeat(200));
    expect(toSlug(`abc ${'d'.repeat(300)}`)).toBe(`abc-${'d'.repeat(196)}`);
  });

  it('prefers the word boundary in the second half of the limit', () => {
    expect(toSlug(`${'a'.repeat(150)} ${'b'.repeat(100)}`)).toBe('a'.repeat(150));
  });

  it('takes another maximum length', () => {
    expect(toSlug('hello world', 7)).toBe('hello');
    expect(toSlug('hello world', 11)).toBe('hello-world');
    expect(toSlug('abcdefghij', 4)).toBe('abcd');
  });

  it.each([
    "NATO's Rutte",
    'Ça va? — Oui!',
    '  lots   of   space  ',
    'Tom & Jerry / 50% off $5',
    Array.from({ length: 80 }, (_, i) => `mot${i}`).join(' - '),
    `${'x'.repeat(100)} -- ${'y'.repeat(150)}`,
  ])('always answers a valid slug for %p', (text) => {
    const slug = toSlug(text);
    expect(slug).toMatch(SLUG_PATTERN);
    expect(slug.length).toBeLessThanOrEqual(SLUG_MAX_LENGTH);
  });
});
