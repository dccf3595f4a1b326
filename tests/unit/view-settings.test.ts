import { parseViewsSettings, VIEWS_VARIABLES } from '../../src/views/settings';

/**
 * unit: `parseViewsSettings`, the boot check of the view counter's variables: defaults pass, and
 * a malformed or out-of-range value is refused with a message naming its variable.
 */

const DEFAULTS = {
  ...Object.fromEntries(
    Object.entries(VIEWS_VARIABLES).map(([key, { fallback }]) => [key, String(fallback)]),
  ),
  redisUrl: '',
};

describe('VIEWS_MAX_PER_IP_PER_ARTICLE', () => {
  it('defaults to 10', () => {
    expect(parseViewsSettings(DEFAULTS).maxPerIpPerArticle).toBe(10);
  });

  it('takes a whole number of 1 or more', () => {
    expect(parseViewsSettings({ ...DEFAULTS, maxPerIpPerArticle: '1' }).maxPerIpPerArticle).toBe(1);
    expect(
      parseViewsSettings({ ...DEFAULTS, maxPerIpPerArticle: ' 250 ' }).maxPerIpPerArticle,
    ).toBe(250);
  });

  it.each([
    [
      '0',
      /VIEWS_MAX_PER_IP_PER_ARTICLE must be a whole number of 1 or more\. \(It cannot be turned off/,
    ],
    ['-5', /VIEWS_MAX_PER_IP_PER_ARTICLE must be a whole number of 1 or more, not "-5"/],
    ['ten', /VIEWS_MAX_PER_IP_PER_ARTICLE must be a whole number of 1 or more, not "ten"/],
    ['', /VIEWS_MAX_PER_IP_PER_ARTICLE must be a whole number of 1 or more, not ""/],
  ])('refuses %j, naming the variable', (value, message) => {
    expect(() => parseViewsSettings({ ...DEFAULTS, maxPerIpPerArticle: value })).toThrow(message);
  });
});
