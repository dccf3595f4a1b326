/**
 * Query parameters whose values are credentials: matched on the name, or on any bracketed part
 * of it (`data[password]`), ignoring case.
 */
export const SECRET_PARAMETERS = new Set([
  'secret',
  'signature',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'code',
  'password',
  'confirmation',
  'key',
  'api_key',
  'apikey',
  'jwt',
  'authorization',
]);

export const REDACTED = '[REDACTED]';

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text; // malformed escapes: judge the name as written
  }
};

const isSecretName = (rawName: string): boolean =>
  decode(rawName)
    .toLowerCase()
    .split(/[[\]]+/)
    .some((part) => SECRET_PARAMETERS.has(part));

/**
 * `url` (path and query, as `ctx.url`) with the value of every secret parameter replaced by
 * `[REDACTED]`; everything else as it came, so a log line still shows what was asked.
 */
export const redactUrl = (url: string): string => {
  const start = url.indexOf('?');
  if (start === -1) return url;
  const hashAt = url.indexOf('#', start);
  const end = hashAt === -1 ? url.length : hashAt;
  const query = url
    .slice(start + 1, end)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      const name = equals === -1 ? pair : pair.slice(0, equals);
      return equals !== -1 && isSecretName(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
  return `${url.slice(0, start + 1)}${query}${url.slice(end)}`;
};
