/**
 * Characters XML 1.0 cannot hold at all, even escaped (C0 controls but tab, LF and CR, lone
 * surrogates, U+FFFE/U+FFFF): removed from text before a library writes it.
 */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export const xmlSafe = (text: string): string => text.replace(NOT_XML, '');

/** `&`, `<`, `>` and `"` as entities: for text and attribute values we write ourselves. */
export const escapeXml = (text: string): string =>
  xmlSafe(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
