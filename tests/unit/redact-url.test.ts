/**
 * unit: `redactUrl`, what the request log writes in place of `ctx.url`: the value of every secret
 * or token parameter replaced, whatever its case or bracketing; everything else as it came.
 */

import { REDACTED, redactUrl } from '../../src/http/redact';

describe('redactUrl', () => {
  it.each([
    [
      '/api/articles/x/preview?secret=abc&signature=xyz',
      `/api/articles/x/preview?secret=${REDACTED}&signature=${REDACTED}`,
    ],
    [
      '/api/connect/github/callback?access_token=t0k&code=c0de',
      `/api/connect/github/callback?access_token=${REDACTED}&code=${REDACTED}`,
    ],
    ['/api/x?Token=a&PASSWORD=b', `/api/x?Token=${REDACTED}&PASSWORD=${REDACTED}`],
    [
      '/api/x?data[password]=p&data%5Bsecret%5D=s',
      `/api/x?data[password]=${REDACTED}&data%5Bsecret%5D=${REDACTED}`,
    ],
    [
      '/api/auth/email-confirmation?confirmation=abc',
      `/api/auth/email-confirmation?confirmation=${REDACTED}`,
    ],
  ])('redacts %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });

  it('keeps every other parameter, the path and a fragment as they came', () => {
    const url = '/api/articles?sort=title:asc&filters[slug][$eq]=a-b&pagination[page]=2#top';
    expect(redactUrl(url)).toBe(url);
    expect(redactUrl('/api/articles')).toBe('/api/articles');
    expect(redactUrl('/api/x?secret')).toBe('/api/x?secret');
    expect(redactUrl('/api/x?status=draft&expires=1&signature=s#f')).toBe(
      `/api/x?status=draft&expires=1&signature=${REDACTED}#f`,
    );
  });

  it('judges a name with malformed escapes as written', () => {
    expect(redactUrl('/api/x?%E0%A4%A=1&secret=%zz')).toBe(`/api/x?%E0%A4%A=1&secret=${REDACTED}`);
  });
});
