/**
 * unit: signed preview links: valid for their document and status until they expire (the clock
 * injected), refused when tampered with, made with another secret, or expired.
 */

import {
  previewLinkTtlMinutes,
  signPreviewLink,
  verifyPreviewLink,
} from '../../src/api/article/auth/preview-link';

const SECRET = 'unit-preview-secret';
const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const MINUTE = 60_000;

const made = signPreviewLink(SECRET, {
  documentId: 'abcdefghijklmnopqrstuvwx',
  status: 'draft',
  ttlMinutes: 30,
  now: NOW,
});
const asQuery = { ...made, expires: String(made.expires) };

describe('signed preview links', () => {
  it('expire ttlMinutes after they are made', () => {
    expect(made.expires).toBe(NOW / 1000 + 30 * 60);
    expect(made.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('are valid for their document until they expire', () => {
    expect(verifyPreviewLink(SECRET, asQuery, NOW)).toEqual({ ok: true });
    expect(verifyPreviewLink(SECRET, asQuery, NOW + 30 * MINUTE - 1)).toEqual({ ok: true });
    expect(verifyPreviewLink(SECRET, asQuery, NOW + 30 * MINUTE)).toMatchObject({
      ok: false,
      reason: 'expired',
      message: expect.stringContaining('expired at 2026-11-28T12:30:00.000Z'),
    });
  });

  it.each([
    ['another document', { documentId: 'zzzzzzzzzzzzzzzzzzzzzzzz' }],
    ['another status', { status: 'published' }],
    ['a later expiry', { expires: String(made.expires + 3600) }],
    ['another signature', { signature: `${made.signature.slice(0, -2)}AA` }],
    ['a short signature', { signature: 'abc' }],
  ])('are refused for %s', (_, change) => {
    expect(verifyPreviewLink(SECRET, { ...asQuery, ...change }, NOW)).toMatchObject({
      ok: false,
      reason: 'tampered',
    });
  });

  it('are refused when made with another secret', () => {
    expect(verifyPreviewLink('another-secret', asQuery, NOW)).toMatchObject({ reason: 'tampered' });
  });

  it.each([
    ['no signature', { signature: undefined }],
    ['an expiry that is not a number', { expires: 'soon' }],
    ['an unknown status', { status: 'archived' }],
    ['a repeated parameter', { signature: [made.signature, made.signature] }],
  ])('are malformed with %s', (_, change) => {
    expect(verifyPreviewLink(SECRET, { ...asQuery, ...change }, NOW)).toMatchObject({
      reason: 'malformed',
    });
  });
});

describe('previewLinkTtlMinutes', () => {
  it('is 30 unless set, and takes 1 to 1440', () => {
    expect(previewLinkTtlMinutes(undefined)).toBe(30);
    expect(previewLinkTtlMinutes('')).toBe(30);
    expect(previewLinkTtlMinutes('1')).toBe(1);
    expect(previewLinkTtlMinutes('1440')).toBe(1440);
  });

  it.each(['0', '1441', '-5', '2.5', 'ten'])('refuses %p, naming the variable', (value) => {
    expect(() => previewLinkTtlMinutes(value)).toThrow(/PREVIEW_LINK_TTL_MINUTES must be/);
  });
});
